from datetime import timedelta

from django.core.management.base import BaseCommand, CommandParser

from backend.evidence.services import evidence_orphans_sweep


class Command(BaseCommand):
    help = "删除没有记录引用的佐证材料文件（默认只删一小时前的）"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--hours", type=float, default=1.0)

    def handle(self, *args: object, **options: object) -> None:
        removed = evidence_orphans_sweep(older_than=timedelta(hours=float(options["hours"])))  # type: ignore[arg-type]
        self.stdout.write(f"已删除 {len(removed)} 个孤立文件")
