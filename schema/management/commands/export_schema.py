"""Writes schema/schema.graphql; with --check, fails when the committed file has drifted."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "schema.graphql"


class Command(BaseCommand):
    help = "导出 GraphQL schema 到 schema/schema.graphql（--check：与已提交文件不一致时失败）"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--check", action="store_true")

    def handle(self, *args: object, **options: object) -> None:
        from schema.schema import schema

        text = schema.as_str() + "\n"
        if options["check"]:
            if not SCHEMA_FILE.exists() or SCHEMA_FILE.read_text(encoding="utf-8") != text:
                raise CommandError(
                    "schema/schema.graphql 已过期：请运行 python manage.py export_schema 并提交"
                )
            self.stdout.write("schema/schema.graphql 与代码一致")
            return
        SCHEMA_FILE.write_text(text, encoding="utf-8")
        self.stdout.write(f"已写入 {SCHEMA_FILE}")
