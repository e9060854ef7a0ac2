"""A small hand-built DemoContext: two townships in two counties, with their bodies and courts."""

from datetime import datetime
from zoneinfo import ZoneInfo

from backend.accounts.services import user_create
from backend.areas.models import Area
from backend.demo.context import DemoContext, Scale
from backend.demo.units import COUNTY_BODIES, TOWNSHIP_BODIES
from backend.org.services import unit_create

TOWNSHIPS = (130926100000, 130929100000)  # 肃宁镇, 乐寿镇 (献县)
SCALE = Scale(
    "test", disputes=400, reports=0, subsidy_cases=0, enterprise_problems=0, batch_size=150
)


def small_context() -> DemoContext:
    townships = list(Area.objects.filter(code__in=TOWNSHIPS))
    counties = list(Area.objects.filter(code__in=[t.parent_id for t in townships]))
    return DemoContext(
        scale=SCALE,
        anchor=datetime(2026, 11, 1, 9, tzinfo=ZoneInfo("Asia/Shanghai")),
        counties=counties,
        townships=townships,
        villages=list(Area.objects.filter(parent__in=townships)),
        member_units=[],
        township_units=_bodies(townships, TOWNSHIP_BODIES),
        county_units=_bodies(counties, COUNTY_BODIES),
        users={"mediator": user_create(username="mediator", password="Zl-demo-2026!")},
        log=lambda message: None,
    )


def _bodies(areas: list[Area], bodies: list) -> dict:
    return {
        (area.code, kind.value): unit_create(
            code=f"{prefix}-{area.short_code}", name=area.name + suffix, kind=kind, area=area
        )
        for area in areas
        for kind, prefix, suffix in bodies
    }
