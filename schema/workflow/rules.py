"""提醒与督办规则 through the API: reference data every signed-in user reads (the thresholds the
periodic check applies); the city's administrators create, change and delete them."""

import strawberry
import strawberry_django
from django.db.models import QuerySet
from strawberry import auto
from strawberry.types import Info

from backend.workflow.models import EscalationRule
from backend.workflow.rules import (
    escalation_rule_create,
    escalation_rule_delete,
    escalation_rule_update,
)
from permissions.codenames import Action
from permissions.registry import policy_for
from schema.base.context import user_of
from schema.base.fields import model_type
from schema.base.inputs import IdInput, changes_of
from schema.base.loading import deleted, load, load_or_none, require
from schema.base.pages import OffsetPaginated


@model_type(EscalationRule, name="EscalationRule", description="提醒与督办规则（每个流程一条）")
class EscalationRuleType:
    id: auto
    process: str
    remind_before_hours: auto
    ordinary_after_hours: auto
    yellow_after_days: auto
    red_after_days: auto

    @strawberry_django.field(description="流程名称", only=["process"])
    def process_label(self) -> str:
        return str(self.get_process_display())  # type: ignore[attr-defined]


@strawberry_django.filter_type(EscalationRule, lookups=True)
class EscalationRuleFilter:
    id: auto
    process: auto


@strawberry_django.order_type(EscalationRule)
class EscalationRuleOrder:
    process: auto


@strawberry.input(description="新增提醒与督办规则")
class EscalationRuleCreateInput:
    process: str = strawberry.field(description="流程标识：report、dispute、creation_task 等")
    remind_before_hours: int = 24
    ordinary_after_hours: int = 0
    yellow_after_days: int = 3
    red_after_days: int = 7


@strawberry.input(description="修改提醒与督办规则（只传要改的字段）")
class EscalationRuleUpdateInput:
    id: strawberry.ID
    process: str | None = strawberry.UNSET
    remind_before_hours: int | None = strawberry.UNSET
    ordinary_after_hours: int | None = strawberry.UNSET
    yellow_after_days: int | None = strawberry.UNSET
    red_after_days: int | None = strawberry.UNSET


@strawberry.type
class EscalationRuleQuery:
    @strawberry_django.offset_paginated(
        OffsetPaginated[EscalationRuleType],
        filters=EscalationRuleFilter,
        ordering=EscalationRuleOrder,
        description="提醒与督办规则（登录用户可见）",
    )
    def escalation_rules(self, info: Info) -> QuerySet[EscalationRule]:
        return policy_for(EscalationRule).visible(user_of(info))

    @strawberry.field(description="一条提醒与督办规则；不存在时为 null")
    def escalation_rule(self, info: Info, id: strawberry.ID) -> EscalationRuleType | None:
        return load_or_none(info, EscalationRule, id)  # type: ignore[return-value]


def mutation(description: str):  # type: ignore[no-untyped-def]
    return strawberry_django.mutation(handle_django_errors=True, description=description)


@strawberry.type
class EscalationRuleMutation:
    @mutation("新增提醒与督办规则")
    def create_escalation_rule(
        self, info: Info, data: EscalationRuleCreateInput
    ) -> EscalationRuleType:
        require(info, Action.ADD, EscalationRule())
        return escalation_rule_create(**vars(data))  # type: ignore[return-value]

    @mutation("修改提醒与督办规则")
    def update_escalation_rule(
        self, info: Info, data: EscalationRuleUpdateInput
    ) -> EscalationRuleType:
        rule = load(info, EscalationRule, data.id, Action.CHANGE)
        return escalation_rule_update(rule=rule, data=changes_of(data))  # type: ignore[return-value]

    @mutation("删除提醒与督办规则（该流程改用默认阈值）")
    def delete_escalation_rule(self, info: Info, data: IdInput) -> EscalationRuleType:
        rule = load(info, EscalationRule, data.id, Action.DELETE)
        return deleted(rule, lambda row: escalation_rule_delete(rule=row))  # type: ignore[return-value]
