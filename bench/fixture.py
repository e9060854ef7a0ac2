"""Prepares one bench run on a seeded database and writes what the driver needs as JSON:
API tokens (Zhili) and JWT claims (PostGraphile) of the bench users, the targets of each query,
and the dedicated rows the write queries cycle through (kept in zhili_bench.bench_rows so every
run reuses them). Run by bench/run.sh: `python -m bench.fixture OUT.json` with DATABASE_URL set.
"""

import json
import os
import secrets
import sys
from typing import Any

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings")
django.setup()

from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402

from backend.accounts.models import User  # noqa: E402
from backend.accounts.services import user_create  # noqa: E402
from backend.accounts.tokens import token_create  # noqa: E402
from backend.areas.models import Area  # noqa: E402
from backend.codes.models import Code, Table  # noqa: E402
from backend.disputes.models import Dispute  # noqa: E402
from backend.disputes.models.choices import Status  # noqa: E402
from backend.org.models import Membership, Unit  # noqa: E402
from backend.org.services import membership_grant  # noqa: E402
from backend.reports.models import Report, ReportCategory  # noqa: E402
from backend.reports.services import report_submit  # noqa: E402
from permissions.grants import grants_of  # noqa: E402

# fixture key → account: the demo's 肃宁镇综治中心, 肃宁县综治中心 and city administrator, and a bench
# handler of the member unit holding the most open reports (created once, like a real handler).
USERS = {
    "township": "township_centre",
    "county": "county_centre",
    "unit": "bench_inbox",
    "city": "city_admin",
}
ENGINES = ("zhili", "postgraphile")
WRITE_ROWS = 10  # per engine and write query
EMPTY = (1, 0)  # an empty area range
OPEN_REPORT = ("dispatched", "signed", "handling")
OPEN_DISPUTE = ("registered", "assigned", "mediating")  # closed disputes cannot be edited


def claims(user: User) -> dict[str, Any]:
    """The JWT claims PostgreSQL's policies read (bench/postgraphile/rls.sql)."""
    found: dict[str, Any] = {"role": "zhili_bench_user", "aud": "postgraphile", "user_id": user.pk}
    for model in ("dispute", "report"):
        for action in ("view", "change"):
            low, high = _range(user, f"{model}s.{action}_{model}")
            found[f"{model}_{action}_low"], found[f"{model}_{action}_high"] = low, high
    groups = sorted(user.groups.values_list("id", flat=True))
    found["group_ids"] = "{" + ",".join(map(str, groups)) + "}"
    return found


def _range(user: User, perm: str) -> tuple[int, int]:
    ranges = {(g.low, g.high) for g in grants_of(user) if perm in g.perms and not g.own_only}
    if len(ranges) > 1:
        raise SystemExit(f"{user.username}: several scope ranges for {perm}; one JWT range only")
    return ranges.pop() if ranges else EMPTY


def user_entry(key: str) -> dict[str, Any]:
    user = User.objects.get(username=USERS[key])
    _, secret = token_create(creator=user, user=user, name="压测", days=7)
    return {"username": user.username, "token": secret, "claims": claims(user)}


def scope_area(username: str) -> int:
    return Membership.objects.filter(user__username=username).values_list("scope_id", flat=True)[0]


