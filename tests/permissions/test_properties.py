"""Property-based tests of the policies (hypothesis): random area trees, rows, assignments, grants.

Property A: for every user and action, each policy's visible-objects queryset equals a naive
per-object oracle written here from the generated scenario — scope by the areas' materialized paths
(not code ranges), assignment by the units the scenario assigned (not guardian rows), ownership by
the reporter — and `may_on` agrees with it row by row.

Property B: a user whose grants are all scoped inside one county (any roles, with or without a
unit) sees nothing outside that county — neither a sibling county nor the city level — except what
an assignment to one of the user's units allows. (That user submits no reports, so ownership does
not apply.)

Every example builds its rows through the real services inside a savepoint that is rolled back.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

import pytest
from django.db import transaction
from hypothesis import HealthCheck, example, given, note, settings
from hypothesis import strategies as st

from backend.accounts.models import User
from backend.accounts.roles import Role
from backend.areas.models import Level
from backend.creation.models import TaskCoUnit
from backend.org.services import membership_grant, membership_revoke
from backend.reports.models import DispatchStep
from permissions.codenames import Action
from permissions.registry import policies
from permissions.roles import ROLE_PERMISSIONS
from tests.permissions import synthetic as syn
from tests.permissions.synthetic import Node

pytestmark = pytest.mark.django_db

EXAMPLES = 30
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)

# The models these tests populate, with the lookup of each row's area path.
PATHS = {
    "org.unit": "area__path",
    "org.membership": "scope__path",
    "teams.teammember": "area__path",
    "creation.creationtask": "area__path",
    "creation.taskcounit": "task__area__path",
    "creation.taskprogressreport": "task__area__path",
    "reports.report": "area__path",
    "reports.dispatchstep": "report__area__path",
    "evidence.evidence": "area__path",
}
LABELS = sorted(PATHS)
ASSIGNABLE = {"creation.creationtask", "reports.report"}  # assigned to units through services
ASSIGNED_ACTIONS = {"view", "change", "unmask"}  # what an assigned unit may do to its item
OWN_ONLY = {Role.RESIDENT.value}  # roles reaching only the user's own submissions
# Residents are over-represented so that own-submission grants meet their own reports often.
ROLES = [role.value for role in Role] + [Role.RESIDENT.value] * 2


# --- the scenario, as plain data (what hypothesis generates and shrinks) -------------------------


@dataclass(frozen=True)
class GrantSpec:
    role: str
    scope: int  # index into Scenario.nodes
    unit: int | None  # index into Scenario.units


@dataclass(frozen=True)
class UserSpec:
    active: bool
    superuser: bool
    grants: tuple[GrantSpec, ...]
    revoked: frozenset[int]  # indices into grants, revoked after all were granted


@dataclass(frozen=True)
class TaskSpec:
    area: int
    lead: int
    co: tuple[int, ...]
    reassign: tuple[int, tuple[int, ...]] | None  # new (lead, co-units)
    progress_by: int | None  # a unit responsible after the (re)assignment
    evidence: bool


@dataclass(frozen=True)
class ReportSpec:
    area: int
    reporter: int | None  # index into Scenario.users
    centre: int | None
    dispatch_to: int | None
    evidence: bool


@dataclass(frozen=True)
class Scenario:
    nodes: tuple[Node, ...]
    units: tuple[int, ...]  # the area (node index) of each unit
    tasks: tuple[TaskSpec, ...]
    reports: tuple[ReportSpec, ...]
    members: tuple[tuple[int, int], ...]  # team members: (area, unit)
    users: tuple[UserSpec, ...]
    county: int  # node index of the county of Property B's user
    county_user: UserSpec  # grants all scoped inside that county


def code_suffix(high: int, edges: list[int]) -> st.SearchStrategy[int]:
    """A code segment, often at the edges of its range (where off-by-one range bugs live)."""
    return st.one_of(st.sampled_from(edges), st.integers(1, high))


@st.composite
def trees(draw: st.DrawFn) -> tuple[Node, ...]:
    edges = [1, 2, 100, 101, 998, 999]
    counties = {}
    for county in draw(
        st.lists(code_suffix(99, [1, 2, 98, 99]), min_size=2, max_size=3, unique=True)
    ):
        townships = draw(st.lists(code_suffix(999, edges), max_size=3, unique=True))
        counties[county] = {
            township: draw(st.lists(code_suffix(999, edges), max_size=2, unique=True))
            for township in townships
        }
    return tuple(syn.tree_nodes(counties))


def grant_specs(
    draw: st.DrawFn, scenario_units: tuple[int, ...], nodes: tuple[Node, ...], scopes: list[int]
) -> tuple[GrantSpec, ...]:
    grants: dict[tuple[str, int, int | None], GrantSpec] = {}
    for _ in range(draw(st.integers(0, 3))):
        scope = draw(st.sampled_from(scopes))
        holders = [u for u, a in enumerate(scenario_units) if nodes[a].contains(nodes[scope])]
        unit = draw(st.none() | st.sampled_from(holders)) if holders else None
        grant = GrantSpec(draw(st.sampled_from(ROLES)), scope, unit)
        grants[(grant.role, grant.scope, grant.unit)] = grant
    return tuple(grants.values())


def others(units: int, *taken: int) -> list[int]:
    return [u for u in range(units) if u not in taken]


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    nodes = draw(trees())
    everywhere = list(range(len(nodes)))
    units = tuple(draw(st.lists(st.sampled_from(everywhere), min_size=1, max_size=5)))
    n = len(units)

    def containing(node: int) -> list[int]:
        return [u for u, a in enumerate(units) if nodes[a].contains(nodes[node])]

    def co_units(lead: int) -> tuple[int, ...]:
        pool = others(n, lead)
        return tuple(draw(st.lists(st.sampled_from(pool), max_size=2, unique=True))) if pool else ()

    task_areas = [i for i, node in enumerate(nodes) if node.level in (Level.CITY, Level.COUNTY)]
    tasks = []
    for _ in range(draw(st.integers(0, 4))):
        area = draw(st.sampled_from(task_areas))
        leads = containing(area)
        if not leads:
            continue
        lead = draw(st.sampled_from(leads))
        co = co_units(lead)
        reassign = None
        if draw(st.booleans()):
            new_lead = draw(st.sampled_from(leads))
            reassign = (new_lead, co_units(new_lead))
        final_lead, final_co = reassign or (lead, co)
        progress_by = draw(st.none() | st.sampled_from(sorted({final_lead, *final_co})))
        evidence = progress_by is not None and draw(st.booleans())
        tasks.append(TaskSpec(area, lead, co, reassign, progress_by, evidence))

    user_count = draw(st.integers(1, 4))
    local = [i for i, node in enumerate(nodes) if node.level in (Level.TOWNSHIP, Level.VILLAGE)]
    reports, members = [], []
    if local:
        for _ in range(draw(st.integers(0, 4))):
            reports.append(
                ReportSpec(
                    area=draw(st.sampled_from(local)),
                    reporter=draw(st.none() | st.integers(0, user_count - 1)),
                    centre=draw(st.none() | st.integers(0, n - 1)),
                    dispatch_to=draw(st.none() | st.integers(0, n - 1)),
                    evidence=draw(st.booleans()),
                )
            )
        for _ in range(draw(st.integers(0, 2))):
            area = draw(st.sampled_from(local))
            if holders := containing(area):
                members.append((area, draw(st.sampled_from(holders))))

    users = []
    for _ in range(user_count):
        grants = grant_specs(draw, units, nodes, everywhere)
        revoked = draw(st.sets(st.integers(0, len(grants) - 1))) if grants else set()
        users.append(
            UserSpec(
                active=draw(st.sampled_from([True, True, True, False])),
                superuser=draw(st.sampled_from([False] * 9 + [True])),
                grants=grants,
                revoked=frozenset(revoked),
            )
        )

    county = draw(
        st.sampled_from([i for i, node in enumerate(nodes) if node.level == Level.COUNTY])
    )
    inside = [i for i in everywhere if nodes[county].contains(nodes[i])]
    county_grants = grant_specs(draw, units, nodes, inside) or (
        GrantSpec(draw(st.sampled_from(ROLES)), draw(st.sampled_from(inside)), None),
    )
    return Scenario(
        nodes=nodes,
        units=units,
        tasks=tuple(tasks),
        reports=tuple(reports),
        members=tuple(members),
        users=tuple(users),
        county=county,
        county_user=UserSpec(True, False, county_grants, frozenset()),
    )


def _known_scenario() -> Scenario:
    """An explicit example, run first by both properties: every way in (scope, a re-assigned
    task, a dispatched report seen only by its holder, a resident's own report outside their
    scope, a superuser) and out (a revoked grant, a deactivated user, a sibling county)."""
    nodes = tuple(syn.tree_nodes({1: {100: [1]}, 2: {100: [], 101: [999]}}))
    city, county1, town1, village1, county2, town2, _, village2 = range(len(nodes))
    resident, handler = Role.RESIDENT.value, Role.UNIT_HANDLER.value
    return Scenario(
        nodes=nodes,
        units=(county1, county2, city, town2),
        tasks=(
            TaskSpec(county1, 0, (1,), reassign=(2, (0,)), progress_by=0, evidence=True),
            TaskSpec(county2, 1, (3,), reassign=None, progress_by=3, evidence=False),
        ),
        reports=(
            ReportSpec(town2, reporter=0, centre=None, dispatch_to=1, evidence=True),
            ReportSpec(village1, reporter=1, centre=0, dispatch_to=None, evidence=False),
            ReportSpec(village2, reporter=None, centre=3, dispatch_to=2, evidence=True),
        ),
        members=((town1, 0), (town2, 3)),
        users=(
            UserSpec(True, False, (GrantSpec(resident, city, None),), frozenset()),
            UserSpec(
                True,
                False,
                (
                    GrantSpec(Role.COUNTY_CENTRE.value, county1, None),
                    GrantSpec(handler, county2, 1),
                    GrantSpec(Role.LEADER.value, city, 2),
                ),
                frozenset({2}),
            ),
            UserSpec(True, True, (), frozenset()),
            UserSpec(False, False, (GrantSpec(Role.CITY_ADMIN.value, city, 2),), frozenset()),
        ),
        county=county1,
        county_user=UserSpec(
            True,
            False,
            (
                GrantSpec(Role.CITY_ADMIN.value, town1, None),
                GrantSpec(Role.MEDIATOR.value, village1, 0),
            ),
            frozenset(),
        ),
    )


# --- building the scenario through the services ----------------------------------------------


@dataclass(eq=False)
class Row:
    """A row as the oracle knows it: where it is, who owns it, which units it is assigned to."""

    label: str
    pk: int
    path: str
    owner: int | None = None
    units: frozenset[int] = frozenset()  # unit pks the scenario assigned the item to
    parent: "Row | None" = None

    @property
    def root(self) -> "Row":
        return self.parent.root if self.parent else self


@dataclass
class Person:
    """A user and the grants the scenario left them (after revocations)."""

    user: User
    spec: UserSpec
    grants: list[tuple[str, str]] = field(default_factory=list)  # (role, scope path)
    units: set[int] = field(default_factory=set)


@dataclass
class Built:
    rows: dict[str, dict[int, Row]]
    people: list[Person]
    county_person: Person


def build(s: Scenario) -> Built:
    areas = syn.areas_create(list(s.nodes))
    area_at = [areas[node.code] for node in s.nodes]
    path_at = [node.path for node in s.nodes]
    rows: dict[str, dict[int, Row]] = defaultdict(dict)

    def add(row: Row) -> Row:
        rows[row.label][row.pk] = row
        return row

    clerk = syn.user_make("clerk")
    people = [
        Person(syn.user_make(f"u{i}", active=spec.active, superuser=spec.superuser), spec)
        for i, spec in enumerate(s.users)
    ]
    units = [syn.unit_make(i, area_at[area]) for i, area in enumerate(s.units)]
    for unit, area in zip(units, s.units, strict=True):
        add(Row("org.unit", unit.pk, path_at[area]))

    guideline = syn.guideline_make()
    for i, t in enumerate(s.tasks):
        task = syn.task_make(i, guideline, area_at[t.area], units[t.lead], [units[c] for c in t.co])
        lead, co = t.lead, t.co
        if t.reassign is not None:
            lead, co = t.reassign
            task = syn.task_reassign(task, units[lead], [units[c] for c in co])
        assigned = frozenset(units[u].pk for u in (lead, *co))
        item = add(Row("creation.creationtask", task.pk, path_at[t.area], units=assigned))
        for link in TaskCoUnit.objects.filter(task=task).values_list("pk", flat=True):
            add(Row("creation.taskcounit", link, item.path, parent=item))
        if t.progress_by is not None:
            progress = syn.progress_make(task, units[t.progress_by], clerk)
            child = add(Row("creation.taskprogressreport", progress.pk, item.path, parent=item))
            if t.evidence:
                evidence = syn.evidence_make(progress, clerk)
                add(Row("evidence.evidence", evidence.pk, item.path, parent=child))

    category = syn.category_make()
    for r in s.reports:
        reporter = people[r.reporter].user if r.reporter is not None else None
        report = syn.report_make(
            category,
            area_at[r.area],
            reporter=reporter,
            centre=units[r.centre] if r.centre is not None else None,
            dispatch_to=units[r.dispatch_to] if r.dispatch_to is not None else None,
        )
        holder = r.dispatch_to if r.dispatch_to is not None else r.centre
        item = add(
            Row(
                "reports.report",
                report.pk,
                path_at[r.area],
                owner=reporter.pk if reporter else None,
                units=frozenset({units[holder].pk}) if holder is not None else frozenset(),
            )
        )
        for step in DispatchStep.objects.filter(report=report).values_list("pk", flat=True):
            add(Row("reports.dispatchstep", step, item.path, parent=item))
        if r.evidence:
            add(
                Row(
                    "evidence.evidence", syn.evidence_make(report, clerk).pk, item.path, parent=item
                )
            )

    for i, (area, holder) in enumerate(s.members):
        add(
            Row(
                "teams.teammember",
                syn.team_member_make(i, units[holder], area_at[area]).pk,
                path_at[area],
            )
        )

    def grant(person: Person) -> None:
        made = []
        for g in person.spec.grants:
            unit = units[g.unit] if g.unit is not None else None
            membership = membership_grant(
                user=person.user, role=g.role, scope=area_at[g.scope], unit=unit
            )
            made.append(add(Row("org.membership", membership.pk, path_at[g.scope])))
        for index in sorted(person.spec.revoked):
            row = made[index]
            membership_revoke(membership=person.user.memberships.get(pk=row.pk))
            del rows["org.membership"][row.pk]
        for index, g in enumerate(person.spec.grants):
            if index not in person.spec.revoked:
                person.grants.append((g.role, path_at[g.scope]))
                if g.unit is not None:
                    person.units.add(units[g.unit].pk)

    for person in people:
        grant(person)
    county_person = Person(syn.user_make("county"), s.county_user)
    grant(county_person)
    people += [county_person, Person(clerk, UserSpec(True, False, (), frozenset()))]
    return Built(rows, people, county_person)


# --- the oracle ------------------------------------------------------------------------------


def parent_action(action: str) -> str:
    return action if action in ("view", "unmask") else "change"


def reasons(person: Person, action: str, row: Row) -> set[str]:
    """Why `person` may do `action` to `row` — empty when they may not."""
    if not person.spec.active:
        return set()
    if person.spec.superuser:
        return {"superuser"}
    if row.parent is not None:
        return reasons(person, parent_action(action), row.parent)
    found = set()
    for role, scope_path in person.grants:
        if action not in ROLE_PERMISSIONS.get(role, {}).get(row.label, ()):
            continue
        if role in OWN_ONLY:
            if row.owner is not None and row.owner == person.user.pk:
                found.add("owner")
        elif row.path.startswith(scope_path):
            found.add("scope")
    if row.label in ASSIGNABLE and action in ASSIGNED_ACTIONS and row.units & person.units:
        found.add("assignment")
    return found


# --- the properties --------------------------------------------------------------------------


def test_visible_equals_the_naive_oracle():
    """Property A."""
    seen: Counter[str] = Counter()

    @SETTINGS
    @given(scenarios())
    @example(_known_scenario())
    def check(scenario: Scenario) -> None:
        with transaction.atomic():
            built = build(scenario)
            for person in built.people:
                note(f"user {person.user.username}: {person.spec}")
                user = syn.fresh(person.user)
                for label in LABELS:
                    policy, mine = policies()[label], built.rows[label]
                    model = policy.model
                    objects = model._default_manager.in_bulk(list(mine))
                    for action in Action:
                        why = {pk: reasons(person, action, row) for pk, row in mine.items()}
                        if person.spec.superuser and person.spec.active:
                            expected = set(model._default_manager.values_list("pk", flat=True))
                        else:
                            expected = {pk for pk, found in why.items() if found}
                        actual = set(policy.visible(user, action).values_list("pk", flat=True))
                        assert actual == expected, (
                            f"{label} {action} for {person.spec}: "
                            f"extra {_describe(actual - expected, mine)}, "
                            f"missing {_describe(expected - actual, mine)}"
                        )
                        for pk, obj in objects.items():
                            assert policy.may_on(user, action, obj) is (pk in expected), (
                                label,
                                action,
                                mine[pk],
                            )
                        for found in why.values():
                            seen.update(found if found else {"hidden"})
                            if found == {"assignment"}:
                                seen["assignment only"] += 1
                            if found == {"owner"}:
                                seen["owner only"] += 1
            transaction.set_rollback(True)

    check()
    # The examples exercised every way in and the way out (not vacuous).
    for reason in ("scope", "assignment only", "owner only", "hidden", "superuser"):
        assert seen[reason] > 0, (reason, seen)


def test_a_county_scope_never_reaches_a_sibling_county():
    """Property B: for every policy of the populated models and every action."""
    assert set(LABELS) <= set(policies())
    seen: Counter[str] = Counter()

    @SETTINGS
    @given(scenarios())
    @example(_known_scenario())
    def check(scenario: Scenario) -> None:
        county = scenario.nodes[scenario.county]
        siblings = [
            n.path for n in scenario.nodes if n.level == Level.COUNTY and n.code != county.code
        ]
        with transaction.atomic():
            built = build(scenario)
            person = built.county_person
            user = syn.fresh(person.user)
            for label, policy in policies().items():
                if label not in PATHS:
                    continue
                for action in Action:
                    for pk, path in policy.visible(user, action).values_list("pk", PATHS[label]):
                        if path.startswith(county.path):
                            seen["inside"] += 1
                            continue
                        row = built.rows[label].get(pk)
                        assigned = (
                            row is not None
                            and row.root.units & person.units
                            and (parent_action(action) if row.parent else action)
                            in ASSIGNED_ACTIONS
                        )
                        assert assigned, (
                            f"{person.spec} scoped to {county.path} may {action} "
                            f"{label} {pk} in {path}"
                        )
                        seen["assigned outside"] += 1
                    for row in built.rows[label].values():
                        if any(row.path.startswith(sibling) for sibling in siblings):
                            seen["sibling rows"] += 1
            transaction.set_rollback(True)

    check()
    assert seen["sibling rows"] > 0 and seen["inside"] > 0, seen


def _describe(pks: set[int], rows: dict[int, Row]) -> list[str]:
    return [
        f"{pk}@{rows[pk].path}" if pk in rows else f"{pk} (not a row of this scenario)"
        for pk in pks
    ]
