"""延期: the holding unit asks for a later deadline; the dispatching centre decides."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from backend.reports.models import DispatchStep, Report, StepAction
from backend.reports.workflow.steps import add_step, dispatcher_of, open_step
from backend.workflow.declarations import Firing


def pending_extension(report: Report) -> DispatchStep | None:
    return report.steps.filter(action=StepAction.EXTEND, finished_at__isnull=True).first()


def request(f: Firing) -> None:
    report: Report = f.obj
    until: datetime = f.data["until"]
    if report.deadline is not None and until <= report.deadline:
        raise ValidationError({"until": _("延期后的期限必须晚于当前期限")})
    if pending_extension(report) is not None:
        raise ValidationError(_("已有待审批的延期申请"), code="pending_extension")
    f.result = f.record_object = add_step(
        report, StepAction.EXTEND, f.actor, f.now, from_unit=f.unit,
        to_unit=dispatcher_of(report), deadline=until, reason=f.data["reason"],
    )  # fmt: skip


def decide(f: Firing) -> None:
    """Approval moves the report's and the open step's deadline; a refusal needs a reason."""
    report: Report = f.obj
    pending = pending_extension(report)
    if pending is None:
        raise ValidationError(_("没有待审批的延期申请"), code="no_pending_extension")
    approved, reason = f.data.get("approved", True), (f.data.get("reason") or "").strip()
    if not approved and not reason:
        raise ValidationError({"reason": _("不同意延期必须填写理由")}, code="required")
    pending.finished_at = f.now
    pending.save(update_fields=["finished_at"])
    if approved and pending.deadline is not None:
        _move_deadline(report, pending.deadline)
    add_step(
        report, StepAction.EXTEND_APPROVE, f.actor, f.now, from_unit=pending.to_unit,
        to_unit=pending.from_unit, deadline=pending.deadline, reason=reason,
        note=_("同意延期") if approved else _("不同意延期"),
    )  # fmt: skip


def _move_deadline(report: Report, deadline: datetime) -> None:
    report.deadline = deadline
    step = open_step(report)
    if step is not None:
        step.deadline = deadline
        step.save(update_fields=["deadline"])
