"""Load driver: the issue-7 query mix against Zhili and PostGraphile, interleaved rounds.

Per round, query and engine (the engine order alternates between rounds):
  1. count: 3 requests, each tagged so the server reports the SQL statements it sent for it;
  2. sequential: N requests one after another — latencies and the servers' CPU time per request
     (utime + stime of the server processes from /proc, before and after);
  3. saturation (reads only): C client threads for S seconds at each C of the sweep — requests/s.
Peak RSS is the servers' VmHWM at the end. Plain stdlib: http.client with keep-alive, threads.
Usage: see bench/README.md (bench/run.sh calls this).
"""

import argparse
import http.client
import json
import sys
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from bench.mix import Call, Query, build_mix
from bench.stats import (
    Figures,
    children_of,
    jwt_hs256,
    processes_cpu,
    processes_peak_rss,
    render_table,
)


class Client:
    """One keep-alive connection (reopened when the server closes it)."""

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        self.host, self.port, self.path = (
            parts.hostname or "127.0.0.1",
            parts.port or 80,
            parts.path,
        )
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=120)

    def post(self, body: bytes, headers: dict[str, str]) -> tuple[int, bytes]:
        for attempt in (1, 2):
            try:
                self.conn.request("POST", self.path, body, headers)
                response = self.conn.getresponse()
                return response.status, response.read()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.conn.close()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")


@dataclass
class Engine:
    name: str
    url: str
    auth: dict[str, str]  # fixture user key → Authorization header value
    pids: Callable[[], list[int]]
    count: Callable[["Engine", Client, Call], tuple[int, int]]
    errors: list[str] = field(default_factory=list)

    def send(self, client: Client, call: Call, extra: dict[str, str] | None = None) -> bool:
        user, document, variables = call
        body = json.dumps({"query": document, "variables": variables}).encode()
        headers = {"Content-Type": "application/json", "Authorization": self.auth[user]}
        status, payload = client.post(body, {**headers, **(extra or {})})
        ok = status == 200 and b'"errors"' not in payload and b'"messages"' not in payload
        if not ok and len(self.errors) < 5:
            self.errors.append(f"{status} {payload[:300].decode(errors='replace')}")
        return ok


def count_zhili(engine: Engine, client: Client, call: Call) -> tuple[int, int]:
    """The gunicorn hook writes the statements of a tagged request to zhili-<pid>.json."""
    tag = uuid.uuid4().hex
    engine.send(client, call, {"X-Bench-Count": tag})
    for _ in range(200):
        for path in STATS_DIR.glob("zhili-*.json"):
            data = json.loads(path.read_text() or "{}")
            if data.get("id") == tag:
                return data["statements"], data["data"]
        time.sleep(0.01)
    raise RuntimeError("Zhili did not report the statement count (gunicorn_conf.py loaded?)")


def count_postgraphile(engine: Engine, client: Client, call: Call) -> tuple[int, int]:
    """Delta of the pool's counters around one request (nothing else runs meanwhile)."""
    before = _pg_stats(engine)
    engine.send(client, call)
    after = _pg_stats(engine)
    return after["statements"] - before["statements"], after["data"] - before["data"]


def _pg_stats(engine: Engine) -> dict[str, int]:
    parts = urlsplit(engine.url)
    conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port or 80, timeout=10)
    conn.request("GET", "/bench/stats")
    return json.loads(conn.getresponse().read())


STATS_DIR = Path(".")


def run_calls(engine: Engine, client: Client, calls: list[Call]) -> bool:
    return all([engine.send(client, call) for call in calls])


def count_phase(engine: Engine, query: Query, figures: Figures, start: int) -> int:
    client = Client(engine.url)
    for i in range(start, start + 3):
        totals = [engine.count(engine, client, call) for call in query.calls[engine.name](i)]
        figures.statements.append(sum(t[0] for t in totals))
        figures.data.append(sum(t[1] for t in totals))
    return start + 3


def sequential_phase(engine: Engine, query: Query, figures: Figures, start: int, n: int) -> int:
    client = Client(engine.url)
    pids = engine.pids()
    cpu_before = processes_cpu(pids)
    for i in range(start, start + n):
        began = time.perf_counter()
        if not run_calls(engine, client, query.calls[engine.name](i)):
            figures.errors += 1
        figures.latencies_ms.append((time.perf_counter() - began) * 1000)
    figures.cpu_ms.append((processes_cpu(pids) - cpu_before) * 1000 / n)
    return start + n


def saturation_phase(
    engine: Engine, query: Query, figures: Figures, sweep: list[int], seconds: float
) -> None:
    for threads in sweep:
        done, failed = _hammer(engine, query, threads, seconds)
        figures.throughput.append(done / seconds)
        figures.errors += failed


