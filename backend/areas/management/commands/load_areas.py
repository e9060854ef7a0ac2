from django.core.management.base import BaseCommand

from backend.areas.services import areas_load_cangzhou


class Command(BaseCommand):
    help = "载入沧州市的县、乡镇、村（社区）统计用区划代码 (idempotent)"

    def handle(self, *args: object, **options: object) -> None:
        count = areas_load_cangzhou()
        self.stdout.write(self.style.SUCCESS(f"已载入 {count} 个区划"))
