"""Corrections of a report before it is dispatched: edit, or delete one registered in error."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from backend.accounts.models import User
from backend.common.services import model_update
from backend.evidence.services import evidence_remove
from backend.reports.models import Report, ReportStatus, StepAction
from backend.reports.services.guards import locked, require_status

REPORT_EDITABLE = (
    "source",
    "category",
    "title",
    "description",
    "location",
    "latitude",
    "longitude",
    "reporter_name",
    "reporter_phone",
)

TEXT_FIELDS = ("title", "description", "location", "reporter_name", "reporter_phone")


@transaction.atomic
def report_update(*, report: Report, data: dict[str, Any], actor: User | None = None) -> Report:
    """Correct what was registered; only while the report is still 已受理 (not yet dispatched)."""
    report = locked(report)
    require_status(report, (ReportStatus.REGISTERED,), _("修改"))
    category = data.get("category")
    if category is not None and category.pk != report.category_id and not category.active:
        raise ValidationError({"category": _("该事项类别已停用")})
    data = {k: (v or "").strip() if k in TEXT_FIELDS else v for k, v in data.items()}
    return model_update(instance=report, fields=REPORT_EDITABLE, data=data)[0]


@transaction.atomic
def report_delete(*, report: Report, actor: User | None = None) -> None:
    """Remove a report registered in error: only while 已受理 and never dispatched. Its evidence
    files are deleted once the deletion has committed."""
    report = locked(report)
    require_status(report, (ReportStatus.REGISTERED,), _("删除"))
    if report.steps.filter(action=StepAction.DISPATCH).exists():
        raise ValidationError(_("已派过单的事项不能删除"), code="dispatched")
    for evidence in report.evidence.all():
        evidence_remove(evidence=evidence)
    report.delete()
