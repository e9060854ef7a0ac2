"""Checks shared by the report services outside the workflow (editing, deleting). Every check
runs before the first write, so a rejected action leaves the database untouched."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from backend.reports.models import Report


def locked(report: Report) -> Report:
    """Re-read the report under a row lock (caller is inside a transaction)."""
    rows = Report.objects.select_for_update(of=("self",))  # not the category: shared by many
    return rows.select_related("category").get(pk=report.pk)


def require_status(report: Report, allowed: Iterable[str], action: str) -> None:
    if report.status not in allowed:
        raise ValidationError(
            _("事项当前状态为“%(status)s”，不能%(action)s")
            % {"status": report.get_status_display(), "action": action},
            code="invalid_state",
        )
