"""gunicorn settings for the bench: Zhili as `make run` serves it (2 sync workers), plus a
statement count for tagged requests.

A request carrying `X-Bench-Count: <id>` turns on Django's query log for that request only
(`force_debug_cursor`, the mechanism behind CaptureQueriesContext; it also records the BEGIN and
COMMIT of atomic blocks), and afterwards the worker writes how many statements the request sent
to $BENCH_STATS_DIR/zhili-<pid>.json, where the driver reads it back. Untagged requests — all
timed ones — run exactly as in production.
"""

import json
import os
from pathlib import Path
from typing import Any

from bench.counting import count_statements

bind = os.environ.get("BENCH_ZHILI_BIND", "127.0.0.1:8765")
workers = 2
keepalive = 65
accesslog = None


def _tag(req: Any) -> str | None:
    return next((value for name, value in req.headers if name == "X-BENCH-COUNT"), None)


def pre_request(worker: Any, req: Any) -> None:
    if _tag(req):
        from django.db import connections

        for connection in connections.all():
            connection.queries_log.clear()
            connection.force_debug_cursor = True


def post_request(worker: Any, req: Any, environ: dict, resp: Any) -> None:
    tag = _tag(req)
    if not tag:
        return
    from django.db import connections

    logged: list[str] = []
    for connection in connections.all():
        logged.extend(query["sql"] for query in connection.queries_log)
        connection.force_debug_cursor = False
    statements, data = count_statements(logged)
    target = Path(os.environ["BENCH_STATS_DIR"]) / f"zhili-{os.getpid()}.json"
    tmp = target.with_suffix(".tmp")
    tmp.write_text(json.dumps({"id": tag, "statements": statements, "data": data}))
    tmp.replace(target)
