"""Loading a dispute for a transition and checking that the transition is allowed now."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from backend.common.assignment import assignment_refresh
from backend.disputes.models import Dispute


def lock(dispute: Dispute) -> Dispute:
    """The dispute's current row, locked until the surrounding transaction ends."""
    return Dispute.objects.select_for_update().select_related("area").get(pk=dispute.pk)


def require_status(dispute: Dispute, allowed: Iterable[str], action: str) -> None:
    if dispute.status not in allowed:
        raise ValidationError(
            _("纠纷当前状态为“%(status)s”，不能%(action)s")
            % {"status": dispute.get_status_display(), "action": action},
            code="invalid_state",
        )


def save_changed(dispute: Dispute, **values: object) -> Dispute:
    for name, value in values.items():
        setattr(dispute, name, value)
    dispute.full_clean()
    dispute.save(update_fields=[*values, "updated_at"])
    if "handling_unit" in values:
        assignment_refresh(obj=dispute)
    return dispute
