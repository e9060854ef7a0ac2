"""Demo event graph: the demo loader inserts reports and disputes in bulk (no signals), so the
graph is built here in bulk, over the items of the last DAYS days before the demo clock at the
larger scales. Idempotent: only missing keys and links are added."""

from datetime import timedelta

from backend.demo.context import DemoContext
from backend.eventgraph.rebuild import graph_rebuild

DAYS = {"medium": 180, "large": 45}  # other scales: every item


def seed(ctx: DemoContext) -> dict[str, int]:
    days = DAYS.get(ctx.scale.name)
    since = ctx.anchor.date() - timedelta(days=days) if days else None
    return graph_rebuild(since=since, clear=False, log=ctx.log)
