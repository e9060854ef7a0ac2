"""Orchestrates the demo: reference data first, then each domain app's seeder in dependency order."""

import importlib
import time
from collections.abc import Callable

from backend.accounts.models import User
from backend.demo.grants import seed_grants
from backend.demo.reference import DEMO_PASSWORD, build_context

# Teams before disputes (mediators); reports before evidence; order is part of determinism.
SEEDERS = [
    "backend.teams.demo",
    "backend.disputes.demo",
    "backend.reports.demo",
    "backend.enterprise.demo",
    "backend.creation.demo",
    "backend.assistance.demo",
    "backend.evidence.demo",
    "backend.workflow.demo",
    "backend.eventgraph.demo",
    "backend.peacevillage.demo",
]


def seed_demo(scale_name: str, log: Callable[[str], None] = print) -> dict[str, int]:
    """Seed everything at `scale_name`; returns inserted rows per model. Idempotent."""
    started = time.monotonic()
    ctx = build_context(scale_name, log)
    inserted: dict[str, int] = {}
    for module_name in SEEDERS:
        began = time.monotonic()
        counts = importlib.import_module(module_name).seed(ctx)
        rows = sum(counts.values())
        seconds = time.monotonic() - began
        log(
            f"  {module_name}: {rows:,} 行, {seconds:.1f} s ({rows / max(seconds, 1e-6):,.0f} 行/秒)"
        )
        inserted.update(counts)
    inserted.update(seed_grants())
    _admin_user()
    log(
        f"演示数据完成：共新增 {sum(inserted.values()):,} 行，用时 {time.monotonic() - started:.1f} s"
    )
    return inserted


def _admin_user() -> None:
    if not User.objects.filter(username="admin").exists():
        User.objects.create_superuser("admin", password=DEMO_PASSWORD, full_name="系统管理员")


def demo_logins() -> list[tuple[str, str]]:
    names = User.objects.filter(username__in=_demo_usernames()).order_by("username")
    return [(user.username, user.full_name) for user in names]


def _demo_usernames() -> list[str]:
    from backend.accounts.roles import Role

    return ["admin", "xianxian_centre", *Role.values]
