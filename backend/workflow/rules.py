"""Editing the reminder and supervision thresholds of a process (提醒与督办规则), as the city's
administrators do in the portal; the periodic check (periodic.py) reads them on its next run."""

from collections.abc import Mapping
from typing import Any

from django.db import transaction

from backend.common.services import create_validated, delete_validated, model_update
from backend.workflow.models import EscalationRule

RULE_FIELDS = (
    "process",
    "remind_before_hours",
    "ordinary_after_hours",
    "yellow_after_days",
    "red_after_days",
)


@transaction.atomic
def escalation_rule_create(**values: Any) -> EscalationRule:
    return create_validated(EscalationRule, **values)


@transaction.atomic
def escalation_rule_update(*, rule: EscalationRule, data: Mapping[str, Any]) -> EscalationRule:
    return model_update(instance=rule, fields=RULE_FIELDS, data=data)[0]


def escalation_rule_delete(*, rule: EscalationRule) -> None:
    """The process falls back to the fields' defaults until a rule is created again."""
    delete_validated(rule)
