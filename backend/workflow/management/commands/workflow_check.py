"""`manage.py workflow_check`: run by a scheduler (cron, systemd timer) every few minutes."""

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from backend.workflow.periodic import run_checks


class Command(BaseCommand):
    help = "到期提醒、超期通知和督办建议（幂等，可由定时任务反复运行）"

    def handle(self, *args: Any, **options: Any) -> None:
        tally = run_checks(timezone.now())
        summary = "，".join(f"{name} {count}" for name, count in sorted(tally.items())) or "无"
        self.stdout.write(f"流程检查完成：{summary}")
