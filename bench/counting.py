"""Telling data statements from transaction control (bench/gunicorn_conf.py, tests/bench)."""

import re
from collections.abc import Iterable

# Transaction control: not data access (atomic blocks' BEGIN/COMMIT and savepoints, SET, and
# PostGraphile's set_config carrying the JWT claims) — counted separately.
CONTROL = re.compile(
    r"^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE\s+SAVEPOINT|SET\s|SELECT\s+set_config)", re.I
)


def is_control(sql: str) -> bool:
    return bool(CONTROL.match(sql))


def count_statements(logged: Iterable[str]) -> tuple[int, int]:
    """(all statements, data statements) of a request's logged SQL."""
    sqls = list(logged)
    return len(sqls), sum(not is_control(sql) for sql in sqls)
