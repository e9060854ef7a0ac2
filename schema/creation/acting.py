"""Who acts on a task: the user's own unit among its responsible units, or a reviewer whose role
grant (not merely the unit's object grant) covers the task."""

from django.core.exceptions import PermissionDenied, ValidationError
from strawberry.types import Info

from backend.creation.models import CreationTask
from backend.org.models import Unit
from permissions.codenames import Action
from permissions.grants import grants_of
from permissions.policy import Policy
from permissions.registry import policy_for
from schema.base.context import user_of


def acting_unit(info: Info, task: CreationTask, *, lead_only: bool = False) -> Unit:
    """The user's unit that is the task's lead unit (or, unless `lead_only`, one of its co-units)."""
    mine = {grant.unit_id for grant in grants_of(user_of(info)) if grant.unit_id}
    if task.lead_unit_id in mine:
        return task.lead_unit
    if lead_only:
        raise ValidationError({"unit": "只有牵头单位可以提交验收"})
    co_unit = task.co_units.filter(pk__in=mine).order_by("pk").first()
    if co_unit is None:
        raise ValidationError({"unit": "您所在单位不是该任务的牵头或协办单位"})
    return co_unit


def require_reviewer(info: Info, task: CreationTask) -> None:
    """Acceptance is decided by whoever assigned the work, never by the units doing it: a role
    grant that may change the task must cover its area."""
    user, policy = user_of(info), policy_for(CreationTask)
    assert isinstance(policy, Policy)
    if user.is_superuser:
        return
    if not any(grant.covers(task.area_id) for grant in policy.grants(user, Action.CHANGE)):
        raise PermissionDenied("无权验收该任务：验收由任务下达单位办理")
