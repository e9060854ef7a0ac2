"""Loading a dispute for an edit (record items, parties, deletion) and checking that its state
allows the edit. State changes are transitions of the declared process (backend/disputes/workflow)."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from backend.disputes.models import Dispute

CLEAN_READS = ("area", "type__table", "scale__table", "handling_unit__area")


def lock(dispute: Dispute) -> Dispute:
    """The dispute's current row, locked until the surrounding transaction ends — only its own row
    (`of`), with the rows its `clean()` reads joined in."""
    rows = Dispute.objects.select_for_update(of=("self",))
    return rows.select_related(*CLEAN_READS).get(pk=dispute.pk)


def require_status(dispute: Dispute, allowed: Iterable[str], action: str) -> None:
    if dispute.status not in allowed:
        raise ValidationError(
            _("纠纷当前状态为“%(status)s”，不能%(action)s")
            % {"status": dispute.get_status_display(), "action": action},
            code="invalid_state",
        )
