"""The engine's checks, run before anything is written: state, actor, required fields."""

from collections.abc import Mapping, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.utils.translation import gettext as _

from backend.workflow import errors
from backend.workflow.authority import authority
from backend.workflow.declarations import Actor, Process, Transition


def check_state(process: Process, obj: Any, transition: Transition) -> None:
    if getattr(obj, process.state_field) not in transition.sources:
        raise errors.invalid_state(process, obj, transition)


def holder_ids(process: Process, obj: Any) -> set[int]:
    """The units working on the item now: its holder FK, or the process's `holders`."""
    if process.holders is not None:
        return process.holders(obj)
    held = getattr(obj, f"{process.holder_field}_id") if process.holder_field else None
    return {held} if held is not None else set()


def check_actor(process: Process, obj: Any, transition: Transition, actor: Any, unit: Any) -> Any:
    """The unit the actor acts for. `actor` None is the system (a job, a command): its caller
    decided; a user must pass the policy and the transition's actor rule."""
    if actor is not None and not _permitted(process, obj, transition, actor):
        raise errors.not_permitted(obj)
    if transition.actor == Actor.HOLDER:
        return _holding_unit(process, obj, transition, actor, unit)
    overseer = transition.actor == Actor.OVERSEER and actor is not None
    if overseer and holder_ids(process, obj) & authority().units(actor):
        raise errors.not_on_itself(transition)
    return unit


def _permitted(process: Process, obj: Any, transition: Transition, actor: Any) -> bool:
    owner = process.owner_field if transition.actor == Actor.OWNER else None
    if owner and getattr(obj, f"{owner}_id") == actor.pk:
        return True
    return authority().may(actor, transition.permission, obj)


def _holding_unit(process: Process, obj: Any, transition: Transition, actor: Any, unit: Any) -> Any:
    held = holder_ids(process, obj)
    mine = held & authority().units(actor) if actor is not None else held
    if actor is not None and not mine:
        raise errors.not_permitted(obj)  # another unit's item: not found, like any foreign item
    if not held or (unit is not None and unit.pk not in mine):
        raise errors.holder_only(process, transition)
    return unit or _unit(min(mine))


def _unit(pk: int) -> Any:
    from backend.org.models import Unit

    return Unit.objects.get(pk=pk)


def check_required(
    transition: Transition, data: Mapping[str, Any], files: Sequence[File]
) -> dict[str, Any]:
    """The payload with required text fields stripped; every missing one is reported at once."""
    values = dict(data)
    missing = {}
    for name, message in transition.required.items():
        value = values.get(name)
        if isinstance(value, str):
            value = values[name] = value.strip()
        if value in (None, "", [], ()):
            missing[name] = str(message)
    if transition.evidence and not files:
        missing["files"] = _("请上传证明材料")
    if missing:
        raise ValidationError(missing, code="required")
    return values
