from datetime import date
from decimal import Decimal

import strawberry


@strawberry.input(description="家庭成员（申请人以外）")
class HouseholdMemberInput:
    name: str
    relation: str = strawberry.field(
        description="与申请人关系：spouse / child / parent / grandchild / grandparent / sibling / other"
    )
    id_number: str


@strawberry.input(description="登记救助申请")
class SubsidyCaseCreateInput:
    kind: str = strawberry.field(description="救助类别：dibao / tekun / student")
    applicant_name: str
    applicant_id_number: str
    applicant_phone: str
    applicant_address: str
    household_size: int
    household_monthly_income: Decimal
    area_code: str = strawberry.field(description="申请人所在村（社区）区划代码（12 位）")
    applied_on: date | None = strawberry.field(default=None, description="缺省为今天")
    school_name: str = ""
    grade: str = ""
    members: list[HouseholdMemberInput] = strawberry.field(default_factory=list)


@strawberry.input(description="修改救助申请（乡镇审核前；只改传入的字段）")
class SubsidyCaseUpdateInput:
    id: strawberry.ID
    applicant_name: str | None = strawberry.UNSET
    applicant_id_number: str | None = strawberry.UNSET
    applicant_phone: str | None = strawberry.UNSET
    applicant_address: str | None = strawberry.UNSET
    household_size: int | None = strawberry.UNSET
    household_monthly_income: Decimal | None = strawberry.UNSET
    school_name: str | None = strawberry.UNSET
    grade: str | None = strawberry.UNSET


@strawberry.input(description="为救助申请添加家庭成员")
class AddHouseholdMemberInput(HouseholdMemberInput):
    case_id: strawberry.ID


@strawberry.input(description="乡镇审核")
class ReviewSubsidyCaseInput:
    id: strawberry.ID
    decision: str = strawberry.field(description="pass（通过）/ reject（不通过，须填写意见）")
    opinion: str = ""


@strawberry.input(description="县级审批通过：核定月救助金额和首次复核日期")
class ApproveSubsidyCaseInput:
    id: strawberry.ID
    monthly_amount: Decimal
    recheck_on: date
    opinion: str = ""


@strawberry.input(description="不通过、暂停或终止：须填写理由")
class SubsidyCaseReasonInput:
    id: strawberry.ID
    reason: str


@strawberry.input(description="定期复核")
class RecheckSubsidyCaseInput:
    id: strawberry.ID
    outcome: str = strawberry.field(
        description="continue（继续发放）/ suspend（暂停）/ end（终止）"
    )
    opinion: str = ""
    recheck_on: date | None = strawberry.field(default=None, description="继续发放时的下次复核日期")
    monthly_amount: Decimal | None = strawberry.field(
        default=None, description="调整后的月救助金额"
    )
