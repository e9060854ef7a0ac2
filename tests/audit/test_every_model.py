"""Every concrete model of the backend apps, present and future: a plain ORM create, update and
delete each leave one entry with the right action, object, actor, unit and area."""

import pytest
from django.apps import apps

from backend.audit.context import acting_as
from backend.audit.models import AuditAction, AuditEntry
from backend.audit.values import jsonable
from backend.audit.writes import audited
from tests.audit.generic import build_saved, change_one_field, delete_one, expected_area

pytestmark = pytest.mark.django_db
MODELS = sorted((m for m in apps.get_models() if audited(m)), key=lambda m: m._meta.label_lower)


def last(obj, pk=None) -> AuditEntry:
    return AuditEntry.objects.filter(
        object_type=obj._meta.label_lower, object_id=str(pk or obj.pk)
    ).latest("id")


def test_the_project_models_are_audited_and_the_log_and_outsiders_are_not():
    labels = {m._meta.label_lower for m in MODELS}
    assert {
        "disputes.dispute",
        "disputes.disputeparty",
        "accounts.user",
        "accounts.apitoken",
    } <= labels
    assert {"disputes.disputeunitgrant", "areas.area", "org.membership"} <= labels
    assert not labels & {
        "audit.auditentry",
        "auth.group",
        "sessions.session",
        "guardian.userobjectpermission",
    }
    assert all(m._meta.app_config.name.startswith("backend.") for m in MODELS)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.label_lower)
def test_a_plain_orm_create_update_and_delete_are_each_audited(model, users):
    actor = users["township_centre"]  # acts for one unit
    with acting_as(actor):
        obj = model._base_manager.order_by("-pk").first()
        if obj is None:
            obj = build_saved(model)
            assert last(obj).action == AuditAction.CREATE
        field, old, new = change_one_field(obj)
        updated = last(obj)
        gone = delete_one(model, obj)
        deleted = last(gone)
        gone._state.adding = True
        gone.save(force_insert=True)
        created = last(gone)
    assert (updated.action, updated.changes) == (
        AuditAction.UPDATE,
        {field.attname: [jsonable(old), jsonable(new)]},
    )
    assert (deleted.action, deleted.changes["id"]) == (AuditAction.DELETE, jsonable(gone.pk))
    assert created.action == AuditAction.CREATE
    units = {m.unit_id for m in actor.memberships.all() if m.unit_id is not None}
    unit = units.pop() if len(units) == 1 else None
    for entry, obj_ in ((updated, obj), (deleted, gone), (created, gone)):
        assert entry.object_type == model._meta.label_lower
        assert (entry.actor_id, entry.unit_id) == (actor.pk, unit)
        assert entry.area_id == expected_area(obj_), entry.action
