import pytest
from django.db import DatabaseError, connection, transaction

from backend.accounts.services import user_create
from backend.audit.models import AuditAction, AuditEntry
from backend.audit.services import audit_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(db):
    return audit_record(actor=None, action=AuditAction.UPDATE, detail="测试")


def test_entries_cannot_be_changed_or_removed_through_the_application(entry):
    entry.detail = "改写"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.filter(pk=entry.pk).update(detail="改写")
    with pytest.raises(PermissionError):
        AuditEntry.objects.filter(pk=entry.pk).delete()
    assert AuditEntry.objects.get(pk=entry.pk).detail == "测试"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger exists on PostgreSQL")
@pytest.mark.parametrize(
    "statement", ["UPDATE audit_auditentry SET detail = 'x'", "DELETE FROM audit_auditentry"]
)
def test_postgresql_refuses_update_and_delete_in_the_database(entry, statement):
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(statement)
    assert AuditEntry.objects.filter(pk=entry.pk, detail="测试").exists()


def test_login_success_and_failure_are_recorded_with_ip_and_request_id(client):
    user = user_create(username="zhao", password="Zl-demo-2026!")
    user.is_staff = True  # the admin login form signs in staff only
    user.save()
    client.login(username="zhao", password="wrong-password")
    client.post(
        "/admin/login/",
        {"username": "zhao", "password": "Zl-demo-2026!"},
        HTTP_X_REQUEST_ID="req-42",
        REMOTE_ADDR="10.1.2.3",
    )
    failed, ok = AuditEntry.objects.filter(
        action__in=[AuditAction.LOGIN_FAILED, AuditAction.LOGIN]
    ).order_by("id")
    assert (failed.action, failed.changes) == (AuditAction.LOGIN_FAILED, {"username": "zhao"})
    assert "wrong-password" not in str(failed.changes)
    assert (ok.action, ok.actor.username, ok.ip, ok.request_id) == (
        AuditAction.LOGIN,
        "zhao",
        "10.1.2.3",
        "req-42",
    )


def test_a_malformed_request_id_is_replaced(client):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="bad id\n<script>")
    assert response["X-Request-ID"] != "bad id\n<script>" and len(response["X-Request-ID"]) == 32


def test_many_to_many_changes_are_updates_of_the_object(users):
    from django.contrib.auth.models import Group

    user, group = users["resident"], Group.objects.get(name="role:auditor")
    user.groups.add(group)
    user.groups.remove(group)
    group.user_set.add(user)
    entries = AuditEntry.objects.filter(action=AuditAction.UPDATE).order_by("-id")[:3]
    added, removed, reverse = reversed([(e.object_type, e.object_id, e.changes) for e in entries])
    assert added == ("accounts.user", str(user.pk), {"groups": {"added": [group.pk]}})
    assert removed == ("accounts.user", str(user.pk), {"groups": {"removed": [group.pk]}})
    assert reverse == ("auth.group", str(group.pk), {"accounts.user.groups": {"added": [user.pk]}})
