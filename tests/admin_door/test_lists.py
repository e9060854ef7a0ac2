"""Change lists and their filters show what the policy lets the user view, in constant SQL."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from backend.assistance.models import SubsidyCase
from backend.disputes.models import Dispute
from backend.org.models import Unit
from backend.reports.models import Report
from backend.teams.models import TeamMember
from permissions.codenames import Action
from permissions.registry import policy_for
from tests.admin_door.conftest import SUNING, XIANXIAN, county

pytestmark = pytest.mark.django_db


def changelist(client, label: str, **params):
    app, model = label.split(".")
    response = client.get(reverse(f"admin:{app}_{model}_changelist"), params)
    assert response.status_code == 200
    return response.context["cl"]


def test_the_county_sees_exactly_its_own_disputes(signed_in, users):
    cl = changelist(signed_in("county_centre"), "disputes.dispute")
    visible = policy_for(Dispute).visible(users["county_centre"], Action.VIEW)
    assert {d.pk for d in cl.result_list} == set(visible.values_list("pk", flat=True))
    assert cl.result_count == visible.count() > 0
    assert {county(d.area_id) for d in cl.result_list} == {SUNING}


def test_xianxian_sees_none_of_suning_s_disputes(signed_in):
    cl = changelist(signed_in("xianxian_centre"), "disputes.dispute")
    assert cl.result_count > 0
    assert {county(d.area_id) for d in cl.result_list} == {XIANXIAN}


def filter_choices(cl, field_path: str) -> set[int]:
    spec = next(s for s in cl.filter_specs if getattr(s, "field_path", None) == field_path)
    return {int(pk) for pk, _label in spec.lookup_choices}


@pytest.mark.parametrize(
    ("username", "own"), [("county_centre", SUNING), ("xianxian_centre", XIANXIAN)]
)
def test_a_unit_filter_offers_no_unit_of_the_other_county(signed_in, users, username, own):
    cl = changelist(signed_in(username), "disputes.dispute")
    offered = Unit.objects.filter(pk__in=filter_choices(cl, "handling_unit"))
    visible = policy_for(Unit).visible(users[username], Action.VIEW)
    assert offered.exists()
    assert set(offered) <= set(visible)
    assert {county(unit.area_id) for unit in offered} == {own}


def unit_names_shown(client, county_code: int) -> list[str]:
    html = client.get(reverse("admin:reports_report_changelist")).content.decode()
    units = Unit.objects.filter(area__gte=county_code * 10**6, area__lt=(county_code + 1) * 10**6)
    return [unit.name for unit in units if unit.name in html]


def test_a_filter_shows_no_other_county_unit_name(signed_in):
    assert unit_names_shown(signed_in("xianxian_centre"), XIANXIAN)  # the filter names units ...
    assert not unit_names_shown(signed_in("county_centre"), XIANXIAN)  # ... of the own county


def queries(client, label: str, **params) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as captured:
        cl = changelist(client, label, **params)
    return len(cl.result_list), len(captured)


@pytest.mark.parametrize(
    ("username", "model", "number"),
    [
        ("county_centre", Dispute, "number"),
        ("county_centre", Report, "number"),
        ("township_centre", Dispute, "number"),
        ("city_admin", Report, "number"),
        ("county_centre", SubsidyCase, "number"),
        ("township_centre", TeamMember, "name"),
    ],
)
def test_a_change_list_costs_the_same_sql_for_one_row_and_many(
    signed_in, users, username, model, number
):
    client = signed_in(username)
    row = policy_for(model).visible(users[username], Action.VIEW).first()
    label = model._meta.label_lower
    one_row, one = queries(client, label, q=getattr(row, number))
    many_rows, many = queries(client, label)
    assert (one_row, many_rows > 5) == (1, True)
    assert many == one


def test_the_admin_demo_users_are_staff_and_no_one_else(users):
    staff = {name for name, user in users.items() if user.is_staff}
    assert staff == {"city_admin", "county_centre", "township_centre", "xianxian_centre"}
    assert not any(user.is_superuser for user in users.values())
