"""Effects of whoever assigned the work: 重新分派, 验收 and 退回整改."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.audit.bulk import audit_created
from backend.common.services import create_validated
from backend.creation.models import CreationTask, ReviewDecision, TaskCoUnit, TaskReview
from backend.org.models import Unit
from backend.workflow.declarations import Firing


def assign(f: Firing) -> None:
    """Set the lead unit and replace the co-units (kept co-units keep their date); the engine
    moves the unit grants to the new holders."""
    task: CreationTask = f.obj
    lead_unit, co_units = f.data["lead_unit"], list(f.data.get("co_units") or ())
    check_units(lead_unit, co_units)
    task.lead_unit = lead_unit
    wanted = {unit.pk for unit in co_units}
    task.co_unit_links.exclude(unit__in=wanted).delete()
    kept = set(task.co_unit_links.values_list("unit_id", flat=True))
    add_co_units(task, [unit for unit in co_units if unit.pk not in kept])


def check_units(lead_unit: Unit | None, co_units: list[Unit]) -> None:
    if lead_unit is None:
        raise ValidationError({"lead_unit": _("请指定牵头单位")})
    if any(unit.pk == lead_unit.pk for unit in co_units):
        raise ValidationError({"co_units": _("协办单位不能包含牵头单位")})
    if len({unit.pk for unit in co_units}) != len(co_units):
        raise ValidationError({"co_units": _("协办单位重复")})


def add_co_units(task: CreationTask, units: list[Unit]) -> None:
    now = timezone.now()
    rows = [TaskCoUnit(task=task, unit=unit, assigned_at=now) for unit in units]
    audit_created(TaskCoUnit.objects.bulk_create(rows))


def accept(f: Firing) -> None:
    """验收 and completion in one step; the review row records who and when."""
    review = _review(f, ReviewDecision.ACCEPTED, f.data.get("opinion") or "")
    f.obj.completed_at = review.reviewed_at


def return_(f: Firing) -> None:
    _review(f, ReviewDecision.RETURNED, f.data["reason"])


def _review(f: Firing, decision: str, opinion: str) -> TaskReview:
    return create_validated(
        TaskReview, task=f.obj, decision=decision, opinion=opinion.strip(), reviewer=f.actor,
        reviewed_at=f.now,
    )  # fmt: skip
