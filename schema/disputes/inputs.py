from datetime import date, datetime
from decimal import Decimal

import strawberry


@strawberry.input(description="当事人")
class PartyInput:
    role: str
    name: str
    id_type: str | None = None
    id_number: str | None = None
    sex: str | None = None
    ethnicity: str | None = strawberry.field(default=None, description="缺省为汉族")
    education: str | None = None
    phone: str | None = None
    address: str | None = None
    is_main_party: bool | None = None


@strawberry.input(description="登记矛盾纠纷")
class DisputeCreateInput:
    title: str
    occurred_on: date
    area_code: str = strawberry.field(description="发生地区划代码（乡镇或村，12 位）")
    address: str
    scale_code: str = strawberry.field(description="事件规模代码：01 / 02 / 03")
    type_code: str = strawberry.field(description="事件类型代码（GB/T 31000，如 0902）")
    people_count: int
    summary: str
    source: str
    handling_unit_id: strawberry.ID
    responsible_name: str
    responsible_phone: str
    parties: list[PartyInput]
    method: str | None = None
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    deadline: date | None = None
    registered_on: date | None = None


@strawberry.input(description="修改矛盾纠纷（只改传入的字段）")
class DisputeUpdateInput:
    id: strawberry.ID
    title: str | None = strawberry.UNSET
    occurred_on: date | None = strawberry.UNSET
    address: str | None = strawberry.UNSET
    people_count: int | None = strawberry.UNSET
    summary: str | None = strawberry.UNSET
    handling_unit_id: strawberry.ID | None = strawberry.UNSET
    deadline: date | None = strawberry.UNSET
    method: str | None = strawberry.UNSET
    responsible_name: str | None = strawberry.UNSET
    responsible_phone: str | None = strawberry.UNSET


@strawberry.input(description="指派调解员")
class AssignMediatorsInput:
    id: strawberry.ID
    member_ids: list[strawberry.ID]


@strawberry.input(description="记录一次调解")
class RecordMediationInput:
    id: strawberry.ID = strawberry.field(description="纠纷编号")
    held_at: datetime = strawberry.field(description="调解时间")
    place: str = strawberry.field(description="调解地点")
    mediator_ids: list[strawberry.ID] = strawberry.field(
        description="到场调解员（须为本纠纷已指派的调解员）"
    )
    content: str = strawberry.field(description="调解记录")
    result: str = strawberry.field(description="本次调解结果")


@strawberry.input(
    description="达成调解协议（书面协议须载明事实、争议、责任、内容、履行方式和期限）"
)
class ConcludeAgreementInput:
    id: strawberry.ID = strawberry.field(description="纠纷编号")
    form: str = strawberry.field(description="协议形式：written 书面协议 / oral 口头协议")
    signed_on: date = strawberry.field(description="签订日期")
    facts: str = strawberry.field(default="", description="主要事实")
    disputed_points: str = strawberry.field(default="", description="争议事项")
    responsibilities: str = strawberry.field(default="", description="各方责任")
    terms: str = strawberry.field(default="", description="协议内容")
    performance_manner: str = strawberry.field(default="", description="履行方式")
    performance_deadline: date | None = strawberry.field(default=None, description="履行期限")
    effective_on: date | None = strawberry.field(
        default=None, description="生效日期（各方签名并加盖调委会印章之日）"
    )
    content: str = strawberry.field(default="", description="口头协议内容")


@strawberry.input(description="终止调解（调解不成）")
class FailMediationInput:
    id: strawberry.ID = strawberry.field(description="纠纷编号")
    reason: str = strawberry.field(description="调解不成的原因")
    failed_on: date | None = strawberry.field(default=None, description="终止日期，缺省为今天")


@strawberry.input(description="回访：协议履行情况")
class RecordFollowUpInput:
    id: strawberry.ID = strawberry.field(description="纠纷编号")
    performed: bool = strawberry.field(description="协议是否已履行")
    opinion: str = strawberry.field(description="回访意见")
    visited_on: date | None = strawberry.field(default=None, description="回访日期，缺省为今天")


@strawberry.input(description="申请司法确认（双方当事人共同申请，协议生效之日起 30 日内）")
class ApplyJudicialConfirmationInput:
    id: strawberry.ID = strawberry.field(description="纠纷编号")
    court_id: strawberry.ID = strawberry.field(description="受理的人民法院或人民法庭（单位编号）")
    applied_on: date | None = strawberry.field(default=None, description="申请日期，缺省为今天")
    joint_application: bool = strawberry.field(default=True, description="双方共同申请")


@strawberry.input(description="人民法院受理司法确认申请（申请之日起 3 日内）")
class AcceptJudicialConfirmationInput:
    id: strawberry.ID = strawberry.field(description="纠纷编号")
    case_number: str = strawberry.field(description="案号，如“（2026）冀0926民特123号”")
    accepted_on: date | None = strawberry.field(default=None, description="受理日期，缺省为今天")


@strawberry.input(description="司法确认裁定")
class RuleJudicialConfirmationInput:
    id: strawberry.ID = strawberry.field(description="纠纷编号")
    ruling: str = strawberry.field(description="裁定结果：valid 确认有效 / invalid 确认无效")
    ruled_on: date | None = strawberry.field(default=None, description="裁定日期，缺省为今天")
    next_step: str = strawberry.field(
        default="", description="裁定无效时：remediate 重新调解 / litigate 引导诉讼"
    )


@strawberry.input(description="办结纠纷（协议已履行或调解不成之后）")
class CloseDisputeInput:
    id: strawberry.ID = strawberry.field(description="纠纷编号")
    closed_on: date | None = strawberry.field(default=None, description="办结日期，缺省为今天")


@strawberry.input(description="督办化解组织（级别只能提高）")
class SuperviseDisputeInput:
    id: strawberry.ID = strawberry.field(description="纠纷编号")
    level: str = strawberry.field(description="督办级别：ordinary 一般 / yellow 黄牌 / red 红牌")
    reason: str = strawberry.field(description="督办理由")
    measure: str | None = strawberry.field(
        default=None, description="政策种类（GB/T 31000）：01 表彰奖励 … 05 挂牌督办 … 07 一票否决"
    )
