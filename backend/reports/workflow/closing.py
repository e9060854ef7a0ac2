"""Effects after feedback: 核查, 退回重办, 办结, the resident's 评价, and 督办."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from backend.reports.models import DispatchStep, Report, ReportEvaluation, Satisfaction, StepAction
from backend.reports.workflow.steps import add_step
from backend.workflow.declarations import Firing
from backend.workflow.supervision import supervise as supervise_item


def verify(f: Firing) -> None:
    add_step(
        f.obj, StepAction.VERIFY, f.actor, f.now, from_unit=f.obj.current_unit,
        note=f.data.get("note", ""),
    )  # fmt: skip


def _last_feedback(report: Report) -> DispatchStep:
    step = report.steps.filter(action=StepAction.FEEDBACK).order_by("-entered_at", "-id").first()
    assert step is not None  # the states that allow 退回重办 come only after feedback
    return step


def send_back(f: Firing) -> None:
    """退回重办: the unit that fed back handles the item again."""
    report: Report = f.obj
    unit, centre = _last_feedback(report).from_unit, report.current_unit
    report.current_unit = unit
    add_step(
        report, StepAction.REDO, f.actor, f.now, from_unit=centre, to_unit=unit,
        signed_at=f.now, deadline=report.deadline, reason=f.data["reason"],
    )  # fmt: skip


def close(f: Firing) -> None:
    f.obj.closed_at = f.now
    add_step(
        f.obj, StepAction.CLOSE, f.actor, f.now, from_unit=f.obj.current_unit,
        note=f.data.get("note", ""),
    )  # fmt: skip


def not_evaluated(report: Report) -> bool:
    return not ReportEvaluation.objects.filter(report=report).exists()


def evaluate(f: Firing) -> None:
    """The resident's evaluation, once; recorded as a 回访 step too."""
    report: Report = f.obj
    if not not_evaluated(report):
        raise ValidationError(_("该事项已评价，不能重复评价"), code="already_evaluated")
    solved, satisfaction = f.data["solved"], f.data["satisfaction"]
    evaluation = ReportEvaluation(
        report=report, solved=solved, satisfaction=satisfaction,
        comment=(f.data.get("comment") or "").strip(), evaluated_at=f.now, by=f.actor,
    )  # fmt: skip
    evaluation.full_clean()
    evaluation.save()
    label = Satisfaction(satisfaction).label if satisfaction in Satisfaction.values else ""
    note = f"{_('已解决') if solved else _('未解决')}，{label}"
    add_step(report, StepAction.REVISIT, f.actor, f.now, note=note)
    f.result = f.record_object = evaluation


def supervise(f: Firing) -> None:
    supervise_item(f)
    level_label = f.obj.get_supervision_level_display()
    add_step(
        f.obj, StepAction.SUPERVISE, f.actor, f.now, to_unit=f.obj.current_unit,
        reason=f.data["reason"], note=level_label,
    )  # fmt: skip
