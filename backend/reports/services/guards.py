"""Checks and bookkeeping shared by the report workflow services. Every check runs before the
first write, so a rejected action leaves the database untouched."""

from collections.abc import Iterable
from datetime import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from backend.accounts.models import User
from backend.common.assignment import assignment_refresh
from backend.org.models import Unit
from backend.reports.models import DispatchStep, Report, StepAction
from backend.reports.models.steps import HOLDING_ACTIONS


def locked(report: Report) -> Report:
    """Re-read the report under a row lock (caller is inside a transaction)."""
    return Report.objects.select_for_update().select_related("category").get(pk=report.pk)


def require_status(report: Report, allowed: Iterable[str], action: str) -> None:
    if report.status not in allowed:
        raise ValidationError(
            _("事项当前状态为“%(status)s”，不能%(action)s")
            % {"status": report.get_status_display(), "action": action},
            code="invalid_state",
        )


def require_holder(report: Report, unit: Unit) -> None:
    if report.current_unit_id != unit.pk:
        raise ValidationError({"unit": _("只有当前承办单位可以办理该事项")}, code="not_holder")


def require_text(value: str, field: str, message: str) -> str:
    if not (value or "").strip():
        raise ValidationError({field: message}, code="required")
    return value.strip()


def open_step(report: Report) -> DispatchStep | None:
    """The holding step (派单 / 转派 / 退回重办) the current unit is working on, if any."""
    steps = report.steps.filter(action__in=HOLDING_ACTIONS, finished_at__isnull=True)
    return steps.order_by("-entered_at", "-id").first()


def dispatcher_of(report: Report) -> Unit | None:
    """The centre that dispatched the report last: returns and feedback go back to it."""
    step = report.steps.filter(action=StepAction.DISPATCH).order_by("-entered_at", "-id").first()
    return step.from_unit if step else None


def finish_open_step(report: Report, now: datetime) -> None:
    step = open_step(report)
    if step is not None:
        step.finished_at = now
        step.save(update_fields=["finished_at"])


def add_step(
    report: Report, action: str, actor: User | None, now: datetime, **values
) -> DispatchStep:
    """Append one history row; point actions are finished the moment they happen."""
    step = DispatchStep(report=report, action=action, actor=actor, entered_at=now, **values)
    if action not in HOLDING_ACTIONS and action != StepAction.EXTEND:
        step.finished_at = now
    step.full_clean()
    step.save()
    return step


def save_report(report: Report, fields: list[str]) -> None:
    report.full_clean()
    report.save(update_fields=[*fields, "updated_at"])
    if "current_unit" in fields:  # the holder changed: grants follow in the same transaction
        assignment_refresh(obj=report)
