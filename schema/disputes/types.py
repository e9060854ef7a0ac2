from datetime import date, datetime

from strawberry import auto

from backend.disputes.models import (
    Dispute,
    DisputeParty,
    DisputeReview,
    JudicialConfirmation,
    MediationAgreement,
    MediationRecord,
)
from schema.areas.types import AreaType
from schema.base.fields import model_type
from schema.base.masking import sensitive
from schema.base.scoped import PolicyScoped
from schema.codes.types import CodeType
from schema.evidence.types import EvidenceType
from schema.org.types import UnitType
from schema.teams.types import TeamMemberType


@model_type(
    DisputeParty, name="DisputeParty", description="当事人（证件号码、电话、住址按权限脱敏）"
)
class DisputePartyType(PolicyScoped):
    id: auto
    role: auto
    name: auto
    id_type: auto
    sex: auto
    ethnicity: auto
    education: auto
    is_main_party: auto
    id_number: str = sensitive("id_number", "证件号码")
    phone: str = sensitive("phone", "联系电话")
    address: str = sensitive("address", "住址")


@model_type(MediationRecord, name="MediationRecord", description="调解记录")
class MediationRecordType(PolicyScoped):
    id: auto
    held_at: datetime
    place: auto
    content: auto
    result: auto
    mediators: list[TeamMemberType]


@model_type(JudicialConfirmation, name="JudicialConfirmation", description="司法确认")
class JudicialConfirmationType(PolicyScoped):
    id: auto
    court: UnitType
    applied_on: date
    joint_application: auto
    accepted_on: date | None
    case_number: auto
    ruling: auto
    ruled_on: date | None


@model_type(
    MediationAgreement, name="MediationAgreement", description="调解协议（人民调解法第二十九条）"
)
class MediationAgreementType(PolicyScoped):
    id: auto
    form: auto
    facts: auto
    disputed_points: auto
    responsibilities: auto
    terms: auto
    performance_manner: auto
    performance_deadline: date | None
    content: auto
    signed_on: date | None
    effective_on: date | None
    voided: auto
    confirmation: JudicialConfirmationType | None


@model_type(DisputeReview, name="DisputeReview", description="回访记录（协议履行情况）")
class DisputeReviewType(PolicyScoped):
    id: auto
    visited_on: date
    performed: auto
    opinion: auto


@model_type(Dispute, name="Dispute", description="矛盾纠纷（GB/T 31000 矛盾纠纷记录项）")
class DisputeType(PolicyScoped):
    id: auto
    number: auto
    title: auto
    occurred_on: date
    registered_on: date
    area: AreaType
    address: auto
    latitude: auto
    longitude: auto
    scale: CodeType
    type: CodeType
    people_count: auto
    summary: auto
    source: auto
    handling_unit: UnitType
    status: auto
    deadline: date
    method: auto
    responsible_name: auto
    responsible_phone: str = sensitive("responsible_phone", "责任人联系电话")
    supervision_level: auto
    success: auto
    outcome: auto
    resolved_on: date | None
    evaluated_on: date | None
    evaluation: auto
    closed_on: date | None
    created_at: datetime
    updated_at: datetime
    parties: list[DisputePartyType]
    mediators: list[TeamMemberType]
    records: list[MediationRecordType]
    agreements: list[MediationAgreementType]
    reviews: list[DisputeReviewType]
    evidence: list[EvidenceType]
