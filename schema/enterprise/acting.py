"""Who acts on an enterprise problem: its managers (a role grant over its area: 包联, 交办, 评价,
督办), its handling units (办理, 答复), and which users may be its 包联领导."""

from django.core.exceptions import PermissionDenied, ValidationError
from strawberry.types import Info
from strawberry_django.optimizer import optimize

from backend.accounts.models import User
from backend.enterprise.models import EnterpriseProblem
from backend.org.models import Unit
from permissions.codenames import Action
from permissions.grants import grants_of
from permissions.policy import Policy
from permissions.registry import policy_for
from schema.base.context import parse_id, user_of
from schema.enterprise.types import EnterpriseProblemType


def require_manager(info: Info, problem: EnterpriseProblem) -> None:
    """A handling unit's object grant lets it work on the problem, not steer it."""
    user, policy = user_of(info), policy_for(EnterpriseProblem)
    assert isinstance(policy, Policy)
    if user.is_superuser:
        return
    if not any(grant.covers(problem.area_id) for grant in policy.grants(user, Action.CHANGE)):
        raise PermissionDenied("无权办理：包联、交办、评价和督办由诉求管理人员办理")


def handling_unit(info: Info, problem: EnterpriseProblem) -> Unit:
    mine = {grant.unit_id for grant in grants_of(user_of(info)) if grant.unit_id}
    unit = problem.handling_units.filter(pk__in=mine).order_by("pk").first()
    if unit is None:
        raise ValidationError({"unit": "您所在单位不是该诉求的承办单位"})
    return unit


def leader_for(problem: EnterpriseProblem, value: str) -> User:
    """An active user whose role grants cover the enterprise's area."""
    leader = User.objects.filter(pk=parse_id(value, "leader_id"), is_active=True).first()
    if leader is None or not any(g.covers(problem.area_id) for g in grants_of(leader)):
        raise ValidationError({"leader_id": "包联领导不存在或不负责该企业所在区划"})
    return leader


def as_seen(info: Info, problem: EnterpriseProblem) -> EnterpriseProblem:
    """A problem read back as a list reads it (policy-scoped queryset and optimizer), so the nested
    enterprise obeys the enterprise policy: a lazily loaded foreign key would not, and a handling
    unit may work on a problem without seeing the enterprise's record. Used for the detail query
    and for mutation results."""
    rows = EnterpriseProblemType.get_queryset(EnterpriseProblem.objects.filter(pk=problem.pk), info)
    return optimize(rows, info).first() or problem
