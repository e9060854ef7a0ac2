from django.core.management.base import BaseCommand

from backend.worktime.services import calendar_load_official


class Command(BaseCommand):
    help = "按 backend/worktime/data/holidays.csv 载入或更新法定节假日与调休上班日 (idempotent)"

    def handle(self, *args: object, **options: object) -> None:
        count = calendar_load_official()
        self.stdout.write(self.style.SUCCESS(f"已载入 {count} 个节假日安排"))
