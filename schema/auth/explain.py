"""Administrators ask why a user may or may not do something to a record (permissions.explain)."""

import strawberry
from django.apps import apps
from strawberry.types import Info

from backend.accounts.models import User
from backend.org.models import Membership
from permissions.codenames import Action
from permissions.explain import explain
from permissions.policy import NotFound
from permissions.registry import policy_for
from schema.base.context import parse_id, user_of


@strawberry.type(name="AccessExplanation", description="某用户能否对某条记录执行某操作，以及依据")
class AccessExplanation:
    allowed: bool
    reasons: list[str]


@strawberry.type
class ExplainQuery:
    @strawberry.field(
        description="权限说明（仅限可管理角色授权的管理员；记录须是管理员自己可见的）"
    )
    def explain_access(
        self, info: Info, username: str, action: str, model: str, id: strawberry.ID
    ) -> AccessExplanation | None:
        admin = user_of(info)
        if (
            not policy_for(Membership).may(admin, Action.CHANGE)
            or action not in Action._value2member_map_
        ):
            return None
        try:
            record = policy_for(apps.get_model(model)).get(admin, Action.VIEW, parse_id(id))
        except (LookupError, ValueError, NotFound):
            return None
        subject = User.objects.filter(username=username).first()
        if subject is None:
            return None
        answer = explain(subject, action, record)
        return AccessExplanation(allowed=answer.allowed, reasons=answer.reasons)
