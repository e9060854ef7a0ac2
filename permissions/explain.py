"""Why a user may or may not do an action to an object — for tests and for administrators."""

from dataclasses import dataclass, field

from django.db import models

from backend.accounts.models import User
from backend.accounts.roles import Role
from backend.org.models import Unit
from permissions.codenames import Action
from permissions.family import ChildPolicy, EvidencePolicy, ReferencePolicy, parent_action
from permissions.policy import Policy
from permissions.registry import policy_for

ACTION_LABELS = {
    Action.VIEW: "查看",
    Action.ADD: "新增",
    Action.CHANGE: "修改",
    Action.DELETE: "删除",
    Action.UNMASK: "查看完整个人信息",
    Action.SUPERVISE: "督办",
}


@dataclass
class Explanation:
    allowed: bool
    reasons: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return ("允许：" if self.allowed else "不允许：") + "；".join(self.reasons)


def explain(user: User, action: Action | str, obj: models.Model) -> Explanation:
    action = Action(action)
    if not (user.is_authenticated and user.is_active):
        return Explanation(False, ["未登录或账号已停用"])
    if user.is_superuser:
        return Explanation(True, ["超级管理员"])
    return _explain(policy_for(obj), user, action, obj)


def _explain(policy: object, user: User, action: Action, obj: models.Model) -> Explanation:
    if isinstance(policy, ChildPolicy):
        inner = _explain(policy.parent, user, parent_action(action), policy.parent_of(obj))
        return Explanation(
            inner.allowed,
            [f"依所属{policy.parent.model._meta.verbose_name}：{r}" for r in inner.reasons],
        )
    if isinstance(policy, EvidencePolicy):
        field_name, parent = policy.parent_of(obj)
        return _explain(policy.parents[field_name], user, action, parent)
    if isinstance(policy, ReferencePolicy):
        allowed = policy.may(user, action)
        return Explanation(
            allowed, ["基础数据" + ("，所有登录用户可查看" if allowed else "，需要维护权限")]
        )
    assert isinstance(policy, Policy)
    reasons = _by_grant(policy, user, action, obj) + _by_assignment(policy, user, action, obj)
    return Explanation(bool(reasons), reasons or [_missing(policy, action, obj)])


def _by_grant(policy: Policy, user: User, action: Action, obj: models.Model) -> list[str]:
    verb = ACTION_LABELS[action]
    return [
        f"角色「{Role(grant.role).label}」"
        + ("对本人提交的事项" if grant.own_only else f"在「{grant.scope_name}」范围内")
        + f"有{verb}权限"
        for grant in policy.grants(user, action)
        if policy._grant_reaches(grant, user, obj)
    ]


def _by_assignment(policy: Policy, user: User, action: Action, obj: models.Model) -> list[str]:
    if not policy.object_grants:
        return []
    groups = policy._granted_rows(user, action).filter(content_object=obj.pk).values("group")
    return [
        f"所在单位「{unit}」承办此事项（对象授权：{ACTION_LABELS[action]}）"
        for unit in Unit.objects.filter(group__in=groups)
    ]


def _missing(policy: Policy, action: Action, obj: models.Model) -> str:
    name = policy.model._meta.verbose_name
    return (
        f"缺少权限：没有覆盖该{name}所在区划的「{ACTION_LABELS[action]}」角色授权，"
        f"所在单位也未承办此{name}"
    )
