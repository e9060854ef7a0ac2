"""Demo members of the eight teams for every township (bulk, idempotent per township)."""

import random

from backend.areas.models import Area
from backend.codes.models import Code, Table
from backend.demo import people
from backend.demo.context import DemoContext
from backend.org.models import Unit, UnitKind
from backend.teams.models import TeamKind, TeamMember

SUNING_TOWN = 130926100000
# team → (township body kind, how many per township, titles, mediators?)
ROSTER: dict[str, tuple[str, int, tuple[str, ...], bool]] = {
    TeamKind.POLICE_STATION: (UnitKind.POLICE_STATION, 3, ("所长", "副所长", "社区民警"), False),
    TeamKind.JUDICIAL_OFFICE: (UnitKind.JUDICIAL_OFFICE, 2, ("司法所所长", "司法助理员"), True),
    TeamKind.TRIBUNAL: (UnitKind.TRIBUNAL, 2, ("庭长", "审判员"), True),
    TeamKind.CIVIL_MEDIATION: (
        UnitKind.MEDIATION_COMMITTEE,
        4,
        ("调委会主任", "人民调解员", "人民调解员", "人民调解员"),
        True,
    ),
    TeamKind.SECURITY_PATROL: (UnitKind.SECURITY_PATROL, 3, ("巡防队长", "巡防队员"), False),
    TeamKind.LEGAL_SERVICE: (UnitKind.LEGAL_SERVICE, 2, ("律师", "基层法律服务工作者"), False),
    TeamKind.VOLUNTEER: (UnitKind.VOLUNTEER_TEAM, 3, ("志愿服务队长", "志愿者"), False),
}
GRID_PER_VILLAGE = 2  # ≈11,000 grid workers over 6,094 villages


def seed(ctx: DemoContext) -> dict[str, int]:
    specialties = list(Code.objects.filter(table__key=Table.EVENT_TYPE, parent__isnull=False))
    seeded = _seeded_townships()
    members = specialty_links = 0
    for township in ctx.townships:
        if township.code in seeded:
            continue
        rng = ctx.rng(f"teams:members:{township.code}")
        rows = TeamMember.objects.bulk_create(_township_members(ctx, township, rng))
        members += len(rows)
        specialty_links += _link_specialties(rows, specialties, rng)
    return {
        "team_member": members,
        "team_member_specialty": specialty_links,
        "team_member_user": _link_mediator_user(ctx),
    }


def _seeded_townships() -> set[int]:
    codes = TeamMember.objects.values_list("area_id", flat=True).distinct()
    return {code - code % 1000 for code in codes}


def _township_members(ctx: DemoContext, township: Area, rng: random.Random) -> list[TeamMember]:
    rows = []
    for kind, (unit_kind, count, titles, mediators) in ROSTER.items():
        unit = _body(ctx, township, unit_kind, kind)
        if unit is None:
            continue
        for index in range(count):
            title = titles[min(index, len(titles) - 1)]
            rows.append(_member(rng, kind, unit, township, title, mediators))
    grid = ctx.township_units.get((township.code, UnitKind.GRID_TEAM.value))
    if grid is not None:
        for village in ctx.villages_of(township):
            rows += [
                _member(rng, TeamKind.GRID_WORKER, grid, village, "专职网格员", False)
                for _ in range(GRID_PER_VILLAGE)
            ]
    return rows


def _body(ctx: DemoContext, township: Area, unit_kind: str, team: str) -> Unit | None:
    unit = ctx.township_units.get((township.code, unit_kind))
    if unit is None and team == TeamKind.TRIBUNAL:  # no tribunal here: the county court's judges
        unit = ctx.county_units.get((township.parent_id or 0, UnitKind.COURT.value))
    return unit


def _member(
    rng: random.Random, kind: str, unit: Unit, area: Area, title: str, mediator: bool
) -> TeamMember:
    return TeamMember(
        name=people.person_name(rng),
        team_kind=kind,
        unit=unit,
        area=area,
        phone=people.mobile(rng),
        title=title,
        is_mediator=mediator,
    )


def _link_specialties(rows: list[TeamMember], codes: list[Code], rng: random.Random) -> int:
    through = TeamMember.specialties.through
    links = [
        through(teammember_id=member.pk, code_id=code.pk)
        for member in rows
        if member.is_mediator
        for code in rng.sample(codes, k=rng.randint(1, 3))
    ]
    return len(through.objects.bulk_create(links))


def _link_mediator_user(ctx: DemoContext) -> int:
    user = ctx.users.get("mediator")
    if user is None or TeamMember.objects.filter(user=user).exists():
        return 0
    mediators = TeamMember.objects.filter(area_id=SUNING_TOWN, is_mediator=True, active=True)
    member = (
        mediators.filter(team_kind=TeamKind.JUDICIAL_OFFICE).order_by("pk").first()
        or mediators.order_by("pk").first()
    )
    if member is None:
        return 0
    return TeamMember.objects.filter(pk=member.pk).update(user=user)
