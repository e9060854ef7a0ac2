"""The audit log is read through the same scope rules: auditors and administrators, within scope."""

import pytest

from backend.audit.models import AuditAction, AuditEntry
from backend.audit.services import audit_record
from permissions.registry import policy_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def entries(users):
    suning = audit_record(
        actor=users["county_centre"], action=AuditAction.UPDATE, area_id=130926100201
    )
    xianxian = audit_record(
        actor=users["xianxian_centre"], action=AuditAction.UPDATE, area_id=130929100001
    )
    sign_in = audit_record(actor=users["leader"], action=AuditAction.LOGIN)
    return suning, xianxian, sign_in


def test_the_city_auditor_reads_every_scoped_entry_but_not_sign_ins(users, entries):
    suning, xianxian, sign_in = entries
    seen = set(policy_for(AuditEntry).visible(users["auditor"]))
    assert {suning, xianxian} <= seen and sign_in not in seen


@pytest.mark.parametrize("username", ["county_centre", "leader", "mediator", "resident"])
def test_other_roles_read_none_of_it(users, entries, username):
    assert not policy_for(AuditEntry).visible(users[username]).exists()


def test_the_admin_change_list_shows_the_auditor_only_its_scope(client, users, entries):
    users["auditor"].is_staff = True
    users["auditor"].save()
    client.force_login(users["auditor"])
    response = client.get("/admin/audit/auditentry/")
    assert response.status_code == 200
    assert (
        response.context["cl"].result_count
        == policy_for(AuditEntry).visible(users["auditor"]).count()
    )
    assert (
        client.post(f"/admin/audit/auditentry/{entries[0].pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    assert AuditEntry.objects.filter(pk=entries[0].pk).exists()