def _hammer(engine: Engine, query: Query, threads: int, seconds: float) -> tuple[int, int]:
    counts = [[0, 0] for _ in range(threads)]
    stop = time.perf_counter() + seconds

    def worker(slot: list[int]) -> None:
        client, i = Client(engine.url), 0
        while time.perf_counter() < stop:
            ok = run_calls(engine, client, query.calls[engine.name](i))
            slot[0 if ok else 1] += 1
            i += 1

    workers = [threading.Thread(target=worker, args=(slot,)) for slot in counts]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    return sum(c[0] for c in counts), sum(c[1] for c in counts)


def run(
    engines: list[Engine], mix: list[Query], args: argparse.Namespace
) -> dict[str, dict[str, Figures]]:
    results = {q.name: {e.name: Figures() for e in engines if e.name in q.calls} for q in mix}
    cursor = {(q.name, e.name): 0 for q in mix for e in engines}
    for round_no in range(args.rounds):
        order = engines if round_no % 2 == 0 else engines[::-1]
        for query in mix:
            for engine in (e for e in order if e.name in query.calls):
                figures, key = results[query.name][engine.name], (query.name, engine.name)
                cursor[key] = count_phase(engine, query, figures, cursor[key])
                cursor[key] = sequential_phase(engine, query, figures, cursor[key], args.requests)
                if not query.write:
                    saturation_phase(engine, query, figures, args.sweep, args.seconds)
                log(f"round {round_no + 1} {query.name} {engine.name}: {figures.summary()}")
    for engine in engines:
        rss = processes_peak_rss(engine.pids())
        for by_engine in results.values():
            if engine.name in by_engine:
                by_engine[engine.name].peak_rss_kib = rss
    return results


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def zhili_pids(master: int) -> Callable[[], list[int]]:
    return lambda: children_of(master)


def make_engines(fx: dict, args: argparse.Namespace) -> list[Engine]:
    engines = [
        Engine(
            "zhili", args.zhili, {k: f"Bearer {u['token']}" for k, u in fx["users"].items()},
            zhili_pids(args.zhili_pid), count_zhili,
        )
    ]  # fmt: skip
    if args.postgraphile:
        exp = int(time.time()) + 7 * 86400
        tokens = {
            k: jwt_hs256({**u["claims"], "exp": exp}, args.jwt_secret)
            for k, u in fx["users"].items()
        }
        engines.append(
            Engine(
                "postgraphile", args.postgraphile, {k: f"Bearer {t}" for k, t in tokens.items()},
                lambda: [args.postgraphile_pid], count_postgraphile,
            )
        )  # fmt: skip
    return engines


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixture", required=True, type=Path)
    parser.add_argument("--zhili", required=True, help="Zhili's /graphql/ URL")
    parser.add_argument("--zhili-pid", required=True, type=int, help="gunicorn master pid")
    parser.add_argument("--postgraphile", help="PostGraphile's /graphql URL (omit: Zhili only)")
    parser.add_argument("--postgraphile-pid", type=int)
    parser.add_argument("--jwt-secret", default="")
    parser.add_argument("--stats-dir", type=Path, required=True)
    parser.add_argument("--queries", default="", help="comma-separated names (default: all)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--requests", type=int, default=50, help="sequential requests per phase")
    parser.add_argument(
        "--sweep", default="1,2,4,8", help="client threads for the saturation sweep"
    )
    parser.add_argument("--seconds", type=float, default=4.0, help="per saturation point")
    parser.add_argument("--out", type=Path, help="write the Markdown table here as well")
    parser.add_argument("--title", default="")
    args = parser.parse_args(argv)
    args.sweep = [int(n) for n in args.sweep.split(",") if n]
    return args


def main(argv: list[str]) -> None:
    global STATS_DIR
    args = parse(argv)
    STATS_DIR = args.stats_dir
    fx = json.loads(args.fixture.read_text())
    engines = make_engines(fx, args)
    mix = build_mix(fx, tuple(e.name for e in engines))
    if args.queries:
        mix = [q for q in mix if q.name in args.queries.split(",")]
    results = run(engines, mix, args)
    for engine in engines:
        for error in engine.errors:
            log(f"{engine.name} error: {error}")
    summary = {q.label: {e: f.summary() for e, f in results[q.name].items()} for q in mix}
    table = render_table(summary, [e.name for e in engines])
    errors = {
        f"{q.name}/{e}": f.errors for q in mix for e, f in results[q.name].items() if f.errors
    }
    text = f"{args.title}\n\n{table}\n\nerrors: {errors or 'none'}\n"
    print(text)
    if args.out:
        args.out.write_text(text)
        args.out.with_suffix(".json").write_text(json.dumps(summary, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main(sys.argv[1:])
