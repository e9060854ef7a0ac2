from django.core.management.base import BaseCommand, CommandParser

from backend.demo.context import SCALES
from backend.demo.reference import DEMO_PASSWORD
from backend.demo.seed import demo_logins, seed_demo


class Command(BaseCommand):
    help = "生成沧州演示数据（确定性、可重复执行）：--scale small|medium|large"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--scale", choices=sorted(SCALES), default="small")

    def handle(self, *args: object, **options: object) -> None:
        seed_demo(str(options["scale"]), log=self.stdout.write)
        self.stdout.write(self.style.SUCCESS(f"演示账号（密码均为 {DEMO_PASSWORD}）："))
        for username, full_name in demo_logins():
            self.stdout.write(f"  {username:<20} {full_name}")
