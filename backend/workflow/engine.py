"""Fire a declared transition: one transaction under a row lock, so two people acting at once
cannot both succeed; an illegal transition writes nothing."""

from collections.abc import Mapping, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.db import transaction
from django.utils import timezone

from backend.common.assignment import assignment_refresh
from backend.common.validation import settled_fields
from backend.workflow import checks, errors
from backend.workflow.bookkeeping import audit, notify, record
from backend.workflow.declarations import Firing, Process, Transition


def fire(
    process: Process,
    obj: Any,
    name: str,
    *,
    actor: Any,
    unit: Any = None,
    data: Mapping[str, Any] | None = None,
    files: Sequence[File] = (),
) -> Any:
    """Fire transition `name` of `process` on `obj`; returns what the effect produced, or the
    object re-read under the lock and saved."""
    transition = process.transition(name)
    if transition is None:
        raise errors.unknown(process, name)
    with transaction.atomic():
        obj = _locked(process, obj)
        checks.check_state(process, obj, transition)
        unit = checks.check_actor(process, obj, transition, actor, unit)
        values = checks.check_required(transition, data or {}, files)
        state, now = getattr(obj, process.state_field), timezone.now()
        firing = Firing(process, obj, transition, actor, unit, values, files, now, state)
        _apply(process, firing)
        record(process, firing)
        audit(process, firing)
        notify(process, firing)
    return firing.result if firing.result is not None else firing.obj


def _locked(process: Process, obj: Any) -> Any:
    return process.model_class()._default_manager.select_for_update().get(pk=obj.pk)


def _apply(process: Process, firing: Firing) -> None:
    obj, transition = firing.obj, firing.transition
    holders, before = checks.holder_ids(process, obj), _columns(obj)
    if transition.effect is not None:
        transition.effect(firing)
    if transition.target is not None:
        setattr(obj, process.state_field, transition.target)
    if transition.deadline is not None and process.deadline_field:
        setattr(obj, process.deadline_field, transition.deadline(firing))
    changed = [name for name, value in _columns(obj).items() if before[name] != value]
    obj.full_clean(exclude=settled_fields(obj, changed))  # what the firing changed, and its ties
    obj.save()
    if process.assigned and checks.holder_ids(process, obj) != holders:
        assignment_refresh(obj=obj)  # the holder changed: grants follow in this transaction


def _columns(obj: Any) -> dict[str, Any]:
    return {field.name: getattr(obj, field.attname) for field in obj._meta.concrete_fields}


def available(process: Process, obj: Any, actor: Any) -> list[Transition]:
    """The transitions `actor` may fire on `obj` now (state and actor rules; not the payload)."""
    found = []
    for transition in process.transitions:
        if transition.when is not None and not transition.when(obj):
            continue
        try:
            checks.check_state(process, obj, transition)
            checks.check_actor(process, obj, transition, actor, None)
        except (errors.NotPermitted, ValidationError):
            continue
        found.append(transition)
    return found
