"""CPU per request in-process, without HTTP or the load driver: the quick loop for hot path 4.

  DATABASE_URL=… python -m bench.cpu FIXTURE.json [--repeat N] [--queries 1-list,…] [--fresh]

Each read query of the mix is sent N times straight to Zhili's WSGI application (the callable
gunicorn runs, with the production middleware) and the process's CPU time is divided by N. The
figure excludes gunicorn's own parsing and socket I/O, so it sits a little under the server-side
CPU the driver measures; compare it with itself, before and after a change.

The driver repeats each request with the same variables, so after the first one a list page runs
its kept statement (schema/base/kept.py) and a detail its compiled one (schema/base/detail.py).
`--fresh` forgets both before every request: the cost of a request whose statement is built.
"""

import argparse
import io
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings")

from backend.wsgi import application
from bench.mix import Call, build_mix


def environ(fx: dict, call: Call) -> dict[str, Any]:
    user, document, variables = call
    body = json.dumps({"query": document, "variables": variables}).encode()
    return {
        "REQUEST_METHOD": "POST", "PATH_INFO": "/graphql/", "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "8765", "HTTP_HOST": "127.0.0.1",
        "CONTENT_TYPE": "application/json", "CONTENT_LENGTH": str(len(body)),
        "HTTP_AUTHORIZATION": f"Bearer {fx['users'][user]['token']}",
        "wsgi.input": io.BytesIO(body), "wsgi.url_scheme": "http", "wsgi.errors": sys.stderr,
    }  # fmt: skip


def send(fx: dict, call: Call) -> bytes:
    statuses: list[str] = []

    def start_response(status: str, headers: Any, *exc_info: Any) -> Any:
        statuses.append(status)

    chunks = application(environ(fx, call), start_response)
    body = b"".join(chunks)
    if not statuses[0].startswith("200") or b'"errors"' in body:
        raise SystemExit(f"{statuses[0]}: {body[:300]!r}")
    return body


def measure(fx: dict, calls: list[Call], repeat: int, fresh: bool) -> float:
    for call in calls:
        send(fx, call)  # warm: parser and validation caches, connection
    started = time.process_time()
    for _ in range(repeat):
        for call in calls:
            if fresh:
                forget_statements()
            send(fx, call)
    return (time.process_time() - started) * 1000 / repeat


def forget_statements() -> None:
    from schema.base import detail, kept

    kept._KEPT.clear()
    detail._ENTRIES.clear()


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("fixture", type=Path)
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--queries", default="1-list,2-detail,3-inbox,4-dashboard,5-city")
    parser.add_argument("--fresh", action="store_true", help="build every statement anew")
    args = parser.parse_args(argv)
    fx = json.loads(args.fixture.read_text())
    wanted = args.queries.split(",")
    for query in build_mix(fx, ("zhili",)):
        if query.name in wanted:
            ms = measure(fx, query.calls["zhili"](0), args.repeat, args.fresh)
            print(f"{query.name:<12} {ms:6.2f} ms CPU/request")


if __name__ == "__main__":
    main(sys.argv[1:])
