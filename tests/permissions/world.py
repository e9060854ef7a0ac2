"""One shared world for the permission tests: the demo seeders over three townships — 肃宁镇 and
another township of 肃宁县, and one of 献县 — with the demo's users, units and assignments."""

import importlib

from django.conf import settings

from backend.areas.models import Area
from backend.demo.context import Scale
from backend.demo.grants import seed_grants
from backend.demo.reference import build_context
from backend.demo.seed import SEEDERS

TOWNSHIPS = (130926100000, 130926101000, 130929100000)  # 肃宁镇, 梁家村镇 (肃宁县), 乐寿镇 (献县)
SCALE = Scale(
    "perm", disputes=90, reports=90, subsidy_cases=30, enterprise_problems=12, batch_size=45
)


def build_world():  # type: ignore[no-untyped-def]
    ctx = build_context("small", log=lambda message: None)
    ctx.scale = SCALE
    ctx.townships = list(Area.objects.filter(code__in=TOWNSHIPS))
    ctx.counties = list(Area.objects.filter(code__in={t.parent_id for t in ctx.townships}))
    ctx.villages = list(Area.objects.filter(parent__in=ctx.townships))
    ctx.extra.pop("villages_by_township", None)
    for module in SEEDERS:
        importlib.import_module(module).seed(ctx)
    seed_grants()
    ctx.extra["media_root"] = settings.MEDIA_ROOT  # where the demo evidence files were written
    return ctx
