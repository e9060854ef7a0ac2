from datetime import date
from decimal import Decimal

import strawberry


@strawberry.input(description="新建创建任务")
class CreationTaskCreateInput:
    code: str
    guideline_id: strawberry.ID = strawberry.field(description="来源文件（工作指引编号）")
    dimension: str = strawberry.field(
        description="类别：politics / rule_of_law / morality / autonomy / smart"
    )
    title: str
    target: str
    area_code: str = strawberry.field(description="任务所属区划（市级或县级，12 位）")
    lead_unit_id: strawberry.ID
    co_unit_ids: list[strawberry.ID] = strawberry.field(default_factory=list)
    deadline: date
    weight: Decimal = strawberry.field(description="分值")


@strawberry.input(description="修改创建任务（只改传入的字段；牵头和协办单位用 assignCreationTask）")
class CreationTaskUpdateInput:
    id: strawberry.ID
    guideline_id: strawberry.ID | None = strawberry.UNSET
    dimension: str | None = strawberry.UNSET
    title: str | None = strawberry.UNSET
    target: str | None = strawberry.UNSET
    deadline: date | None = strawberry.UNSET
    weight: Decimal | None = strawberry.UNSET


@strawberry.input(description="重新分派：指定牵头单位并替换协办单位")
class AssignCreationTaskInput:
    id: strawberry.ID
    lead_unit_id: strawberry.ID
    co_unit_ids: list[strawberry.ID] = strawberry.field(default_factory=list)


@strawberry.input(description="报送任务进度（报送单位为本人所在的牵头或协办单位）")
class ReportTaskProgressInput:
    id: strawberry.ID = strawberry.field(description="创建任务编号")
    percent: int = strawberry.field(description="完成进度（0–100）")
    narrative: str = strawberry.field(description="进展情况")


@strawberry.input(description="验收通过")
class AcceptTaskInput:
    id: strawberry.ID
    opinion: str = ""


@strawberry.input(description="退回整改")
class ReturnTaskInput:
    id: strawberry.ID
    reason: str
