"""A synthetic division tree under a city that does not exist (code 9901, beside the real 沧州
1309 data of the test database), and rows in it written through the real services — so guardian
grants, unit groups and memberships come from the code under test, not from fixtures.

Codes follow the statistical scheme: city 990100000000, county 9901cc000000, township
9901ccttt000, village 9901cctttvvv. Paths are spelled here from the codes' significant digits,
exactly as the 沧州 loader spells them ("990100/990101/990101100/")."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from backend.accounts.models import User
from backend.accounts.roles import Role
from backend.areas.models import Area, Kind, Level
from backend.creation.models import (
    CreationTask,
    Dimension,
    Guideline,
    GuidelineLevel,
    TaskProgressReport,
)
from backend.creation.services import progress_report_submit, task_assign, task_create
from backend.evidence.models import Evidence
from backend.evidence.services import evidence_attach
from backend.org.models import Unit, UnitKind
from backend.org.services import membership_grant, membership_revoke, unit_create
from backend.reports.models import LimitClass, Report, ReportCategory, ReportSource
from backend.reports.services.catalogue import report_category_create
from backend.reports.services.intake import report_dispatch, report_submit
from backend.teams.models import TeamKind, TeamMember
from backend.teams.services import team_member_create

CITY = 990100000000
CITY_PATH = "990100/"
PREFIX = "SYN"  # unit, task, guideline and category codes of synthetic rows
PDF = b"%PDF-1.4\n%synthetic evidence\n"


@dataclass(frozen=True)
class Node:
    """One area of a synthetic tree, described without the database."""

    code: int
    level: Level
    path: str
    parent: int | None

    def contains(self, other: "Node") -> bool:
        return other.path.startswith(self.path)


def county_code(county: int) -> int:
    assert 1 <= county <= 99
    return CITY + county * 10**6


def township_code(county: int, township: int) -> int:
    assert 1 <= township <= 999
    return county_code(county) + township * 10**3


def village_code(county: int, township: int, village: int) -> int:
    assert 1 <= village <= 999
    return township_code(county, township) + village


def tree_nodes(counties: dict[int, dict[int, list[int]]]) -> list[Node]:
    """The city and, for {county: {township: [village, …]}}, every area under it (parents first)."""
    city = Node(CITY, Level.CITY, CITY_PATH, None)
    nodes = [city]
    for county, townships in counties.items():
        c = county_code(county)
        county_node = Node(c, Level.COUNTY, f"{city.path}{f'{c:012d}'[:6]}/", CITY)
        nodes.append(county_node)
        for township, villages in townships.items():
            t = township_code(county, township)
            township_node = Node(t, Level.TOWNSHIP, f"{county_node.path}{f'{t:012d}'[:9]}/", c)
            nodes.append(township_node)
            for village in villages:
                v = village_code(county, township, village)
                nodes.append(Node(v, Level.VILLAGE, f"{township_node.path}{v:012d}/", t))
    return nodes


KINDS = {Level.CITY: Kind.CITY, Level.COUNTY: Kind.COUNTY, Level.TOWNSHIP: Kind.TOWN}


def areas_create(nodes: list[Node]) -> dict[int, Area]:
    """Save the nodes as Areas (each passes full_clean); returns them by code."""
    saved: dict[int, Area] = {}
    for node in nodes:
        area = Area(
            code=node.code,
            name=f"合成{node.level.label}{node.code}",
            level=node.level,
            kind=KINDS.get(node.level, Kind.VILLAGE),
            parent=saved[node.parent] if node.parent is not None else None,
            path=node.path,
        )
        area.full_clean()
        area.save()
        saved[node.code] = area
    return saved


def user_make(name: str, *, active: bool = True, superuser: bool = False) -> User:
    return User.objects.create(
        username=f"{PREFIX.lower()}-{name}", is_active=active, is_superuser=superuser
    )


def fresh(user: User) -> User:
    """A new instance of `user`, without a cached grant list."""
    return User.objects.get(pk=user.pk)


def unit_make(number: int, area: Area) -> Unit:
    return unit_create(
        code=f"{PREFIX}-U{number}",
        name=f"合成单位{number}",
        kind=UnitKind.GOVERNANCE_CENTRE,
        area=area,
    )


def guideline_make() -> Guideline:
    return Guideline.objects.create(
        code=f"{PREFIX}-G",
        level=GuidelineLevel.CITY,
        title="合成工作指引",
        issued_on=timezone.localdate() - timedelta(days=30),
    )


def task_make(
    number: int,
    guideline: Guideline,
    area: Area,
    lead: Unit,
    co_units: Sequence[Unit] = (),
) -> CreationTask:
    return task_create(
        code=f"{PREFIX}-T{number}",
        guideline=guideline,
        dimension=Dimension.SMART,
        title=f"合成任务{number}",
        target="合成目标",
        lead_unit=lead,
        deadline=timezone.localdate() + timedelta(days=30),
        weight=Decimal("1.00"),
        area=area,
        co_units=list(co_units),
    )


def task_reassign(task: CreationTask, lead: Unit, co_units: list[Unit]) -> CreationTask:
    return task_assign(task=task, lead_unit=lead, co_units=co_units)


def progress_make(task: CreationTask, unit: Unit, actor: User) -> TaskProgressReport:
    """Reported by a handler of `unit` made for the purpose and then revoked, so that building
    the data leaves no grant behind (the grants are the scenario under test)."""
    author, _ = User.objects.get_or_create(username=f"{PREFIX}-author-{unit.pk}")
    grant = membership_grant(user=author, role=Role.UNIT_HANDLER, scope=unit.area, unit=unit)
    report = progress_report_submit(
        task=task, unit=unit, percent=10, narrative="合成进展", actor=User.objects.get(pk=author.pk)
    )
    membership_revoke(membership=grant)  # no row of the scenario's own is left behind
    return report


def category_make() -> ReportCategory:
    return report_category_create(
        code=f"{PREFIX}-C", name="合成类别", limit_class=LimitClass.ORDINARY
    )


def report_make(
    category: ReportCategory,
    area: Area,
    *,
    reporter: User | None = None,
    centre: Unit | None = None,
    dispatch_to: Unit | None = None,
) -> Report:
    report = report_submit(
        source=ReportSource.GRID_WORKER,
        category=category,
        area=area,
        title="合成事项",
        description="合成描述",
        reporter=reporter,
        centre=centre,
    )
    if dispatch_to is not None:
        report = report_dispatch(report=report, actor=None, unit=dispatch_to)
    return report


def evidence_make(parent: TaskProgressReport | Report, uploader: User) -> Evidence:
    return evidence_attach(
        uploader=uploader, upload=ContentFile(PDF, name="synthetic.pdf"), parent=parent
    )


def team_member_make(number: int, unit: Unit, area: Area) -> TeamMember:
    return team_member_create(
        name=f"合成成员{number}",
        team_kind=TeamKind.GRID_WORKER,
        unit=unit,
        area=area,
        phone="13800138000",
    )
