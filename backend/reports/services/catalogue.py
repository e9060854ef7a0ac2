"""Writes of the admin-edited catalogue: categories (with time limits) and dispatch rules."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from backend.areas.models import Area
from backend.common.services import create_validated, model_update
from backend.org.models import Unit
from backend.reports.models import DispatchRule, ReportCategory

CATEGORY_EDITABLE = ("name", "parent", "limit_class", "time_limit_hours", "active")


@transaction.atomic
def report_category_create(
    *,
    code: str,
    name: str,
    limit_class: str,
    parent: ReportCategory | None = None,
    time_limit_hours: int | None = None,
    active: bool = True,
) -> ReportCategory:
    """A category; without `time_limit_hours` it takes its limit class's default."""
    if ReportCategory.objects.filter(code=code).exists():
        raise ValidationError({"code": _("类别编码已存在")})
    return create_validated(
        ReportCategory,
        code=code,
        name=name,
        limit_class=limit_class,
        parent=parent,
        time_limit_hours=time_limit_hours,
        active=active,
    )


@transaction.atomic
def report_category_update(*, category: ReportCategory, data: dict[str, Any]) -> ReportCategory:
    return model_update(instance=category, fields=CATEGORY_EDITABLE, data=data)[0]


@transaction.atomic
def dispatch_rule_set(*, category: ReportCategory, area: Area, unit: Unit) -> DispatchRule:
    """Route `category` items under `area` to `unit`, replacing the unit of an existing rule."""
    if not unit.is_active:
        raise ValidationError({"unit": _("承办单位已停用")})
    rule = DispatchRule.objects.select_for_update().filter(category=category, area=area).first()
    if rule is None:
        return create_validated(DispatchRule, category=category, area=area, unit=unit)
    return model_update(instance=rule, fields=("unit",), data={"unit": unit})[0]


@transaction.atomic
def dispatch_rule_delete(*, rule: DispatchRule) -> None:
    rule.delete()
