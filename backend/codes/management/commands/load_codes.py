from django.core.management.base import BaseCommand

from backend.codes.services import codes_load_gbt31000


class Command(BaseCommand):
    help = "载入 GB/T 31000-2015 代码表 (idempotent)"

    def handle(self, *args: object, **options: object) -> None:
        self.stdout.write(self.style.SUCCESS(f"已载入 {codes_load_gbt31000()} 个代码"))
