"""Every write of domain data is audited, by model signals, in the writing transaction (a rollback
takes its entries with it).

Audited: every concrete model of the project's apps (app module "backend.…"), present and future,
except the log itself and models that set `audit_writes = False`. save() gives CREATE or UPDATE
(only the fields that changed, their old value read by ONE query before the update; nothing when
nothing changed), delete() — also each row a cascade removes — gives DELETE, and adding to or
removing from a many-to-many field gives UPDATE of the object. bulk_create, QuerySet.update() and
loaddata send no signals: the demo loader relies on that; services that write in bulk call
`audit_created` / `audited_update` (backend.audit.bulk) themselves.
"""

from typing import Any

from django.apps import apps
from django.db import models
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from backend.audit import changes
from backend.audit.models import AuditAction, AuditEntry
from backend.audit.services import audit_record

_OLD = "_audit_stored"  # the stored values read before an update, kept on the instance until saved
_M2M: dict[Any, models.ManyToManyField] = {}  # through model -> the many-to-many field it serves


def audited(model: type[models.Model]) -> bool:
    meta = model._meta
    return (
        meta.app_config is not None
        and meta.app_config.name.startswith("backend.")
        and not meta.auto_created
        and not meta.abstract
        and model is not AuditEntry
        and getattr(model, "audit_writes", True)
    )


def connect() -> None:
    for model in apps.get_models():
        if not audited(model):
            continue
        uid = f"zhili-audit-{model._meta.label_lower}"
        pre_save.connect(_before_save, sender=model, dispatch_uid=uid)
        post_save.connect(_saved, sender=model, dispatch_uid=uid)
        post_delete.connect(_deleted, sender=model, dispatch_uid=uid)
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through  # type: ignore[attr-defined]
            _M2M[through] = field  # type: ignore[assignment]
            m2m_changed.connect(_linked, sender=through, dispatch_uid=f"{uid}.{field.name}")


def _before_save(sender: Any, instance: models.Model, raw: bool = False, **kw: Any) -> None:
    instance.__dict__.pop(_OLD, None)
    if raw or instance._state.adding or instance.pk is None:
        return
    fields = changes.fields_saved(sender, kw.get("update_fields"))
    instance.__dict__[_OLD] = changes.stored(instance, fields) if fields else {}


def _saved(
    sender: Any, instance: models.Model, created: bool, raw: bool = False, **kw: Any
) -> None:
    old = instance.__dict__.pop(_OLD, None)
    if raw:
        return
    if created:
        audit_record(action=AuditAction.CREATE, obj=instance, changes=changes.created(instance))
    elif old is None:  # saved as new with a given primary key, over an existing row
        audit_record(action=AuditAction.UPDATE, obj=instance, changes=changes.created(instance))
    elif diff := changes.updated(instance, old):
        audit_record(action=AuditAction.UPDATE, obj=instance, changes=diff)


def _deleted(sender: Any, instance: models.Model, **kw: Any) -> None:
    audit_record(action=AuditAction.DELETE, obj=instance, changes=changes.deleted(instance))


def _linked(sender: Any, instance: models.Model, action: str, reverse: bool, **kw: Any) -> None:
    pk_set = kw.get("pk_set")
    done = {"post_add": "added", "post_remove": "removed", "post_clear": "cleared"}.get(action)
    if done is None or (done != "cleared" and not pk_set):
        return
    field = _M2M[sender]
    name = f"{field.model._meta.label_lower}.{field.name}" if reverse else field.name
    value: Any = sorted(pk_set, key=str) if pk_set else True
    audit_record(action=AuditAction.UPDATE, obj=instance, changes={name: {done: value}})