def busiest_dispute(low: int, high: int) -> int:
    """The dispute under the range with the most parties + mediation records (+ evidence)."""
    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT d.id FROM disputes_dispute d
               WHERE d.area_id BETWEEN %s AND %s
               ORDER BY (SELECT count(*) FROM disputes_disputeparty p WHERE p.dispute_id = d.id)
                      + (SELECT count(*) FROM disputes_mediationrecord r WHERE r.dispute_id = d.id)
                      + (SELECT count(*) FROM evidence_evidence e WHERE e.dispute_id = d.id) DESC,
                        d.id
               LIMIT 1""",
            [low, high],
        )
        return cursor.fetchone()[0]


def commonest_open_status(low: int, high: int) -> str:
    rows = Dispute.objects.filter(area__gte=low, area__lte=high)
    counts = {s: rows.filter(status=s).count() for s in ("registered", "assigned", "mediating")}
    return max(counts, key=lambda s: counts[s])


def bench_rows(kind: str, candidates: Any, make: Any = None) -> dict[str, list[int]]:
    """Dedicated rows per engine for a write query, chosen once and remembered in the database."""
    table = "zhili_bench.bench_rows" if connection.vendor == "postgresql" else "zhili_bench_rows"
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {table}"
            " (engine text, kind text, id bigint, PRIMARY KEY (engine, kind, id))"
        )
        cursor.execute(f"SELECT engine, id FROM {table} WHERE kind = %s", [kind])
        found: dict[str, list[int]] = {engine: [] for engine in ENGINES}
        for engine, pk in cursor.fetchall():
            found[engine].append(pk)
        if not all(found.values()):
            cursor.execute(f"DELETE FROM {table} WHERE kind = %s", [kind])
            rows = make() if make else candidates
            ids = list(rows.values_list("pk", flat=True)[: WRITE_ROWS * len(ENGINES)])
            for n, engine in enumerate(ENGINES):
                found[engine] = ids[n * WRITE_ROWS : (n + 1) * WRITE_ROWS]
                cursor.executemany(
                    f"INSERT INTO {table} VALUES (%s, %s, %s)",
                    [(engine, kind, pk) for pk in found[engine]],
                )
        return {engine: sorted(ids) for engine, ids in found.items()}


def inbox_unit() -> Unit:
    """The member unit holding the most open reports, and its bench handler."""
    held = (
        Report.objects.filter(current_unit__kind="member_unit", status__in=OPEN_REPORT)
        .values_list("current_unit")
        .annotate(n=Count("pk"))
        .order_by("-n", "current_unit")
    )
    unit = Unit.objects.get(pk=held[0][0])
    user = User.objects.filter(username=USERS["unit"]).first()
    if user is None:
        user = user_create(
            username=USERS["unit"], password=secrets.token_urlsafe(16), full_name="压测经办人"
        )
        membership_grant(user=user, role="unit_handler", scope=unit.area, unit=unit)
    return Membership.objects.get(user=user).unit  # type: ignore[return-value]


def new_reports(township: int, count: int) -> Any:
    """Fresh reports registered by the township centre for the dispatch / return round trip."""
    centre = Membership.objects.filter(user__username="township_centre").first()
    category = ReportCategory.objects.filter(active=True, parent__isnull=False).order_by("code")[0]
    actor = User.objects.get(username="township_centre")
    for n in range(count):
        report_submit(
            source="grid_worker", category=category, area=Area.objects.get(code=township),
            title=f"压测事项 {n + 1}", description="压测用事项：派单与回退往返。",
            centre=centre.unit if centre else None, actor=actor,
        )  # fmt: skip
    return Report.objects.filter(title__startswith="压测事项", area=township).order_by("-pk")


def transition_state(ids: list[int]) -> list[dict[str, Any]]:
    status = dict(Report.objects.filter(pk__in=ids).values_list("pk", "status"))
    return [{"id": pk, "status": status[pk]} for pk in ids]


def build() -> dict[str, Any]:
    unit_id = inbox_unit().pk
    users = {key: user_entry(key) for key in USERS}
    township = scope_area("township_centre")
    township_low, township_high = _range(
        User.objects.get(username="township_centre"), "disputes.view_dispute"
    )
    county = scope_area("county_centre")
    in_township = {"area__gte": township_low, "area__lte": township_high}
    open_disputes = Dispute.objects.filter(**in_township, status__in=OPEN_DISPUTE)
    updates = bench_rows("update", open_disputes.order_by("pk"))
    reports = bench_rows(
        "transition", None, lambda: new_reports(township, WRITE_ROWS * len(ENGINES))
    )
    return {
        "users": users,
        "county_area": str(county),
        "list_status": commonest_open_status(township_low, township_high),
        "dispute_id": busiest_dispute(township_low, township_high),
        "inbox_unit_id": unit_id,
        "dispatch_unit_id": unit_id,
        "statuses": list(Status.values),
        "type_codes": list(
            Code.objects.filter(table__key=Table.EVENT_TYPE, parent__isnull=True).values_list(
                "code", flat=True
            )
        ),
        "townships": [
            str(code)
            for code in Area.objects.filter(parent_id=county).values_list("code", flat=True)
        ],
        "update_disputes": updates,
        "transition_reports": {engine: transition_state(ids) for engine, ids in reports.items()},
    }


if __name__ == "__main__":
    with open(sys.argv[1], "w") as out:
        json.dump(build(), out, ensure_ascii=False, indent=1)
