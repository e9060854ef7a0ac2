"""The engine's refusals. A refused actor sees the same answer as for a missing item."""

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.utils.translation import gettext as _

from backend.workflow.declarations import Process, Transition


class NotPermitted(ObjectDoesNotExist):
    """The actor may not fire this transition on this item: it reads exactly like "not found"."""


def not_permitted(obj: object) -> NotPermitted:
    return NotPermitted(f"{obj._meta.verbose_name}不存在")  # type: ignore[attr-defined]


def invalid_state(process: Process, obj: object, transition: Transition) -> ValidationError:
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


def holder_only() -> ValidationError:
    return ValidationError({"unit": _("只有当前承办单位可以办理该事项")}, code="not_holder")


def not_on_itself(transition: Transition) -> ValidationError:
    return ValidationError(
        _("承办单位不能%(action)s本单位办理的事项") % {"action": transition.label}, code="holder"
    )
