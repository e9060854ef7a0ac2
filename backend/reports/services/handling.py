"""What the holding unit does: 签收, 回退, 转派, 延期, 反馈."""

from collections.abc import Sequence
from datetime import datetime

from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.accounts.models import User
from backend.evidence.services import evidence_attach_all
from backend.org.models import Unit
from backend.reports.models import DispatchStep, Report, ReportStatus, StepAction
from backend.reports.services.guards import (
    add_step,
    dispatcher_of,
    finish_open_step,
    locked,
    open_step,
    require_holder,
    require_status,
    require_text,
    save_report,
)

BEFORE_HANDLING = (ReportStatus.DISPATCHED, ReportStatus.SIGNED)
WORKING = (ReportStatus.SIGNED, ReportStatus.HANDLING)


@transaction.atomic
def report_sign(*, report: Report, unit: Unit, actor: User | None) -> Report:
    """签收: only the holding unit; stamps signed_at on the step that handed it over."""
    report = locked(report)
    require_status(report, (ReportStatus.DISPATCHED,), _("签收"))
    require_holder(report, unit)
    now = timezone.now()
    step = open_step(report)
    if step is not None:
        step.signed_at = now
        step.save(update_fields=["signed_at"])
    report.status = ReportStatus.SIGNED
    save_report(report, ["status"])
    add_step(report, StepAction.SIGN, actor, now, from_unit=unit, to_unit=unit)
    return report


@transaction.atomic
def report_return(*, report: Report, unit: Unit, actor: User | None, reason: str) -> Report:
    """回退 a wrongly dispatched item to the centre that dispatched it (reason required)."""
    report = locked(report)
    require_status(report, BEFORE_HANDLING, _("回退"))
    require_holder(report, unit)
    reason = require_text(reason, "reason", _("回退必须填写理由"))
    now, centre = timezone.now(), dispatcher_of(report)
    finish_open_step(report, now)
    report.status, report.current_unit = ReportStatus.RETURNED, centre
    save_report(report, ["status", "current_unit"])
    add_step(report, StepAction.RETURN, actor, now, from_unit=unit, to_unit=centre, reason=reason)
    return report


@transaction.atomic
def report_transfer(
    *, report: Report, unit: Unit, to_unit: Unit, actor: User | None, reason: str
) -> Report:
    """转派 to another unit, which must sign for it; the deadline is unchanged."""
    report = locked(report)
    require_status(report, BEFORE_HANDLING, _("转派"))
    require_holder(report, unit)
    reason = require_text(reason, "reason", _("转派必须填写理由"))
    if to_unit.pk == unit.pk or not to_unit.is_active:
        raise ValidationError({"to_unit": _("请选择其他在用的承办单位")})
    now = timezone.now()
    finish_open_step(report, now)
    report.status, report.current_unit = ReportStatus.DISPATCHED, to_unit
    save_report(report, ["status", "current_unit"])
    add_step(
        report,
        StepAction.TRANSFER,
        actor,
        now,
        from_unit=unit,
        to_unit=to_unit,
        reason=reason,
        deadline=report.deadline,
    )
    return report


def pending_extension(report: Report) -> DispatchStep | None:
    return report.steps.filter(action=StepAction.EXTEND, finished_at__isnull=True).first()


@transaction.atomic
def report_request_extension(
    *, report: Report, unit: Unit, actor: User | None, until: datetime, reason: str
) -> DispatchStep:
    """延期申请: a later deadline, with a reason, waiting for the dispatching centre."""
    report = locked(report)
    require_status(report, WORKING, _("申请延期"))
    require_holder(report, unit)
    reason = require_text(reason, "reason", _("申请延期必须填写理由"))
    if report.deadline is not None and until <= report.deadline:
        raise ValidationError({"until": _("延期后的期限必须晚于当前期限")})
    if pending_extension(report) is not None:
        raise ValidationError(_("已有待审批的延期申请"), code="pending_extension")
    return add_step(
        report,
        StepAction.EXTEND,
        actor,
        timezone.now(),
        from_unit=unit,
        to_unit=dispatcher_of(report),
        deadline=until,
        reason=reason,
    )


@transaction.atomic
def report_approve_extension(
    *, report: Report, actor: User | None, approved: bool = True, reason: str = ""
) -> Report:
    """Decide the pending extension; approval moves the report's and the open step's deadline."""
    report = locked(report)
    request = pending_extension(report)
    if request is None:
        raise ValidationError(_("没有待审批的延期申请"), code="no_pending_extension")
    if not approved:
        reason = require_text(reason, "reason", _("不同意延期必须填写理由"))
    now = timezone.now()
    request.finished_at = now
    request.save(update_fields=["finished_at"])
    if approved:
        assert request.deadline is not None  # an extension request always names its deadline
        _move_deadline(report, request.deadline)
    note = _("同意延期") if approved else _("不同意延期")
    add_step(
        report,
        StepAction.EXTEND_APPROVE,
        actor,
        now,
        from_unit=request.to_unit,
        to_unit=request.from_unit,
        deadline=request.deadline,
        reason=reason,
        note=note,
    )
    return report


def _move_deadline(report: Report, deadline: datetime) -> None:
    report.deadline = deadline
    save_report(report, ["deadline"])
    step = open_step(report)
    if step is not None:
        step.deadline = deadline
        step.save(update_fields=["deadline"])


@transaction.atomic
def report_feedback(
    *,
    report: Report,
    unit: Unit,
    actor: User | None,
    content: str,
    files: Sequence[File] = (),
) -> DispatchStep:
    """反馈 the result; the returned step is what evidence attaches to (`files`, all or none). The
    report goes back to the dispatching centre for verification."""
    report = locked(report)
    require_status(report, WORKING, _("反馈"))
    require_holder(report, unit)
    content = require_text(content, "content", _("反馈内容不能为空"))
    now, centre = timezone.now(), dispatcher_of(report)
    finish_open_step(report, now)
    report.status, report.current_unit = ReportStatus.FED_BACK, centre
    save_report(report, ["status", "current_unit"])
    step = add_step(
        report, StepAction.FEEDBACK, actor, now, from_unit=unit, to_unit=centre, note=content
    )
    if files:
        evidence_attach_all(uploader=actor, uploads=list(files), parent=report, report_step=step)
    return step
