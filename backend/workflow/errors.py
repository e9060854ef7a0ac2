"""The engine's refusals. A refused actor sees the same answer as for a missing item."""

from typing import Any

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.utils.translation import gettext as _

from backend.workflow.declarations import Process, Transition


class NotPermitted(ObjectDoesNotExist):
    """The actor may not fire this transition on this item: it reads exactly like "not found"."""


def not_permitted(obj: object) -> NotPermitted:
    return NotPermitted(f"{obj._meta.verbose_name}不存在")  # type: ignore[attr-defined]


def invalid_state(process: Process, obj: object, transition: Transition) -> ValidationError:
    if transition.refused:
        return on_field(process.state_field, transition.refused, "invalid_state")
    status = getattr(obj, f"get_{process.state_field}_display")()
    return ValidationError(
        _("%(noun)s当前状态为“%(status)s”，不能%(action)s")
        % {"noun": process.noun, "status": status, "action": transition.label},
        code="invalid_state",
    )


def unknown(process: Process, name: str) -> ValidationError:
    return ValidationError(
        _("%(process)s没有“%(name)s”这一操作") % {"process": process.label, "name": name},
        code="unknown_transition",
    )


def holder_only(process: Process, transition: Transition) -> ValidationError:
    message = transition.not_holder or process.not_holder or _("只有当前承办单位可以办理该事项")
    return on_field("unit", message, "not_holder")


def on_field(field: str, message: Any, code: str) -> ValidationError:
    """A refusal on one field that keeps its code where callers read it (Django drops the code
    of a dict-shaped error, so it is set on the error itself as well)."""
    error = ValidationError({field: ValidationError(message, code=code)})
    error.code = code
    return error


def not_on_itself(transition: Transition) -> ValidationError:
    return ValidationError(
        _("承办单位不能%(action)s本单位办理的事项") % {"action": transition.label}, code="holder"
    )
