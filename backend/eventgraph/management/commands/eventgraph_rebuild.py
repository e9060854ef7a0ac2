from datetime import date, timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from backend.eventgraph.rebuild import graph_rebuild


class Command(BaseCommand):
    help = "重建事件图谱：当事人索引与事件关联（批量，内存占用有界）"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--since", type=date.fromisoformat, help="只索引该日期起登记的事项")
        parser.add_argument("--days", type=int, help="只索引最近 N 天登记的事项")
        parser.add_argument("--keep", action="store_true", help="不清空现有图谱，只补充缺少的行")

    def handle(self, *args: object, **options: Any) -> None:
        since: date | None = options["since"]
        if options["days"]:
            since = timezone.localdate() - timedelta(days=options["days"])
        added = graph_rebuild(since=since, clear=not options["keep"], log=self.stdout.write)
        for label, rows in added.items():
            self.stdout.write(f"{label}: {rows:+,}")
