"""Evidence for the hot paths: EXPLAIN ANALYZE of every SELECT a Zhili request sends, replays of
PostGraphile's statements under the same claims, and a cProfile of Zhili requests.

  DATABASE_URL=… python -m bench.explain FIXTURE.json OUT_DIR [PG_SQL_LOG.jsonl]

Zhili requests run in-process (Django's test client with the bench user's API token; the SQL is
captured with CaptureQueriesContext). PG_SQL_LOG is what PostGraphile wrote with BENCH_SQL_LOG set
while the driver sent one request of each query (bench/run.sh does not; see bench/README.md).
"""

import cProfile
import io
import json
import os
import pstats
import sys
from pathlib import Path
from typing import Any

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings")
django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.mix import build_mix  # noqa: E402

READS = ("1-list", "2-detail", "3-inbox", "4-dashboard", "4b-counts", "5-city")


def post(client: Client, fx: dict, call: tuple[str, str, dict]) -> Any:
    user, document, variables = call
    return client.post(
        "/graphql/",
        json.dumps({"query": document, "variables": variables}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {fx['users'][user]['token']}",
        HTTP_HOST="127.0.0.1",
    )


def explain(sql: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
        return "\n".join(row[0] for row in cursor.fetchall())


def zhili_plans(fx: dict, calls: list, out: Path) -> None:
    client, parts = Client(), []
    for call in calls:
        post(client, fx, call)  # warm: grants, caches
        with CaptureQueriesContext(connection) as captured:
            post(client, fx, call)
        for n, query in enumerate(captured.captured_queries, 1):
            sql = query["sql"]
            plan = explain(sql) if sql.lstrip().upper().startswith("SELECT") else "(not a SELECT)"
            parts.append(f"-- statement {n} ({query['time']} s in the request)\n{sql}\n\n{plan}\n")
    out.write_text("\n".join(parts))


def profile(fx: dict, calls: list, out: Path, repeat: int = 20) -> None:
    client = Client()
    post(client, fx, calls[0])
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(repeat):
        for call in calls:
            post(client, fx, call)
    profiler.disable()
    text = io.StringIO()
    stats = pstats.Stats(profiler, stream=text)
    text.write(breakdown(stats, repeat) + "\n")
    stats.sort_stats("cumulative").print_stats(45)
    stats.sort_stats("tottime").print_stats(30)
    out.write_text(f"{repeat} requests, cProfile, in-process test client\n" + text.getvalue())


# Where a request's time goes (cumulative, so the lines overlap): the levers of issue 7.
STAGES = {
    ("parser.py", "parse"): "parse the document",
    ("validate.py", "validate"): "validate (incl. depth / alias / token limits)",
    ("tokens.py", "token_authenticate"): "API token lookup",
    ("grants.py", "grants_of"): "load the user's grants",
    ("scoped.py", "get_queryset"): "policy: restrict + unmask annotation",
    ("optimizer.py", "optimize"): "strawberry-django optimizer",
    ("executor.py", "execute_field"): "resolve fields (graphql-core + strawberry)",
    ("connection.py", "wait"): "wait for PostgreSQL",
    ("schema.py", "execute_sync"): "whole GraphQL execution",
}


def breakdown(stats: pstats.Stats, repeat: int) -> str:
    lines = [f"{'ms/request':>11}  stage (cProfile inflates Python time ~3-5x; read as shares)"]
    seen: dict[str, float] = {}
    for (path, _, name), row in stats.stats.items():  # type: ignore[attr-defined]
        for (suffix, func), label in STAGES.items():
            if name == func and path.endswith(suffix):
                seen[label] = max(seen.get(label, 0.0), row[3] * 1000 / repeat)
    lines += [f"{seen[label]:>11.1f}  {label}" for label in STAGES.values() if label in seen]
    return "\n".join(lines)


def postgraphile_plans(fx: dict, log: Path, out_dir: Path) -> None:
    """Replay each logged data statement with its parameters under the claims of `claims_for`."""
    claims, parts, seen = None, [], set()  # statements before the first request: introspection
    for line in log.read_text().splitlines():
        row = json.loads(line)
        text = row["text"].lstrip().lower()
        if text.startswith("select set_config"):
            claims = row["values"][0]
        elif (
            claims
            and not text.startswith(("begin", "commit", "rollback", "set "))
            and row["text"] not in seen
        ):
            seen.add(row["text"])
            parts.append(
                f"-- {row['text']}\n-- values {row.get('values')}\n\n{_replay(row, claims)}\n"
            )
    (out_dir / "postgraphile-statements.txt").write_text("\n".join(parts))


def _replay(row: dict, claims: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")
        cursor.execute("BEGIN")
        try:
            cursor.execute(
                "select set_config(el->>0, el->>1, true) from json_array_elements(%s::json) el",
                [claims],
            )
            cursor.execute(f"PREPARE bench_stmt AS {row['text']}")
            values = ", ".join(_literal(cursor, v) for v in row.get("values") or [])
            cursor.execute(
                f"EXPLAIN (ANALYZE, BUFFERS) EXECUTE bench_stmt{f'({values})' if values else ''}"
            )
            return "\n".join(r[0] for r in cursor.fetchall())
        finally:
            cursor.execute("ROLLBACK")


def _literal(cursor: Any, value: Any) -> str:
    if value is None:
        return "NULL"
    cursor.execute(
        "SELECT quote_literal(%s)", [value if isinstance(value, str) else json.dumps(value)]
    )
    return cursor.fetchone()[0]


def main(fixture: Path, out_dir: Path, pg_log: Path | None) -> None:
    fx = json.loads(fixture.read_text())
    out_dir.mkdir(parents=True, exist_ok=True)
    mix = {q.name: q for q in build_mix(fx, ("zhili",))}
    for name in READS:
        calls = mix[name].calls["zhili"](0)
        zhili_plans(fx, calls, out_dir / f"zhili-{name}.txt")
        profile(
            fx,
            calls,
            out_dir / f"profile-zhili-{name}.txt",
            repeat=5 if name == "4b-counts" else 20,
        )
    if pg_log:
        postgraphile_plans(fx, pg_log, out_dir)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]) if len(sys.argv) > 3 else None)
