"""What the holding unit does: 签收, 回退, 转派, 延期, 反馈 — each one transition of the declared
report process (backend/reports/workflow), fired by the workflow engine."""

from collections.abc import Sequence
from datetime import datetime

from django.core.files.base import File

from backend.accounts.models import User
from backend.org.models import Unit
from backend.reports.models import DispatchStep, Report
from backend.reports.workflow import REPORT
from backend.workflow.engine import fire


def report_sign(*, report: Report, unit: Unit | None = None, actor: User | None) -> Report:
    """签收: only the holding unit; stamps signed_at on the step that handed it over."""
    return fire(REPORT, report, "sign", actor=actor, unit=unit)


def report_return(
    *, report: Report, unit: Unit | None = None, actor: User | None, reason: str
) -> Report:
    """回退 a wrongly dispatched item to the centre that dispatched it (reason required)."""
    return fire(REPORT, report, "return", actor=actor, unit=unit, data={"reason": reason})


def report_transfer(
    *, report: Report, to_unit: Unit, actor: User | None, reason: str, unit: Unit | None = None
) -> Report:
    """转派 to another unit, which must sign for it; the deadline is unchanged."""
    data = {"reason": reason, "to_unit": to_unit}
    return fire(REPORT, report, "transfer", actor=actor, unit=unit, data=data)


def report_request_extension(
    *, report: Report, unit: Unit | None = None, actor: User | None, until: datetime, reason: str
) -> DispatchStep:
    """延期申请: a later deadline, with a reason, waiting for the dispatching centre."""
    data = {"reason": reason, "until": until}
    return fire(REPORT, report, "request_extension", actor=actor, unit=unit, data=data)


def report_approve_extension(
    *, report: Report, actor: User | None, approved: bool = True, reason: str = ""
) -> Report:
    """Decide the pending extension; approval moves the report's and the open step's deadline."""
    data = {"approved": approved, "reason": reason}
    return fire(REPORT, report, "decide_extension", actor=actor, data=data)


def report_feedback(
    *,
    report: Report,
    unit: Unit | None = None,
    actor: User | None,
    content: str,
    files: Sequence[File] = (),
) -> DispatchStep:
    """反馈 the result; the returned step is what evidence attaches to (`files`, all or none). The
    report goes back to the dispatching centre for verification."""
    data = {"content": content}
    return fire(REPORT, report, "feedback", actor=actor, unit=unit, data=data, files=files)
