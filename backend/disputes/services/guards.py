"""Loading a dispute for an edit (record items, parties, deletion) and checking that its state
allows the edit. State changes are transitions of the declared process (backend/disputes/workflow)."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

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
