"""The dated steps a demo case went through to reach its status (township review, approval,
re-checks, suspension or end), and the re-check date it now carries."""

import calendar
import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from backend.assistance.models import ReviewStage, SubsidyDecision, SubsidyKind, SubsidyStatus

S, R = SubsidyStatus, ReviewStage
PASS, REJECT = SubsidyDecision.PASS, SubsidyDecision.REJECT
FUNDED = (S.APPROVED, S.PAYING, S.SUSPENDED, S.ENDED)


@dataclass
class History:
    applied_on: date
    steps: list[tuple[str, str, date, str]] = field(
        default_factory=list
    )  # stage, decision, day, opinion key
    approved_on: date | None = None
    recheck_on: date | None = None


def history(rng: random.Random, kind: str, status: str, today: date) -> History:
    if status == S.APPLIED:
        return History(today - timedelta(days=rng.randint(0, 30)))
    if status == S.TOWNSHIP_REVIEWED:
        applied = today - timedelta(days=rng.randint(10, 45))
        return History(
            applied, [(R.TOWNSHIP_REVIEW, PASS, _after(rng, applied, 5, 9), "township_pass")]
        )
    if status == S.REJECTED:
        return _rejected(rng, today)
    return _funded(rng, kind, status, today)


def _rejected(rng: random.Random, today: date) -> History:
    applied = today - timedelta(days=rng.randint(30, 700))
    reviewed = _after(rng, applied, 5, 15)
    if rng.random() < 0.6:
        return History(applied, [(R.TOWNSHIP_REVIEW, REJECT, reviewed, "township_reject")])
    return History(
        applied,
        [
            (R.TOWNSHIP_REVIEW, PASS, reviewed, "township_pass"),
            (R.COUNTY_APPROVAL, REJECT, _after(rng, reviewed, 5, 15), "county_reject"),
        ],
    )


def _funded(rng: random.Random, kind: str, status: str, today: date) -> History:
    long_running = status != S.APPROVED
    applied = today - timedelta(days=rng.randint(90, 1400) if long_running else rng.randint(20, 40))
    reviewed = _after(rng, applied, 5, 10)
    approved = min(_after(rng, reviewed, 5, 10), today - timedelta(days=1))
    result = History(
        applied,
        [
            (R.TOWNSHIP_REVIEW, PASS, reviewed, "township_pass"),
            (R.COUNTY_APPROVAL, PASS, approved, "county_pass"),
        ],
        approved,
    )
    recheck, lag = _add_year(approved), timedelta(days=rng.randint(0, 45))
    while long_running and recheck < today - lag:  # re-checks done on time; some are now due
        result.steps.append(
            (
                R.RECHECK,
                PASS,
                min(_after(rng, recheck, 0, 10), today - timedelta(days=1)),
                "recheck_pass",
            )
        )
        recheck = _add_year(recheck)
    result.recheck_on = recheck
    if status in (S.SUSPENDED, S.ENDED):
        result.steps.append(_stop(rng, kind, status, result.steps[-1][2], today))
    return result


def _stop(rng: random.Random, kind: str, status: str, last: date, today: date) -> tuple:
    """A suspension or an end: at a re-check (decision REJECT) or as its own step."""
    day = max(last, min(today - timedelta(days=1), _after(rng, last, 1, 150)))
    at_recheck = rng.random() < 0.5
    if status == S.SUSPENDED:
        return (R.RECHECK if at_recheck else R.SUSPENSION, REJECT, day, "suspend")
    reason = "end_student" if kind == SubsidyKind.STUDENT else "end"
    return (R.RECHECK if at_recheck else R.TERMINATION, REJECT, day, reason)


def _after(rng: random.Random, day: date, low: int, high: int) -> date:
    return day + timedelta(days=rng.randint(low, high))


def _add_year(day: date) -> date:
    year = day.year + 1
    return day.replace(year=year, day=min(day.day, calendar.monthrange(year, day.month)[1]))
