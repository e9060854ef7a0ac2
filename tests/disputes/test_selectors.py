from datetime import date

import pytest

from backend.accounts.roles import Role
from backend.accounts.services import user_create
from backend.areas.models import Area
from backend.areas.selectors import within
from backend.codes.models import Table
from backend.common.assignment import assignment_refresh
from backend.disputes.categories import MojCategory, moj_category
from backend.disputes.models import Cause, Dispute, Status
from backend.disputes.selectors import (
    counts_by_cause,
    counts_by_moj_category,
    counts_by_status,
    counts_by_type,
    disputes_within,
    overdue_disputes,
    resolution_by_county,
    resolution_rate,
)
from backend.org.services import membership_grant, unit_create
from permissions.registry import policy_for
from tests.disputes.conftest import code

pytestmark = pytest.mark.django_db


def make(area: Area, unit, type_code: str, status: str, success: bool | None) -> Dispute:
    n = Dispute.objects.count() + 1
    return Dispute.objects.create(
        number=f"JF-T-{n}",
        title="t",
        occurred_on=date(2026, 1, 1),
        registered_on=date(2026, 1, 2),
        deadline=date(2026, 2, 2),
        area=area,
        address="x",
        scale=code(Table.EVENT_SCALE, "01"),
        type=code(Table.EVENT_TYPE, type_code),
        summary="s",
        source="visit",
        handling_unit=unit,
        responsible_name="r",
        responsible_phone="13800000000",
        status=status,
        success=success,
    )


@pytest.fixture
def sample(city, suning, xianxian):
    unit = unit_create(code="CZ", name="市综治中心", kind="governance_centre", area=city)
    sn_village = Area.objects.filter(
        level=6, code__gte=suning.code, code__lt=suning.code + 10**6
    ).first()
    xx_village = Area.objects.filter(
        level=6, code__gte=xianxian.code, code__lt=xianxian.code + 10**6
    ).first()
    rows = [make(sn_village, unit, "0902", Status.CLOSED, True) for _ in range(3)]
    rows += [
        make(sn_village, unit, "0201", Status.FAILED, False),
        make(sn_village, unit, "0101", Status.MEDIATING, None),
    ]
    rows += [
        make(xx_village, unit, "0902", Status.AGREED, True),
        make(xx_village, unit, "0503", Status.REGISTERED, None),
    ]
    rows[0].causes.set([Cause.objects.get(code="ownership")])
    return rows


def test_resolution_rate_counts_only_finished_disputes(sample, suning, city):
    assert resolution_rate(disputes=disputes_within(suning)) == {
        "finished": 4,
        "resolved": 3,
        "rate": 0.75,
    }
    assert resolution_rate(disputes=disputes_within(city)) == {
        "finished": 5,
        "resolved": 4,
        "rate": 0.8,
    }


def test_county_ranking_in_one_grouped_query(sample, django_assert_num_queries):
    with django_assert_num_queries(2):  # the aggregate plus the county names
        ranking = resolution_by_county(disputes=Dispute.objects.all())
    assert [(r["name"], r["finished"], r["resolved"], r["rate"]) for r in ranking] == [
        ("献县", 1, 1, 1.0),
        ("肃宁县", 4, 3, 0.75),
    ]


def test_counts_by_type_status_and_category(sample, suning):
    in_suning = disputes_within(suning)
    assert counts_by_type(disputes=in_suning)[0] == {
        "code": "09",
        "name": "土地及资源权属纠纷",
        "count": 3,
    }
    second = {r["code"]: r["count"] for r in counts_by_type(disputes=in_suning, first_level=False)}
    assert second == {"0902": 3, "0201": 1, "0101": 1}
    assert counts_by_status(disputes=Dispute.objects.all()) == {
        "closed": 3,
        "failed": 1,
        "mediating": 1,
        "agreed": 1,
        "registered": 1,
    }
    assert counts_by_moj_category(disputes=Dispute.objects.all()) == {
        "housing_homestead": 4,
        "neighbourhood": 1,
        "marriage_family": 1,
        "traffic": 1,
    }
    assert counts_by_cause(disputes=Dispute.objects.all()) == [
        {"code": "ownership", "name": "权属不清", "count": 1}
    ]


def test_overdue_are_open_past_deadline(sample):
    everything = Dispute.objects.all()
    assert overdue_disputes(disputes=everything, today=date(2026, 3, 1)).count() == 2
    assert overdue_disputes(disputes=everything, today=date(2026, 2, 1)).count() == 0


