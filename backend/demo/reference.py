"""Reference data of the demo: areas, code tables, units and one user per role."""

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from backend.accounts.models import User
from backend.accounts.roles import Role
from backend.accounts.services import user_create
from backend.areas.models import Area, Level
from backend.areas.services import areas_load_cangzhou
from backend.codes.services import codes_load_gbt31000
from backend.demo.context import SCALES, DemoContext
from backend.demo.units import COUNTY_BODIES, MEMBER_UNITS, TOWNSHIP_BODIES
from backend.org.models import Unit, UnitKind
from backend.org.services import membership_grant, unit_create

ANCHOR = datetime(2026, 11, 1, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
DEMO_PASSWORD = "Zhili-demo-2026"
SUNING, SUNING_TOWN, XIANXIAN = 130926000000, 130926100000, 130929000000
# Demo users who may open /admin/ (what they see there is still decided by the policies).
STAFF = {Role.CITY_ADMIN, Role.COUNTY_CENTRE, Role.TOWNSHIP_CENTRE, "xianxian_centre"}


def build_context(scale_name: str, log: Callable[[str], None] = print) -> DemoContext:
    areas_load_cangzhou()
    codes_load_gbt31000()
    by_level = {level: list(Area.objects.filter(level=level)) for level in Level}
    existing = {unit.code: unit for unit in Unit.objects.select_related("area")}
    city = by_level[Level.CITY][0]
    ctx = DemoContext(
        scale=SCALES[scale_name],
        anchor=ANCHOR,
        log=log,
        counties=by_level[Level.COUNTY],
        townships=by_level[Level.TOWNSHIP],
        villages=by_level[Level.VILLAGE],
        member_units=[
            _unit(existing, f"CZ-U{i:02d}", name, UnitKind.MEMBER_UNIT, city)
            for i, name in enumerate(MEMBER_UNITS, start=1)
        ],
        township_units=_bodies(existing, by_level[Level.TOWNSHIP], TOWNSHIP_BODIES),
        county_units=_bodies(existing, by_level[Level.COUNTY], COUNTY_BODIES),
        users={},
    )
    ctx.extra["office"] = _unit(
        existing, "CZ-ZFW", "中共沧州市委政法委员会", UnitKind.PARTY_COMMITTEE, city
    )
    ctx.users = demo_users(ctx)
    return ctx


def _unit(existing: dict[str, Unit], code: str, name: str, kind: str, area: Area) -> Unit:
    if code not in existing:
        existing[code] = unit_create(code=code, name=name, kind=kind, area=area)
    return existing[code]


def _bodies(
    existing: dict[str, Unit], areas: list[Area], bodies: list
) -> dict[tuple[int, str], Unit]:
    return {
        (area.code, kind.value): _unit(
            existing, f"{prefix}-{area.short_code}", area.name + suffix, kind, area
        )
        for area in areas
        for kind, prefix, suffix in bodies
    }


def demo_users(ctx: DemoContext) -> dict[str, User]:
    """One user per role (username = role code) plus a 献县 centre user to show scope separation."""
    areas = {a.code: a for a in Area.objects.filter(code__in=[SUNING, SUNING_TOWN, XIANXIAN])}
    village = ctx.villages_of(areas[SUNING_TOWN])[0]
    town = lambda kind: ctx.township_units[(SUNING_TOWN, kind)]  # noqa: E731
    city, office = Area.objects.get(level=Level.CITY), ctx.extra["office"]
    grants = {
        Role.CITY_ADMIN: (city, office),
        Role.LEADER: (city, office),
        Role.AUDITOR: (city, office),
        Role.INTEGRATOR: (city, office),
        Role.COUNTY_CENTRE: (areas[SUNING], ctx.county_units[(SUNING, UnitKind.GOVERNANCE_CENTRE)]),
        Role.TOWNSHIP_CENTRE: (areas[SUNING_TOWN], town(UnitKind.GOVERNANCE_CENTRE)),
        Role.TOWNSHIP_COMMISSAR: (areas[SUNING_TOWN], town(UnitKind.GOVERNANCE_CENTRE)),
        Role.UNIT_HANDLER: (city, ctx.member_units[10]),  # 市司法局
        Role.MEDIATOR: (areas[SUNING_TOWN], town(UnitKind.JUDICIAL_OFFICE)),
        Role.GRID_WORKER: (village, town(UnitKind.GRID_TEAM)),
        Role.RESIDENT: (village, None),
    }
    users = {
        role.value: _grant(role.value, str(role.label), role.value, *grant)
        for role, grant in grants.items()
    }
    users["xianxian_centre"] = _grant(
        "xianxian_centre",
        "献县综治中心",
        Role.COUNTY_CENTRE,
        areas[XIANXIAN],
        ctx.county_units[(XIANXIAN, UnitKind.GOVERNANCE_CENTRE)],
    )
    return users


def _grant(username: str, label: str, role: str, scope: Area, unit: Unit | None) -> User:
    user = User.objects.filter(username=username).first() or user_create(
        username=username, password=DEMO_PASSWORD, full_name=f"演示用户（{label}）"
    )
    if username in STAFF and not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    membership_grant(user=user, role=role, scope=scope, unit=unit)
    return user
