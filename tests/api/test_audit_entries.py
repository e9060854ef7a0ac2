"""The audit log through the API: read-only, within the reader's scope, newest first, the
field-level diff included and sensitive values only as markers."""

import pytest

from backend.audit.models import AuditEntry
from backend.disputes.models import Dispute

pytestmark = pytest.mark.django_db
ENTRIES = """query ($filters: AuditEntryFilter) { auditEntries(filters: $filters,
  pagination: {limit: 20}) { totalCount results { action objectType objectId actorName changes
  area { code } } } }"""
UPDATE = """mutation ($id: ID!) { updateDispute(data: {id: $id, summary: "双方同意再次调解"}) {
  ... on Dispute { id } ... on OperationInfo { messages { message } } } }"""


def suning_dispute() -> Dispute:
    suning = {"area__gte": 130926000000, "area__lte": 130926999999}
    return Dispute.objects.filter(**suning, status="mediating").first()


def test_a_change_is_read_back_by_the_auditor_with_its_diff(gql_as, users):
    dispute = suning_dispute()
    assert gql_as(users["county_centre"]).data(UPDATE, {"id": dispute.pk})["updateDispute"]
    wanted = {"objectType": {"exact": "disputes.dispute"}, "objectId": {"exact": str(dispute.pk)}}
    page = gql_as(users["auditor"]).data(ENTRIES, {"filters": wanted})["auditEntries"]
    update = next(row for row in page["results"] if row["action"] == "update")
    assert update["changes"]["summary"][1] == "双方同意再次调解"
    assert update["actorName"] and update["area"]["code"] == str(dispute.area_id)


def test_readers_without_the_audit_permission_or_the_scope_see_nothing(gql_as, users):
    dispute = suning_dispute()
    gql_as(users["county_centre"]).data(UPDATE, {"id": dispute.pk})
    wanted = {"objectId": {"exact": str(dispute.pk)}, "objectType": {"exact": "disputes.dispute"}}
    for name in ("county_centre", "township_centre", "unit_handler", "xianxian_centre"):
        page = gql_as(users[name]).data(ENTRIES, {"filters": wanted})["auditEntries"]
        assert page["totalCount"] == 0, name
    entry = AuditEntry.objects.filter(object_id=str(dispute.pk)).latest("id")
    detail = "query ($id: ID!) { auditEntry(id: $id) { id } }"
    assert gql_as(users["county_centre"]).data(detail, {"id": entry.pk})["auditEntry"] is None
    assert gql_as(users["auditor"]).data(detail, {"id": entry.pk})["auditEntry"] == {
        "id": str(entry.pk)
    }


def test_there_is_no_way_to_write_the_log(gql_as, users):
    body = gql_as(users["city_admin"])(
        'mutation { deleteAuditEntry(data: {id: "1"}) { __typename } }', {}
    )
    assert "deleteAuditEntry" in body["errors"][0]["message"]