def test_a_restricted_queryset_restricts_every_figure(sample, xianxian, django_assert_num_queries):
    """Only 献县's rows: its agreed and its registered dispute."""
    in_xianxian = Dispute.objects.filter(within(xianxian))
    with django_assert_num_queries(1):
        assert resolution_rate(disputes=in_xianxian) == {"finished": 1, "resolved": 1, "rate": 1.0}
    with django_assert_num_queries(2):  # the aggregate plus the county names
        ranking = resolution_by_county(disputes=in_xianxian.order_by("-registered_on"))
    assert [(r["name"], r["finished"]) for r in ranking] == [("献县", 1)]
    with django_assert_num_queries(4):
        assert counts_by_type(disputes=in_xianxian) == [
            {"code": "05", "name": "侵权相关纠纷", "count": 1},
            {"code": "09", "name": "土地及资源权属纠纷", "count": 1},
        ]
        assert counts_by_status(disputes=in_xianxian) == {"agreed": 1, "registered": 1}
        assert counts_by_moj_category(disputes=in_xianxian) == {
            "housing_homestead": 1,
            "traffic": 1,
        }
        assert counts_by_cause(disputes=in_xianxian) == []
    assert overdue_disputes(disputes=in_xianxian, today=date(2026, 3, 1)).count() == 1


@pytest.fixture
def viewer(sample, xianxian):
    """Sees 献县 through a role grant over the county (a range) and one 肃宁 dispute through its
    unit's object grant (an IN on the guardian table): the shapes policy.visible produces."""
    user = user_create(username="viewer", password="Zl-demo-2026!", full_name="刘洋")
    unit = unit_create(code="XX", name="献县综治中心", kind="governance_centre", area=xianxian)
    membership_grant(user=user, role=Role.TOWNSHIP_COMMISSAR, scope=xianxian)
    membership_grant(user=user, role=Role.UNIT_HANDLER, scope=xianxian, unit=unit)
    Dispute.objects.filter(pk=sample[0].pk).update(handling_unit=unit)
    assignment_refresh(obj=sample[0])
    return user


def test_the_policy_queryset_stays_one_statement(viewer, django_assert_num_queries):
    visible = policy_for(Dispute).visible(viewer)
    assert "disputeunitgrant" in str(visible.query)  # the object grants are a subquery
    with django_assert_num_queries(1):
        assert resolution_rate(disputes=visible) == {"finished": 2, "resolved": 2, "rate": 1.0}
    with django_assert_num_queries(2):
        assert counts_by_status(disputes=visible) == {"agreed": 1, "registered": 1, "closed": 1}
        assert counts_by_cause(disputes=visible) == [
            {"code": "ownership", "name": "权属不清", "count": 1}
        ]
    with django_assert_num_queries(2):  # the aggregate plus the county names
        ranking = resolution_by_county(disputes=visible)
    assert [(r["name"], r["finished"]) for r in ranking] == [("肃宁县", 1), ("献县", 1)]


@pytest.mark.parametrize(
    ("event_type", "category"),
    [
        ("0102", MojCategory.MARRIAGE_FAMILY),
        ("0299", MojCategory.NEIGHBOURHOOD),
        ("0902", MojCategory.HOUSING_HOMESTEAD),
        ("0602", MojCategory.HOUSING_HOMESTEAD),
        ("0603", MojCategory.CONTRACT),
        ("0804", MojCategory.CONTRACT),
        ("1002", MojCategory.BUSINESS),
        ("0401", MojCategory.DAMAGES),
        ("0901", MojCategory.FOREST_LAND),
        ("1102", MojCategory.EXPROPRIATION),
        ("0504", MojCategory.ENVIRONMENT),
        ("0203", MojCategory.ENVIRONMENT),
        ("0701", MojCategory.LABOUR),
        ("0601", MojCategory.CONSUMER),
        ("0502", MojCategory.MEDICAL),
        ("0503", MojCategory.TRAFFIC),
        ("0402", MojCategory.PROPERTY_MANAGEMENT),
        ("1201", MojCategory.OTHER),
        ("99", MojCategory.OTHER),
        ("09", MojCategory.FOREST_LAND),
    ],
)
def test_moj_category(event_type, category):
    assert moj_category(event_type) == category


def test_every_event_type_maps_to_one_of_the_15(db):
    from backend.codes.models import Code

    codes = Code.objects.filter(table__key=Table.EVENT_TYPE).values_list("code", flat=True)
    used = {moj_category(c) for c in codes}
    assert used == set(MojCategory)  # each of the 15 categories is reachable
