"""PartyKey rows of all items, batch by batch (keyset pagination on the primary key)."""

from collections.abc import Iterator
from datetime import date

from django.db.models import QuerySet
from django.utils import timezone

from backend.disputes.models import Dispute, DisputeParty
from backend.eventgraph.keys import party_keys, report_keys
from backend.eventgraph.models import DISPUTE, REPORT, PartyKey
from backend.eventgraph.nodes import day_start
from backend.reports.models import Report

BATCH = 2000


def keys_index(since: date | None, batch: int = BATCH) -> None:
    disputes = Dispute.objects.all()
    reports = Report.objects.all()
    if since is not None:
        disputes = disputes.filter(registered_on__gte=since)
        reports = reports.filter(registered_at__gte=day_start(since))
    for rows in _batches(disputes.values_list("pk", "area_id", "registered_on"), batch):
        PartyKey.objects.bulk_create(_dispute_keys(rows), ignore_conflicts=True)
    fields = ("pk", "area_id", "registered_at", "reporter_phone")
    for rows in _batches(reports.values_list(*fields), batch):
        PartyKey.objects.bulk_create(_report_keys(rows), ignore_conflicts=True)


def _batches(rows: QuerySet, size: int) -> Iterator[list[tuple]]:
    last = 0
    while True:
        chunk = list(rows.filter(pk__gt=last).order_by("pk")[:size])
        if not chunk:
            return
        yield chunk
        last = chunk[-1][0]


def _dispute_keys(rows: list[tuple]) -> list[PartyKey]:
    heads = {pk: (area, day) for pk, area, day in rows}
    parties: dict[int, list[tuple[str, str, str]]] = {}
    found = DisputeParty.objects.filter(dispute_id__in=list(heads))
    for dispute_id, id_type, id_number, phone in found.values_list(
        "dispute_id", "id_type", "id_number", "phone"
    ):
        parties.setdefault(dispute_id, []).append((id_type, id_number, phone))
    return [
        PartyKey(
            object_type=DISPUTE,
            object_id=pk,
            kind=key.kind,
            digest=key.digest,
            label=key.label,
            area_id=heads[pk][0],
            day=heads[pk][1],
        )
        for pk, values in parties.items()
        for key in party_keys(values)
    ]


def _report_keys(rows: list[tuple]) -> list[PartyKey]:
    return [
        PartyKey(
            object_type=REPORT,
            object_id=pk,
            kind=key.kind,
            digest=key.digest,
            label=key.label,
            area_id=area,
            day=timezone.localdate(registered_at),
        )
        for pk, area, registered_at, phone in rows
        for key in report_keys(phone)
    ]
