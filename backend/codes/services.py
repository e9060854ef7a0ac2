"""Parsing and loading the GB/T 31000 code tables file shipped in backend/codes/data/."""

import re
from pathlib import Path

from django.db import transaction

from backend.codes.models import Code, CodeTable

DATA_FILE = Path(__file__).resolve().parent / "data" / "gbt31000_code_tables.txt"
_HEADER = re.compile(r"^## (?P<name>\S+) \((?P<key>\w+)\.java\)$")


def parse_code_tables(text: str) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """{(key, name): [(code, name), …]} from '## 事件类型 (EventType.java)' + '01 …; 0101 …' lines."""
    tables: dict[tuple[str, str], list[tuple[str, str]]] = {}
    current: list[tuple[str, str]] = []
    for line in text.splitlines():
        if match := _HEADER.match(line.strip()):
            current = tables.setdefault((match["key"], match["name"]), [])
        elif line.strip():
            for item in line.split("; "):
                code, _, name = item.strip().partition(" ")
                current.append((code, name.strip()))
    return tables


def _parent_code(code: str, known: set[str]) -> str | None:
    """A four-digit code 0902 belongs to 09 when 09 is in the same table."""
    return code[:2] if len(code) == 4 and code[:2] in known else None


@transaction.atomic
def codes_load_gbt31000() -> int:
    """Insert or refresh every table and code; running it twice leaves the same rows."""
    count = 0
    for (key, name), items in parse_code_tables(DATA_FILE.read_text(encoding="utf-8")).items():
        table, _ = CodeTable.objects.update_or_create(key=key, defaults={"name": name})
        known = {code for code, _ in items}
        rows: dict[str, Code] = {}
        for code, label in sorted(items, key=lambda item: len(item[0])):
            parent = rows.get(_parent_code(code, known) or "")
            rows[code], _ = Code.objects.update_or_create(
                table=table, code=code, defaults={"name": label, "parent": parent}
            )
        count += len(rows)
    return count
