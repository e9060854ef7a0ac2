"""The dashboard's headline figures from one grouped scan: disputes per (status, success). The
total, the 化解率 and the status distribution all follow from it, so a dashboard asking for all
three reads the disputes once instead of three times."""

from django.db.models import Count, QuerySet

from backend.disputes.models import Dispute, Status

Tally = dict[tuple[str, bool | None], int]


def status_tally(*, disputes: QuerySet[Dispute]) -> Tally:
    rows = disputes.order_by().values_list("status", "success").annotate(n=Count("id"))
    return {(status, success): n for status, success, n in rows}


def tally_total(tally: Tally) -> int:
    return sum(tally.values())


def tally_resolution(tally: Tally) -> dict:
    """化解率 = resolved successfully ÷ mediation ended (agreed or failed)."""
    finished = sum(n for (_, success), n in tally.items() if success is not None)
    resolved = sum(n for (_, success), n in tally.items() if success is True)
    rate = round(resolved / finished, 4) if finished else None
    return {"finished": finished, "resolved": resolved, "rate": rate}


def tally_statuses(tally: Tally) -> list[dict]:
    """Every status in the order of the process, with its label and count (0 included)."""
    counts: dict[str, int] = {}
    for (status, _), n in tally.items():
        counts[status] = counts.get(status, 0) + n
    return [
        {"status": value, "label": str(label), "count": counts.get(value, 0)}
        for value, label in Status.choices
    ]
