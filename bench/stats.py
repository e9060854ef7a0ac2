"""Pure helpers of the load driver: percentiles, process figures from /proc, JWTs, the table."""

import base64
import hashlib
import hmac
import json
import math
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def percentile(values: Sequence[float], pct: float) -> float:
    """The `pct`-th percentile (0–100) by linear interpolation between closest ranks."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = (len(ordered) - 1) * pct / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def median(values: Sequence[float]) -> float:
    return percentile(values, 50)


def cpu_seconds(stat_line: str) -> float:
    """utime + stime (all threads) from the text of /proc/<pid>/stat."""
    fields = stat_line[stat_line.rindex(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def peak_rss_kib(status_text: str) -> int:
    """VmHWM (peak resident set) in KiB from the text of /proc/<pid>/status."""
    for line in status_text.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def read_proc(pid: int, name: str) -> str:
    with open(f"/proc/{pid}/{name}") as handle:
        return handle.read()


def processes_cpu(pids: Iterable[int]) -> float:
    return sum(cpu_seconds(read_proc(pid, "stat")) for pid in pids)


def processes_peak_rss(pids: Iterable[int]) -> int:
    return sum(peak_rss_kib(read_proc(pid, "status")) for pid in pids)


def children_of(pid: int) -> list[int]:
    """Direct children of `pid` (gunicorn's workers), from /proc/<pid>/task/*/children."""
    found: list[int] = []
    for task in os.listdir(f"/proc/{pid}/task"):
        text = read_proc(pid, f"task/{task}/children")
        found.extend(int(child) for child in text.split())
    return found


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def jwt_hs256(claims: dict, secret: str) -> str:
    """A compact HS256 JWT (RFC 7519) of `claims`."""
    header = _b64(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
    body = _b64(json.dumps(claims, separators=(",", ":")).encode())
    signature = hmac.new(secret.encode(), f"{header}.{body}".encode(), hashlib.sha256).digest()
    return f"{header}.{body}.{_b64(signature)}"


@dataclass
class Figures:
    """What one engine did on one query over all rounds."""

    statements: list[int] = field(default_factory=list)  # all statements per request
    data: list[int] = field(default_factory=list)  # without transaction control
    cpu_ms: list[float] = field(default_factory=list)  # per request, one value per round
    latencies_ms: list[float] = field(default_factory=list)
    throughput: list[float] = field(default_factory=list)  # req/s at each sweep point
    errors: int = 0
    peak_rss_kib: int = 0

    def summary(self) -> dict[str, float]:
        return {
            "data": median(self.data),
            "statements": median(self.statements),
            "cpu_ms": median(self.cpu_ms),
            "p50": percentile(self.latencies_ms, 50),
            "p95": percentile(self.latencies_ms, 95),
            "p99": percentile(self.latencies_ms, 99),
            "rps": max(self.throughput) if self.throughput else math.nan,
            "rss_mib": self.peak_rss_kib / 1024,
        }


COLUMNS = (
    ("data", "SQL/req", "{:.0f}"),
    ("statements", "SQL+tx/req", "{:.0f}"),
    ("cpu_ms", "CPU ms/req", "{:.2f}"),
    ("p50", "p50 ms", "{:.1f}"),
    ("p95", "p95 ms", "{:.1f}"),
    ("p99", "p99 ms", "{:.1f}"),
    ("rps", "req/s max", "{:.0f}"),
    ("rss_mib", "peak RSS MiB", "{:.0f}"),
)


def _cell(value: float, fmt: str) -> str:
    return "–" if value is None or math.isnan(value) else fmt.format(value)


def _ratio(ours: float, theirs: float) -> str:
    if any(v is None or math.isnan(v) for v in (ours, theirs)) or theirs == 0:
        return "–"
    return f"{ours / theirs:.2f}×"


def render_table(rows: dict[str, dict[str, dict[str, float]]], engines: Sequence[str]) -> str:
    """A Markdown table: one row per query and engine, plus the first/second engine ratio row."""
    header = ["query", "engine", *(label for _, label, _ in COLUMNS)]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for query, by_engine in rows.items():
        for engine in engines:
            if engine in by_engine:
                cells = [
                    _cell(by_engine[engine].get(key, math.nan), fmt) for key, _, fmt in COLUMNS
                ]
                lines.append("| " + " | ".join([query, engine, *cells]) + " |")
        if len(engines) == 2 and all(engine in by_engine for engine in engines):
            ours, theirs = (by_engine[engine] for engine in engines)
            cells = [
                _ratio(ours.get(key, math.nan), theirs.get(key, math.nan)) for key, _, _ in COLUMNS
            ]
            lines.append("| " + " | ".join([query, "**ratio**", *cells]) + " |")
    return "\n".join(lines)
