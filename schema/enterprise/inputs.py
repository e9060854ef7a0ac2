from datetime import datetime

import strawberry


@strawberry.input(description="登记企业")
class EnterpriseCreateInput:
    name: str
    credit_code: str = strawberry.field(description="统一社会信用代码（18 位）")
    category_code: str = strawberry.field(description="企业类别代码（如 01）")
    area_code: str = strawberry.field(description="所在区划代码（12 位）")
    legal_representative: str
    contact_name: str
    contact_phone: str
    address: str


@strawberry.input(description="修改企业信息（只改传入的字段；统一社会信用代码不可修改）")
class EnterpriseUpdateInput:
    id: strawberry.ID
    name: str | None = strawberry.UNSET
    category_code: str | None = strawberry.UNSET
    legal_representative: str | None = strawberry.UNSET
    contact_name: str | None = strawberry.UNSET
    contact_phone: str | None = strawberry.UNSET
    address: str | None = strawberry.UNSET


@strawberry.input(description="提交企业诉求")
class SubmitEnterpriseProblemInput:
    enterprise_id: strawberry.ID
    category: str = strawberry.field(
        description="问题类别：land / finance / ip / legal / approval / labour / environment / other"
    )
    title: str
    description: str


@strawberry.input(description="分配或更换包联领导")
class AssignProblemLeaderInput:
    id: strawberry.ID
    leader_id: strawberry.ID = strawberry.field(description="包联领导（用户编号）")


@strawberry.input(description="交办给一个或多个承办单位")
class DispatchEnterpriseProblemInput:
    id: strawberry.ID
    unit_ids: list[strawberry.ID]
    deadline: datetime | None = strawberry.field(default=None, description="办理期限，缺省 15 天")


@strawberry.input(description="答复企业诉求")
class AnswerEnterpriseProblemInput:
    id: strawberry.ID
    answer: str
    policy_basis: str


@strawberry.input(description="企业评价答复")
class RateEnterpriseProblemInput:
    id: strawberry.ID
    satisfaction: str = strawberry.field(
        description="satisfied（满意，办结）/ dissatisfied（不满意，重新办理）"
    )
    comment: str = ""


@strawberry.input(description="督办（级别只升不降）")
class SuperviseEnterpriseProblemInput:
    id: strawberry.ID
    level: str = strawberry.field(description="ordinary（一般）/ yellow（黄牌）/ red（红牌）")
    reason: str
