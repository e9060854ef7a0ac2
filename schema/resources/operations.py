"""The resource description of the low-code portal (DESIGN.md, "Low-code")."""

from dataclasses import replace

import strawberry
from django.apps import apps
from graphql import GraphQLSchema
from strawberry.types import Info

from permissions.codenames import Action
from permissions.registry import policy_for
from schema.base.context import user_of
from schema.resources.describe import describe
from schema.resources.registry import Entry
from schema.resources.types import PermissionsType, ResourceType

_described: dict[int, list[tuple[Entry, ResourceType]]] = {}


@strawberry.type
class ResourcesQuery:
    @strawberry.field(
        description="门户显示的全部实体：字段、标签、选项、列表列、筛选条件、操作和当前用户的权限；"
        "未登录时为空列表"
    )
    def resources(self, info: Info) -> list[ResourceType]:
        user = user_of(info)
        if not user.is_authenticated:
            return []
        return [
            replace(resource, permissions=_permissions(info, entry))
            for entry, resource in _static(info.schema._schema)  # type: ignore[attr-defined]
        ]


@strawberry.type
class ResourcesMutation:
    pass


def _static(schema: GraphQLSchema) -> list[tuple[Entry, ResourceType]]:
    """The schema never changes while the process runs: describe it once."""
    if id(schema) not in _described:
        _described[id(schema)] = describe(schema)
    return _described[id(schema)]


def _permissions(info: Info, entry: Entry) -> PermissionsType:
    policy, user = policy_for(apps.get_model(entry.model)), user_of(info)
    return PermissionsType(
        view=policy.may(user, Action.VIEW),
        add=policy.may(user, Action.ADD),
        change=policy.may(user, Action.CHANGE),
        delete=policy.may(user, Action.DELETE),
    )
