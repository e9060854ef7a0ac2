"""A hand-built, trimmed-down demo context (two townships of 肃宁县) for seeder tests."""

from datetime import datetime
from zoneinfo import ZoneInfo

from backend.accounts.services import user_create
from backend.areas.models import Area, Level
from backend.demo.context import DemoContext, Scale
from backend.org.models import UnitKind
from backend.org.services import unit_create

ANCHOR = datetime(2026, 11, 1, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
MEMBER_UNITS = [
    "市水务局",
    "国网沧州供电公司",
    "市住房和城乡建设局",
    "市生态环境局",
    "市民政局",
    "市自然资源和规划局",
    "市行政审批局",
    "市人力资源和社会保障局",
]
TOWNSHIP_KINDS = [UnitKind.GOVERNANCE_CENTRE, UnitKind.POLICE_STATION, UnitKind.JUDICIAL_OFFICE]
ROLES = ["township_centre", "unit_handler", "resident", "grid_worker", "leader"]


def small_context(*, reports: int = 0, enterprise_problems: int = 0, batch: int = 100):
    city = Area.objects.get(code=130900000000)
    townships = list(
        Area.objects.filter(parent_id=130926000000, level=Level.TOWNSHIP)
        .select_related("parent__parent")
        .order_by("code")[:2]
    )
    members = [
        unit_create(code=f"CZ-U{i:02d}", name=name, kind=UnitKind.MEMBER_UNIT, area=city)
        for i, name in enumerate(MEMBER_UNITS, start=1)
    ]
    bodies = {
        (t.code, kind.value): unit_create(
            code=f"{kind.value}-{t.code}", name=f"{t.name}{kind.label}", kind=kind, area=t
        )
        for t in townships
        for kind in TOWNSHIP_KINDS
    }
    users = {
        role: user_create(username=role, password="Zl-demo-2026!", full_name=role) for role in ROLES
    }
    return DemoContext(
        scale=Scale(
            "test",
            disputes=0,
            reports=reports,
            subsidy_cases=0,
            enterprise_problems=enterprise_problems,
            batch_size=batch,
        ),
        anchor=ANCHOR,
        counties=[townships[0].parent],
        townships=townships,
        villages=list(Area.objects.filter(parent__in=townships).order_by("code")),
        member_units=members,
        township_units=bodies,
        county_units={},
        users=users,
        log=lambda message: None,
    )
