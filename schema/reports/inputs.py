from datetime import datetime
from decimal import Decimal

import strawberry
from strawberry.file_uploads import Upload


@strawberry.input(description="受理事件（民意诉求）")
class ReportCreateInput:
    source: str = strawberry.field(description="来源：grid_worker / resident / hotline / other")
    category_id: strawberry.ID
    area_code: str = strawberry.field(description="所在区划代码（乡镇或村，12 位）")
    title: str
    description: str
    location: str = ""
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    reporter_name: str = ""
    reporter_phone: str = ""
    centre_id: strawberry.ID | None = strawberry.field(
        default=None, description="受理的综治中心；缺省为所在乡镇（街道）的综治中心"
    )


@strawberry.input(description="修改事件（只改传入的字段；仅限已受理、未派单的事件）")
class ReportUpdateInput:
    id: strawberry.ID
    source: str | None = strawberry.UNSET
    category_id: strawberry.ID | None = strawberry.UNSET
    title: str | None = strawberry.UNSET
    description: str | None = strawberry.UNSET
    location: str | None = strawberry.UNSET
    latitude: Decimal | None = strawberry.UNSET
    longitude: Decimal | None = strawberry.UNSET
    reporter_name: str | None = strawberry.UNSET
    reporter_phone: str | None = strawberry.UNSET


@strawberry.input(description="派单")
class DispatchReportInput:
    id: strawberry.ID
    unit_id: strawberry.ID | None = strawberry.field(
        default=None, description="承办单位；缺省按派单目录"
    )


@strawberry.input(description="需要填写理由的操作（回退、退回重办）")
class ReportReasonInput:
    id: strawberry.ID
    reason: str


@strawberry.input(description="可附说明的操作（核查、办结）")
class ReportNoteInput:
    id: strawberry.ID
    note: str = ""


@strawberry.input(description="转派")
class TransferReportInput:
    id: strawberry.ID
    to_unit_id: strawberry.ID
    reason: str


@strawberry.input(description="申请延期")
class RequestReportExtensionInput:
    id: strawberry.ID
    until: datetime = strawberry.field(description="申请延至的期限")
    reason: str


@strawberry.input(description="审批延期申请")
class ApproveReportExtensionInput:
    id: strawberry.ID
    approved: bool = True
    reason: str = strawberry.field(default="", description="不同意时必须填写理由")


@strawberry.input(description="反馈办理结果（可附佐证材料）")
class SubmitReportFeedbackInput:
    id: strawberry.ID
    content: str
    files: list[Upload] | None = strawberry.field(
        default=None, description="佐证材料（GraphQL multipart 上传）"
    )


@strawberry.input(description="群众评价")
class EvaluateReportInput:
    id: strawberry.ID
    solved: bool
    satisfaction: str = strawberry.field(description="satisfied / basically / dissatisfied")
    comment: str = ""


@strawberry.input(description="督办（级别只能提高）")
class SuperviseReportInput:
    id: strawberry.ID
    level: str = strawberry.field(description="ordinary / yellow / red")
    reason: str
    measure: str | None = strawberry.field(
        default=None, description="政策种类（GB/T 31000）：01 表彰奖励 … 05 挂牌督办 … 07 一票否决"
    )


@strawberry.input(description="新增事项类别")
class ReportCategoryCreateInput:
    code: str
    name: str
    limit_class: str = strawberry.field(description="utility / ordinary / complex")
    parent_id: strawberry.ID | None = None
    time_limit_hours: int | None = strawberry.field(
        default=None, description="办理时限（小时）；缺省按时限类别"
    )
    active: bool = True


@strawberry.input(description="修改事项类别（只改传入的字段）")
class ReportCategoryUpdateInput:
    id: strawberry.ID
    name: str | None = strawberry.UNSET
    parent_id: strawberry.ID | None = strawberry.UNSET
    limit_class: str | None = strawberry.UNSET
    time_limit_hours: int | None = strawberry.UNSET
    active: bool | None = strawberry.UNSET


@strawberry.input(description="设置派单规则（同一类别和区划已有规则时改为新的承办单位）")
class DispatchRuleCreateInput:
    category_id: strawberry.ID
    area_code: str = strawberry.field(description="适用区划代码（12 位）")
    unit_id: strawberry.ID
