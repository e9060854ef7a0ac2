"""An item's keys as stored: the digests of its parties' ID numbers and phones (a dispute) or of
the reporter's phone (a report), kept equal to the item's current values."""

from backend.disputes.models import DisputeParty
from backend.eventgraph.keys import Key, party_keys, report_keys
from backend.eventgraph.models import DISPUTE, PartyKey
from backend.eventgraph.nodes import Node
from backend.reports.models import Report


def item_keys(node: Node) -> set[Key]:
    if node.type == DISPUTE:
        parties = DisputeParty.objects.filter(dispute_id=node.id)
        return party_keys(parties.values_list("id_type", "id_number", "phone"))
    phone = Report.objects.filter(pk=node.id).values_list("reporter_phone", flat=True).first()
    return report_keys(phone or "")


def keys_store(node: Node, keys: set[Key]) -> None:
    stored = PartyKey.objects.filter(object_type=node.type, object_id=node.id)
    fields = ("kind", "digest", "label", "area_id", "day")
    existing = {tuple(row[1:]): row[0] for row in stored.values_list("pk", *fields)}
    wanted = {(k.kind, k.digest, k.label, node.area, node.day) for k in keys}
    PartyKey.objects.filter(
        pk__in=[pk for row, pk in existing.items() if row not in wanted]
    ).delete()
    PartyKey.objects.bulk_create(
        [
            PartyKey(
                object_type=node.type, object_id=node.id, **dict(zip(fields, row, strict=True))
            )
            for row in wanted - set(existing)
        ],
        ignore_conflicts=True,
    )
