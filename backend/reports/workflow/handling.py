"""Effects of the report transitions up to feedback: 派单, 签收, 回退, 转派, 延期, 反馈.

Each receives the firing with the report locked and the state, actor and required fields already
checked by the engine, and does the report's own bookkeeping: the dispatch steps."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from backend.evidence.services import evidence_attach_all
from backend.reports.models import Report, StepAction
from backend.reports.selectors import dispatch_target
from backend.reports.workflow.steps import add_step, dispatcher_of, finish_open_step, open_step
from backend.workflow.declarations import Firing


def dispatch(f: Firing) -> None:
    report: Report = f.obj
    unit = f.data.get("unit") or dispatch_target(report.category, report.area)
    if unit is None:
        raise ValidationError({"unit": _("派单目录中没有该类别和区划的承办单位，请指定承办单位")})
    if not unit.is_active:
        raise ValidationError({"unit": _("承办单位已停用")})
    sender = f.data.get("from_unit") or report.current_unit
    deadline = f.now + timedelta(hours=report.category.time_limit_hours)
    report.current_unit, report.deadline = unit, deadline
    add_step(
        report,
        StepAction.DISPATCH,
        f.actor,
        f.now,
        from_unit=sender,
        to_unit=unit,
        deadline=deadline,
    )


def sign(f: Firing) -> None:
    step = open_step(f.obj)
    if step is not None:
        step.signed_at = f.now
        step.save(update_fields=["signed_at"])
    add_step(f.obj, StepAction.SIGN, f.actor, f.now, from_unit=f.unit, to_unit=f.unit)


def return_(f: Firing) -> None:
    report: Report = f.obj
    centre = dispatcher_of(report)
    finish_open_step(report, f.now)
    report.current_unit = centre
    reason = f.data["reason"]
    add_step(
        report, StepAction.RETURN, f.actor, f.now, from_unit=f.unit, to_unit=centre, reason=reason
    )


def transfer(f: Firing) -> None:
    report: Report = f.obj
    to_unit = f.data["to_unit"]
    if to_unit.pk == f.unit.pk or not to_unit.is_active:
        raise ValidationError({"to_unit": _("请选择其他在用的承办单位")})
    finish_open_step(report, f.now)
    report.current_unit = to_unit
    add_step(
        report, StepAction.TRANSFER, f.actor, f.now, from_unit=f.unit, to_unit=to_unit,
        reason=f.data["reason"], deadline=report.deadline,
    )  # fmt: skip


def feedback(f: Firing) -> None:
    """The result goes back to the dispatching centre; evidence attaches to the feedback step."""
    report: Report = f.obj
    centre = dispatcher_of(report)
    finish_open_step(report, f.now)
    report.current_unit = centre
    step = add_step(
        report, StepAction.FEEDBACK, f.actor, f.now, from_unit=f.unit, to_unit=centre,
        note=f.data["content"],
    )  # fmt: skip
    if f.files:
        evidence_attach_all(
            uploader=f.actor, uploads=list(f.files), parent=report, report_step=step
        )
    f.result = f.record_object = step
