"""What the centre and the resident do after feedback: 核查, 退回重办, 办结, 评价; and 督办."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.accounts.models import User
from backend.common.models import SupervisionLevel
from backend.reports.models import (
    DispatchStep,
    Report,
    ReportEvaluation,
    ReportStatus,
    Satisfaction,
    StepAction,
)
from backend.reports.services.guards import (
    add_step,
    locked,
    require_status,
    require_text,
    save_report,
)

AFTER_FEEDBACK = (ReportStatus.FED_BACK, ReportStatus.VERIFIED)
SUPERVISION_ORDER = list(SupervisionLevel.values)


@transaction.atomic
def report_verify(*, report: Report, actor: User | None, note: str = "") -> Report:
    """核查 passed: the centre confirms the handler's feedback."""
    report = locked(report)
    require_status(report, (ReportStatus.FED_BACK,), _("核查"))
    report.status = ReportStatus.VERIFIED
    save_report(report, ["status"])
    add_step(
        report, StepAction.VERIFY, actor, timezone.now(), from_unit=report.current_unit, note=note
    )
    return report


def _last_feedback(report: Report) -> DispatchStep:
    step = report.steps.filter(action=StepAction.FEEDBACK).order_by("-entered_at", "-id").first()
    assert step is not None  # only called once the report has been fed back
    return step


@transaction.atomic
def report_send_back(*, report: Report, actor: User | None, reason: str) -> Report:
    """退回重办: the unit that fed back must handle the item again (reason required)."""
    report = locked(report)
    require_status(report, AFTER_FEEDBACK, _("退回重办"))
    reason = require_text(reason, "reason", _("退回重办必须填写理由"))
    unit, now = _last_feedback(report).from_unit, timezone.now()
    centre = report.current_unit
    report.status, report.current_unit = ReportStatus.HANDLING, unit
    save_report(report, ["status", "current_unit"])
    add_step(
        report,
        StepAction.REDO,
        actor,
        now,
        from_unit=centre,
        to_unit=unit,
        signed_at=now,
        deadline=report.deadline,
        reason=reason,
    )
    return report


@transaction.atomic
def report_close(*, report: Report, actor: User | None, note: str = "") -> Report:
    report = locked(report)
    require_status(report, (ReportStatus.VERIFIED,), _("办结"))
    now = timezone.now()
    report.status, report.closed_at = ReportStatus.CLOSED, now
    save_report(report, ["status", "closed_at"])
    add_step(report, StepAction.CLOSE, actor, now, from_unit=report.current_unit, note=note)
    return report


@transaction.atomic
def report_evaluate(
    *,
    report: Report,
    solved: bool,
    satisfaction: str,
    comment: str = "",
    by: User | None = None,
) -> ReportEvaluation:
    """The resident's evaluation (once), after feedback; recorded as a 回访 step too."""
    report = locked(report)
    require_status(report, (*AFTER_FEEDBACK, ReportStatus.CLOSED), _("评价"))
    if ReportEvaluation.objects.filter(report=report).exists():
        raise ValidationError(_("该事项已评价，不能重复评价"), code="already_evaluated")
    now = timezone.now()
    evaluation = ReportEvaluation(
        report=report,
        solved=solved,
        satisfaction=satisfaction,
        comment=comment.strip(),
        evaluated_at=now,
        by=by,
    )
    evaluation.full_clean()
    evaluation.save()
    label = Satisfaction(satisfaction).label
    add_step(
        report, StepAction.REVISIT, by, now, note=f"{'已解决' if solved else '未解决'}，{label}"
    )
    return evaluation


@transaction.atomic
def report_supervision_raise(
    *, report: Report, level: str, reason: str, actor: User | None
) -> Report:
    """督办: the level only goes up (未督办 → 一般 → 黄牌 → 红牌)."""
    report = locked(report)
    if level not in SUPERVISION_ORDER:
        raise ValidationError({"level": _("督办级别不正确")})
    if SUPERVISION_ORDER.index(level) <= SUPERVISION_ORDER.index(report.supervision_level):
        raise ValidationError({"level": _("督办级别只能提高")})
    require_status(report, [s for s in ReportStatus.values if s != ReportStatus.CLOSED], _("督办"))
    reason = require_text(reason, "reason", _("督办必须填写理由"))
    report.supervision_level = level
    save_report(report, ["supervision_level"])
    add_step(
        report,
        StepAction.SUPERVISE,
        actor,
        timezone.now(),
        to_unit=report.current_unit,
        reason=reason,
        note=SupervisionLevel(level).label,
    )
    return report
