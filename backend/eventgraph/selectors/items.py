"""What the graph shows of an item, read only through the caller's visible querysets: one query
per model, however many items."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from django.db.models import F, Q, QuerySet
from django.utils import timezone

from backend.disputes.models import Status
from backend.eventgraph.models import DISPUTE, REPORT
from backend.reports.models import ReportStatus

Visible = Mapping[str, QuerySet]
Ref = tuple[str, int]
STATUS_LABELS = {DISPUTE: dict(Status.choices), REPORT: dict(ReportStatus.choices)}


@dataclass(frozen=True)
class ItemView:
    type: str
    id: int
    number: str
    title: str
    area_code: int
    area_name: str
    day: date
    status: str
    status_label: str

    @property
    def ref(self) -> Ref:
        return (self.type, self.id)


def item_views(refs: Iterable[Ref], visible: Visible) -> dict[Ref, ItemView]:
    """The views of those of `refs` the caller may see."""
    wanted: dict[str, set[int]] = {}
    for object_type, object_id in refs:
        wanted.setdefault(object_type, set()).add(object_id)
    views = {}
    for object_type, ids in wanted.items():
        for row in _rows(object_type, visible[object_type].filter(pk__in=ids)):
            view = _view(object_type, row)
            views[view.ref] = view
    return views


def _rows(object_type: str, queryset: QuerySet) -> QuerySet:
    day = "registered_on" if object_type == DISPUTE else "registered_at"
    fields = ("pk", "number", "title", "area_id", "area__name", "status")
    return queryset.order_by().values(*fields, day=F(day))


def _view(object_type: str, row: dict) -> ItemView:
    day = row["day"] if object_type == DISPUTE else timezone.localdate(row["day"])
    return ItemView(
        object_type, row["pk"], row["number"], row["title"], row["area_id"], row["area__name"],
        day, row["status"], str(STATUS_LABELS[object_type].get(row["status"], row["status"])),
    )  # fmt: skip


def visible_keys_q(visible: Visible) -> Q:
    """PartyKey rows of items the caller may see (none when `visible` is empty)."""
    condition = Q(pk__in=[])
    for object_type, queryset in visible.items():
        condition |= Q(object_type=object_type, object_id__in=queryset.values("pk"))
    return condition
