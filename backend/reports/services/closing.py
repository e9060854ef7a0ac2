"""What the centre and the resident do after feedback: 核查, 退回重办, 办结, 评价; and 督办 — each
one transition of the declared report process, fired by the workflow engine."""

from backend.accounts.models import User
from backend.reports.models import Report, ReportEvaluation
from backend.reports.workflow import REPORT
from backend.workflow.engine import fire


def report_verify(*, report: Report, actor: User | None, note: str = "") -> Report:
    """核查 passed: the centre confirms the handler's feedback."""
    return fire(REPORT, report, "verify", actor=actor, data={"note": note})


def report_send_back(*, report: Report, actor: User | None, reason: str) -> Report:
    """退回重办: the unit that fed back must handle the item again (reason required)."""
    return fire(REPORT, report, "send_back", actor=actor, data={"reason": reason})


def report_close(*, report: Report, actor: User | None, note: str = "") -> Report:
    return fire(REPORT, report, "close", actor=actor, data={"note": note})


def report_evaluate(
    *,
    report: Report,
    solved: bool,
    satisfaction: str,
    comment: str = "",
    by: User | None = None,
) -> ReportEvaluation:
    """The resident's evaluation (once), after feedback; recorded as a 回访 step too."""
    data = {"solved": solved, "satisfaction": satisfaction, "comment": comment}
    return fire(REPORT, report, "evaluate", actor=by, data=data)


def report_supervision_raise(
    *, report: Report, level: str, reason: str, actor: User | None, measure: str = ""
) -> Report:
    """督办: the level only goes up (未督办 → 一般 → 黄牌 → 红牌), with an optional 政策种类."""
    data = {"level": level, "reason": reason, "measure": measure}
    return fire(REPORT, report, "supervise", actor=actor, data=data)
