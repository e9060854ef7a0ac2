from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from backend.areas.selectors import within
from backend.assistance.models import SubsidyCase, SubsidyKind, SubsidyStatus
from backend.assistance.selectors import case_counts_by_county, cases_due_for_recheck
from backend.assistance.services import case_apply
from tests.assistance.conftest import resident_id

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(application, xianxian):
    """Three 肃宁 cases (paying due, paying not due, suspended due) and one 献县 applied case."""
    today = timezone.localdate()
    base = {**application, "members": []}
    made = []
    for serial, (status, recheck) in enumerate(
        [
            (SubsidyStatus.PAYING, today),
            (SubsidyStatus.PAYING, today + timedelta(days=30)),
            (SubsidyStatus.SUSPENDED, today - timedelta(days=3)),
            (SubsidyStatus.APPLIED, None),
        ]
    ):
        case = case_apply(
            **{**base, "applicant_id_number": resident_id(f"1309261970010100{serial}")}
        )
        SubsidyCase.objects.filter(pk=case.pk).update(status=status, recheck_on=recheck)
        made.append(case)
    village = xianxian.children.first().children.first()
    SubsidyCase.objects.filter(pk=made[3].pk).update(area=village, kind=SubsidyKind.TEKUN)
    return made


def test_due_for_recheck_is_derived_from_the_date(cases, suning, xianxian):
    today = timezone.localdate()
    due = list(cases_due_for_recheck(cases=SubsidyCase.objects.all(), today=today))
    assert due == [cases[2], cases[0]]
    in_xianxian = SubsidyCase.objects.filter(within(xianxian))
    assert list(cases_due_for_recheck(cases=in_xianxian, today=today)) == []
    in_suning = SubsidyCase.objects.filter(within(suning))
    later = today + timedelta(days=31)
    assert cases_due_for_recheck(cases=in_suning, today=later).count() == 3


def test_counts_by_county_kind_and_status(cases):
    with CaptureQueriesContext(connection) as queries:
        rows = case_counts_by_county(cases=SubsidyCase.objects.all())
    assert len(queries) == 2  # the grouped counts and the county names
    table = {(row["county_name"], row["kind"], row["status"]): row["count"] for row in rows}
    assert table == {
        ("肃宁县", "dibao", "paying"): 2,
        ("肃宁县", "dibao", "suspended"): 1,
        ("献县", "tekun", "applied"): 1,
    }
    assert {row["county"] for row in rows} == {130926000000, 130929000000}


def test_a_restricted_queryset_restricts_the_counts(cases, xianxian):
    """Only 献县's rows (a range on the area, as a role grant over the county gives)."""
    with CaptureQueriesContext(connection) as queries:
        rows = case_counts_by_county(cases=SubsidyCase.objects.filter(within(xianxian)))
    assert len(queries) == 2  # the grouped counts and the county names
    table = {(row["county_name"], row["kind"], row["status"]): row["count"] for row in rows}
    assert table == {("献县", "tekun", "applied"): 1}
