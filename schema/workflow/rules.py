"""提醒与督办规则 through the API: reference data every signed-in user reads (the thresholds the
periodic check applies); the city's administrators create, change and delete them."""

import strawberry
import strawberry_django
from strawberry import auto

from backend.workflow.models import EscalationRule
from backend.workflow.rules import (
    escalation_rule_create,
    escalation_rule_delete,
    escalation_rule_update,
)
from schema.base.fields import model_type
from schema.base.reference import Reference, reference_mutation, reference_query


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


ESCALATION_RULES = Reference(
    model=EscalationRule,
    node=EscalationRuleType,
    inputs=(EscalationRuleCreateInput, EscalationRuleUpdateInput),
    filters=EscalationRuleFilter,
    ordering=EscalationRuleOrder,
    names=("escalation_rule", "escalation_rules"),
    services=(
        escalation_rule_create,
        lambda row, data: escalation_rule_update(rule=row, data=data),
        lambda row: escalation_rule_delete(rule=row),
    ),
    descriptions={
        "list": "提醒与督办规则（登录用户可见）",
        "detail": "一条提醒与督办规则；不存在时为 null",
        "create": "新增提醒与督办规则",
        "update": "修改提醒与督办规则",
        "delete": "删除提醒与督办规则（该流程改用默认阈值）",
    },
)
EscalationRuleQuery = reference_query("EscalationRuleQuery", ESCALATION_RULES)
EscalationRuleMutation = reference_mutation("EscalationRuleMutation", ESCALATION_RULES)
