from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from backend.accounts.models import User
from backend.accounts.tokens import token_create
from backend.areas.models import Area


class Command(BaseCommand):
    help = "为集成方账号创建 API 令牌（密钥只显示这一次）"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--user", required=True, help="令牌代表的账号")
        parser.add_argument("--name", required=True, help="用途，如“法院系统对接”")
        parser.add_argument("--days", type=int, default=90)
        parser.add_argument("--scope", help="限定的区划代码（12 位），缺省不额外限定")
        parser.add_argument("--creator", help="创建人账号，缺省为令牌账号本人")

    def handle(self, *args: object, **options: object) -> None:
        user = self._user(str(options["user"]))
        creator = self._user(str(options["creator"])) if options["creator"] else user
        scope = (
            Area.objects.filter(code=int(str(options["scope"]))).first()
            if options["scope"]
            else None
        )
        if options["scope"] and scope is None:
            raise CommandError("区划代码不存在")
        try:
            token, secret = token_create(
                creator=creator,
                user=user,
                name=str(options["name"]),
                days=int(str(options["days"])),
                scope=scope,
            )
        except ValidationError as error:
            raise CommandError("；".join(error.messages)) from None
        self.stdout.write(
            f"令牌 {token.prefix}… 有效期至 {token.expires_at:%Y-%m-%d}。密钥（只显示这一次）："
        )
        self.stdout.write(secret)

    def _user(self, username: str) -> User:
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"账号 {username} 不存在或已停用")
        return user
