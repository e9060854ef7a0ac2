"""CSV exports go through the policy and never carry personal data unmasked."""

import csv
import io

import pytest

from backend.audit.models import AuditAction, AuditEntry
from backend.disputes.models import Dispute

pytestmark = pytest.mark.django_db


def rows(client, url: str) -> list[list[str]]:
    response = client.get(url)
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_a_county_exports_exactly_what_it_may_see_with_phones_masked(client, users):
    client.force_login(users["county_centre"])
    header, *body = rows(client, "/exports/disputes.csv")
    assert header[:3] == ["纠纷编号", "事件名称", "受理日期"]
    expected = Dispute.objects.filter(area__path__startswith="130900/130926/")
    assert sorted(r[0] for r in body) == sorted(expected.values_list("number", flat=True))
    phones = [r[-1] for r in body]
    assert phones and all("****" in phone for phone in phones)
    assert AuditEntry.objects.filter(
        action=AuditAction.EXPORT, actor=users["county_centre"]
    ).exists()


def test_a_sibling_county_exports_none_of_it(client, users):
    client.force_login(users["xianxian_centre"])
    _, *body = rows(client, "/exports/disputes.csv?area=130926000000")
    assert body == []


def test_unknown_resources_and_anonymous_callers_get_not_found(client, users):
    assert client.get("/exports/disputes.csv").status_code == 404
    client.force_login(users["leader"])
    assert client.get("/exports/passwords.csv").status_code == 404
