"""督办 as a transition any process can declare: ordinary, yellow card, red card, with the 政策种类
measure, on the unit holding the item; each issued supervision counts in that unit's assessment."""

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from backend.common.models import SupervisionLevel
from backend.workflow.checks import holder_ids
from backend.workflow.declarations import Actor, Firing, Transition
from backend.workflow.models import Measure, Supervision, SupervisionStatus

ORDER = list(SupervisionLevel.values)


def supervise(firing: Firing) -> None:
    obj, data = firing.obj, firing.data
    level, measure = data.get("level"), data.get("measure") or ""
    if level not in ORDER[1:]:
        raise ValidationError({"level": _("督办级别不正确")})
    if ORDER.index(level) <= ORDER.index(obj.supervision_level):
        raise ValidationError({"level": _("督办级别只能提高")})
    if measure and measure not in Measure.values:
        raise ValidationError({"measure": _("政策种类不正确")})
    obj.supervision_level = level
    firing.record_object = _issue(firing, level, measure)


def _issue(firing: Firing, level: str, measure: str) -> Supervision:
    """A new issued supervision, or the periodic check's proposal now confirmed by a person."""
    obj, proposal = firing.obj, firing.data.get("proposal")
    supervision = proposal or Supervision(
        process=firing.process.name,
        object_type=obj._meta.label_lower,
        object_id=obj.pk,
        area_id=obj.area_id,
        unit_id=min(holder_ids(firing.process, obj), default=None),
        created_at=firing.now,
    )
    supervision.level, supervision.measure, supervision.reason = (
        level,
        measure,
        firing.data["reason"],
    )
    supervision.status, supervision.by, supervision.decided_at = (
        SupervisionStatus.ISSUED,
        firing.actor,
        firing.now,
    )
    supervision.full_clean()
    supervision.save()
    return supervision


def supervise_transition(
    sources: tuple[str, ...], effect: Callable[[Firing], None] = supervise
) -> Transition:
    """The 督办 transition; a process with its own history passes an effect that calls
    `supervise` and then records its step."""
    return Transition(
        name="supervise",
        label=gettext_lazy("督办"),
        sources=sources,
        permission="supervise",
        actor=Actor.OVERSEER,
        required={
            "reason": gettext_lazy("督办必须填写理由"),
            "level": gettext_lazy("请选择督办级别"),
        },
        effect=effect,
        recorded=("level", "measure"),
        notify="supervised",
    )
