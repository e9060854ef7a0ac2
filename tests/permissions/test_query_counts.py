"""The SQL statement count of the policies is constant in the number of grants and rows.

- loading a user's grants is one statement, however many memberships and permissions they have;
- evaluating `policy.visible(user, action)` is one statement (none when the policy knows up front
  that nothing is visible) for a user with one grant and with six (several roles and scopes, unit
  object grants, an own-only role), and for one row and fifty rows of each model;
- once the grants are cached, `may_on` for an object a scope grant covers needs no statement.

Covers Policy (tasks, reports, units), ChildPolicy (progress reports, dispatch steps) and
EvidencePolicy, on rows of a synthetic city built through the real services.
"""

from dataclasses import dataclass

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from backend.accounts.models import User
from backend.accounts.roles import Role
from backend.creation.models import CreationTask, TaskProgressReport
from backend.evidence.models import Evidence
from backend.org.services import membership_grant
from backend.reports.models import DispatchStep, Report
from permissions.codenames import Action
from permissions.grants import grants_of
from permissions.registry import policies
from tests.permissions import synthetic as syn

pytestmark = pytest.mark.django_db

LABELS = [
    "creation.creationtask",  # Policy: scope, object grants
    "reports.report",  # Policy: scope, owner, object grants
    "org.unit",  # Policy: scope only
    "creation.taskprogressreport",  # ChildPolicy
    "reports.dispatchstep",  # ChildPolicy
    "evidence.evidence",  # EvidencePolicy
]
# county 990101 with townships 100 (village 001) and 101; county 990102 with township 100
TREE: dict[int, dict[int, list[int]]] = {1: {100: [1], 101: []}, 2: {100: []}}
CITY, COUNTY = syn.CITY, syn.county_code(1)
TOWN, VILLAGE = syn.township_code(1, 100), syn.village_code(1, 100, 1)
OTHER_COUNTY, OTHER_TOWN = syn.county_code(2), syn.township_code(2, 100)


@dataclass
class Data:
    rows: int
    users: dict[str, User]


def build(rows: int) -> Data:
    """`rows` of each model in 990101 (plus as many in the sibling county 990102) and the users."""
    areas = syn.areas_create(syn.tree_nodes(TREE))
    clerk = syn.user_make("clerk")
    six = syn.user_make("six")
    county_unit = syn.unit_make(0, areas[COUNTY])
    town_unit = syn.unit_make(1, areas[TOWN])
    city_unit = syn.unit_make(2, areas[CITY])
    other_unit = syn.unit_make(3, areas[OTHER_COUNTY])
    guideline, category = syn.guideline_make(), syn.category_make()
    for i in range(rows):
        for j, (county, lead, town) in enumerate(
            [(COUNTY, county_unit, VILLAGE), (OTHER_COUNTY, other_unit, OTHER_TOWN)]
        ):
            syn.unit_make(100 + 2 * i + j, areas[town])
            task = syn.task_make(2 * i + j, guideline, areas[county], lead, [town_unit])
            syn.evidence_make(syn.progress_make(task, lead, clerk), clerk)
            report = syn.report_make(
                category, areas[town], reporter=six, centre=lead, dispatch_to=town_unit
            )
            syn.evidence_make(report, clerk)
    one = syn.user_make("one")
    membership_grant(user=one, role=Role.COUNTY_CENTRE, scope=areas[COUNTY])
    for role, scope, unit in [
        (Role.COUNTY_CENTRE, COUNTY, None),
        (Role.TOWNSHIP_CENTRE, TOWN, None),
        (Role.LEADER, CITY, city_unit),
        (Role.GRID_WORKER, VILLAGE, None),
        (Role.RESIDENT, CITY, None),
        (Role.UNIT_HANDLER, TOWN, town_unit),
    ]:
        membership_grant(user=six, role=role, scope=areas[scope], unit=unit)
    return Data(rows, {"one": one, "six": six, "none": syn.user_make("none")})


@pytest.fixture(scope="module", params=[1, 50], ids=["1 row", "50 rows"])
def data(request, django_db_setup, django_db_blocker):
    """Built once per row count inside a transaction rolled back at the end."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield build(request.param)
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def warm(user: User) -> User:
    """A fresh instance of `user` with its grants loaded and cached."""
    user = syn.fresh(user)
    grants_of(user)
    return user


@pytest.mark.parametrize("name, grants", [("none", 0), ("one", 1), ("six", 6)])
def test_loading_the_grants_is_one_statement(data, name, grants):
    user = syn.fresh(data.users[name])
    with CaptureQueriesContext(connection) as loading:
        loaded = grants_of(user)
    assert len(loading) == 1
    assert len(loaded) == grants
    assert sum(len(grant.perms) for grant in loaded) >= 4 * grants  # many permission rows joined
    with CaptureQueriesContext(connection) as again:
        assert grants_of(user) == loaded
    assert len(again) == 0


def test_an_inactive_user_s_grants_cost_nothing(data):
    user = syn.fresh(data.users["six"])
    user.is_active = False
    with CaptureQueriesContext(connection) as loading:
        assert grants_of(user) == ()
    assert len(loading) == 0


@pytest.mark.parametrize("name", ["one", "six"])
@pytest.mark.parametrize("label", LABELS)
def test_visible_is_one_statement(data, label, name):
    policy, user = policies()[label], warm(data.users[name])
    for action in Action:
        nothing = policy.q(user, action) is False
        with CaptureQueriesContext(connection) as evaluating:
            found = list(policy.visible(user, action))
        assert len(evaluating) == (0 if nothing else 1), (action, _sql(evaluating))
        if action == Action.VIEW:
            # a real query over the rows: the county's rows (and only those, for "one") are seen
            assert not nothing
            assert len(found) >= data.rows
            if name == "one":
                assert len(found) <= 2 * data.rows + 3


# --- may_on --------------------------------------------------------------------------------------

# How a door loads each object before asking may_on (the parent records, never the area), and
# where its area is.
LOADS = {
    "creation.creationtask": (CreationTask, (), "area"),
    "reports.report": (Report, (), "area"),
    "creation.taskprogressreport": (TaskProgressReport, ("task",), "task__area"),
    "reports.dispatchstep": (DispatchStep, ("report",), "report__area"),
    "evidence.evidence": (Evidence, ("progress_report__task", "report"), "area"),
}


@pytest.mark.parametrize("label", sorted(LOADS))
def test_may_on_needs_no_statement_once_grants_are_cached(data, label):
    """The county centre's scope grant covers the object: the area code on the row decides."""
    model, related, area = LOADS[label]
    policy, user = policies()[label], warm(data.users["one"])
    inside = {f"{area}__gte": COUNTY, f"{area}__lt": COUNTY + 10**6}
    rows = model._default_manager.filter(**inside)
    objects = list(rows.select_related(*related) if related else rows)  # () would follow every FK
    assert objects
    for obj in objects[:3]:
        with CaptureQueriesContext(connection) as deciding:
            allowed = policy.may_on(user, Action.VIEW, obj)
        assert allowed
        assert len(deciding) == 0, _sql(deciding)


def _sql(context: CaptureQueriesContext) -> list[str]:
    return [query["sql"] for query in context.captured_queries]
