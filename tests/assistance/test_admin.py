import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from backend.assistance.services import case_apply, township_review
from tests.assistance.conftest import APPLICANT_ID, resident_id

pytestmark = pytest.mark.django_db


def apply(application, serial: int):
    return case_apply(
        **{**application, "applicant_id_number": resident_id(f"1309261980020200{serial}")}
    )


def changelist(client, model: str):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse(f"admin:assistance_{model}_changelist"))
    assert response.status_code == 200
    return response, len(queries)


@pytest.mark.parametrize("model", ["subsidycase", "subsidyreview", "householdmember"])
def test_changelists_do_not_query_per_row(admin_client, application, units, officer, model):
    def add(serial):
        case = apply(application, serial)
        township_review(case=case, actor=officer, unit=units["township"], decision="pass")

    add(1)
    one = changelist(admin_client, model)[1]
    for serial in (2, 3, 4):
        add(serial)
    assert changelist(admin_client, model)[1] == one


def test_case_list_shows_masked_id_numbers_only(admin_client, case):
    response, _queries = changelist(admin_client, "subsidycase")
    assert APPLICANT_ID not in response.content.decode()
    assert "130926********" in response.content.decode()
    change = reverse("admin:assistance_subsidycase_change", args=[case.pk])
    assert admin_client.get(change).status_code == 200
