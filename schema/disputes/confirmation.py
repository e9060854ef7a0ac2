"""The judicial confirmation of a written agreement (人民调解法第三十三条: 申请 → 法院受理 → 裁定),
and what every dispute workflow mutation shares: load the dispute the user can see, make one service
call, answer with the dispute as the transition left it. The engine decides who may fire what."""

from datetime import date

import strawberry
import strawberry_django
from django.core.exceptions import ValidationError
from django.utils import timezone
from strawberry.types import Info

from backend.disputes.models import Dispute, JudicialConfirmation
from backend.disputes.services import (
    judicial_confirmation_accept,
    judicial_confirmation_apply,
    judicial_confirmation_rule,
)
from schema.base.context import user_of
from schema.base.loading import load, load_target_unit
from schema.disputes.inputs import (
    AcceptJudicialConfirmationInput,
    ApplyJudicialConfirmationInput,
    RuleJudicialConfirmationInput,
)
from schema.disputes.types import DisputeType


def visible(info: Info, value: object) -> Dispute:
    return load(info, Dispute, value)


def fresh(dispute: Dispute) -> DisputeType:
    """The dispute as the transition left it (the services return the record they created)."""
    return Dispute.objects.get(pk=dispute.pk)  # type: ignore[return-value]


def on_day(value: date | None) -> date:
    return value or timezone.localdate()


def mutation(description: str):  # type: ignore[no-untyped-def]
    return strawberry_django.mutation(handle_django_errors=True, description=description)


def _confirmation(dispute: Dispute) -> JudicialConfirmation:
    """The application for the dispute's current (not voided) agreement."""
    found = JudicialConfirmation.objects.filter(
        agreement__dispute=dispute, agreement__voided=False
    ).first()
    if found is None:
        raise ValidationError("该纠纷的调解协议尚未申请司法确认", code="no_confirmation")
    return found


@strawberry.type
class DisputeConfirmationMutation:
    @mutation("申请司法确认")
    def apply_judicial_confirmation(
        self, info: Info, data: ApplyJudicialConfirmationInput
    ) -> DisputeType:
        dispute = visible(info, data.id)
        court = load_target_unit(info, data.court_id, "court_id")
        judicial_confirmation_apply(
            dispute=dispute, court=court, applied_on=on_day(data.applied_on),
            joint_application=data.joint_application, actor=user_of(info),
        )  # fmt: skip
        return fresh(dispute)

    @mutation("受理司法确认申请（人民法院）")
    def accept_judicial_confirmation(
        self, info: Info, data: AcceptJudicialConfirmationInput
    ) -> DisputeType:
        dispute = visible(info, data.id)
        judicial_confirmation_accept(
            confirmation=_confirmation(dispute), accepted_on=on_day(data.accepted_on),
            case_number=data.case_number, actor=user_of(info),
        )  # fmt: skip
        return fresh(dispute)

    @mutation("司法确认裁定（人民法院）")
    def rule_judicial_confirmation(
        self, info: Info, data: RuleJudicialConfirmationInput
    ) -> DisputeType:
        dispute = visible(info, data.id)
        judicial_confirmation_rule(
            confirmation=_confirmation(dispute), ruling=data.ruling,
            ruled_on=on_day(data.ruled_on), next_step=data.next_step, actor=user_of(info),
        )  # fmt: skip
        return fresh(dispute)
