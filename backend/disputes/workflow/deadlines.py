"""化解期限: how long the mediation may take, counted from the registration day."""

from datetime import date

from backend.disputes.models.dispute import one_month_after
from backend.worktime.deadlines import deadline_after, end_of_day, local_day
from backend.worktime.selectors import limit_for

MEDIATION_LIMIT = "dispute.mediation"  # the worktime TimeLimit administrators edit (30 自然日)


def mediation_deadline(registered_on: date) -> date:
    """The last day of the worktime limit "dispute.mediation" after the registration day (the day
    itself not counted, a period ending on a rest day extended); one month without that limit."""
    limit = limit_for(MEDIATION_LIMIT)
    if limit is None:
        return one_month_after(registered_on)
    return local_day(deadline_after(end_of_day(registered_on), limit.amount, limit.unit))
