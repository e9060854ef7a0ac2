"""The report's history rows (DispatchStep): appending them and finding the open one."""

from datetime import datetime

from backend.accounts.models import User
from backend.org.models import Unit
from backend.reports.models import DispatchStep, Report, StepAction
from backend.reports.models.steps import HOLDING_ACTIONS


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
