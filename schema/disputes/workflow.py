"""The dispute workflow (指派 → 调解 → 协议 or 调解不成 → 回访 → 办结; 司法确认; 督办): each
mutation loads the dispute the user can see and makes one service call; the workflow engine
decides who may fire what. A refusal for lack of rights reads as "not found"."""

import strawberry
from strawberry.types import Info

from backend.disputes.services import (
    agreement_conclude,
    dispute_close,
    dispute_supervision_raise,
    mediation_fail,
    mediation_record_add,
    mediators_assign,
    performance_followup,
)
from backend.teams.models import TeamMember
from schema.base.context import user_of
from schema.base.loading import load_many
from schema.disputes.confirmation import (
    DisputeConfirmationMutation,
    fresh,
    mutation,
    on_day,
    visible,
)
from schema.disputes.inputs import (
    AssignMediatorsInput,
    CloseDisputeInput,
    ConcludeAgreementInput,
    FailMediationInput,
    RecordFollowUpInput,
    RecordMediationInput,
    SuperviseDisputeInput,
)
from schema.disputes.types import DisputeType


@strawberry.type
class DisputeWorkflowMutation(DisputeConfirmationMutation):
    @mutation("指派调解员")
    def assign_mediators(self, info: Info, data: AssignMediatorsInput) -> DisputeType:
        dispute = visible(info, data.id)
        members = load_many(info, TeamMember, list(data.member_ids), "member_ids")
        return mediators_assign(dispute=dispute, members=members, actor=user_of(info))  # type: ignore[return-value]

    @mutation("记录调解")
    def record_mediation(self, info: Info, data: RecordMediationInput) -> DisputeType:
        dispute = visible(info, data.id)
        present = load_many(info, TeamMember, list(data.mediator_ids), "mediator_ids")
        mediation_record_add(
            dispute=dispute, held_at=data.held_at, place=data.place, mediators=present,
            content=data.content, result=data.result, actor=user_of(info),
        )  # fmt: skip
        return fresh(dispute)

    @mutation("达成调解协议")
    def conclude_agreement(self, info: Info, data: ConcludeAgreementInput) -> DisputeType:
        dispute = visible(info, data.id)
        terms = {k: v for k, v in vars(data).items() if k not in ("id", "form", "signed_on")}
        agreement_conclude(
            dispute=dispute, form=data.form, signed_on=data.signed_on, actor=user_of(info), **terms
        )
        return fresh(dispute)

    @mutation("终止调解（调解不成）")
    def fail_mediation(self, info: Info, data: FailMediationInput) -> DisputeType:
        dispute = visible(info, data.id)
        return mediation_fail(  # type: ignore[return-value]
            dispute=dispute,
            reason=data.reason,
            failed_on=on_day(data.failed_on),
            actor=user_of(info),
        )

    @mutation("回访（记录协议履行情况）")
    def record_follow_up(self, info: Info, data: RecordFollowUpInput) -> DisputeType:
        dispute = visible(info, data.id)
        performance_followup(
            dispute=dispute, visited_on=on_day(data.visited_on), performed=data.performed,
            opinion=data.opinion, actor=user_of(info),
        )  # fmt: skip
        return fresh(dispute)

    @mutation("办结")
    def close_dispute(self, info: Info, data: CloseDisputeInput) -> DisputeType:
        dispute = visible(info, data.id)
        return dispute_close(  # type: ignore[return-value]
            dispute=dispute, closed_on=on_day(data.closed_on), actor=user_of(info)
        )

    @mutation("督办（级别只能提高）")
    def supervise_dispute(self, info: Info, data: SuperviseDisputeInput) -> DisputeType:
        dispute = visible(info, data.id)
        return dispute_supervision_raise(  # type: ignore[return-value]
            dispute=dispute, level=data.level, reason=data.reason,
            measure=data.measure or "", actor=user_of(info),
        )  # fmt: skip
