import pytest
from django.core.exceptions import ValidationError

from backend.org.models import UnitKind
from backend.org.services import unit_create, unit_update
from backend.reports.models import DispatchRule, LimitClass, ReportCategory
from backend.reports.selectors import dispatch_target
from backend.reports.services import (
    dispatch_rule_delete,
    dispatch_rule_set,
    report_category_create,
    report_category_update,
)

pytestmark = pytest.mark.django_db


def test_the_data_migration_loads_two_levels_with_class_default_limits():
    utilities = ReportCategory.objects.get(code="01")
    assert utilities.name == "供水供电供气供暖"
    assert utilities.children.filter(name="路灯照明").exists()
    assert ReportCategory.objects.get(code="0701").time_limit_hours == 15 * 24
    assert ReportCategory.objects.get(code="0101").time_limit_hours == 24


def test_category_takes_the_default_limit_of_its_class_or_an_explicit_one():
    parent = report_category_create(code="50", name="农业农村", limit_class=LimitClass.ORDINARY)
    assert parent.time_limit_hours == 168
    child = report_category_create(
        code="5001",
        name="农机补贴",
        limit_class=LimitClass.COMPLEX,
        parent=parent,
        time_limit_hours=200,
    )
    assert ReportCategory.objects.get(pk=child.pk).time_limit_hours == 200


def test_category_rejects_a_third_level_and_a_duplicate_code():
    child = ReportCategory.objects.get(code="0302")
    count = ReportCategory.objects.count()
    with pytest.raises(ValidationError, match="事项类别最多两级"):
        report_category_create(code="030201", name="雨水井", limit_class="ordinary", parent=child)
    with pytest.raises(ValidationError, match="类别编码已存在"):
        report_category_create(code="0302", name="重复", limit_class="ordinary")
    assert ReportCategory.objects.count() == count


def test_category_update_edits_the_time_limit():
    category = ReportCategory.objects.get(code="0302")
    report_category_update(category=category, data={"time_limit_hours": 72})
    assert ReportCategory.objects.get(pk=category.pk).time_limit_hours == 72
    with pytest.raises(ValidationError, match="办理时限必须大于零"):
        report_category_update(category=category, data={"time_limit_hours": 0})


def test_dispatch_target_prefers_the_most_specific_area(city, suning, village, water, police):
    sewer = ReportCategory.objects.get(code="0302")
    dispatch_rule_set(category=sewer, area=city, unit=water)
    assert dispatch_target(sewer, village) == water
    dispatch_rule_set(category=sewer, area=village.parent, unit=police)
    assert dispatch_target(sewer, village) == police
    assert dispatch_target(sewer, suning) == water


def test_dispatch_target_falls_back_to_the_parent_category(suning, village, water, police):
    sewer = ReportCategory.objects.get(code="0302")
    dispatch_rule_set(category=sewer.parent, area=suning, unit=water)
    assert dispatch_target(sewer, village) == water
    dispatch_rule_set(category=sewer, area=suning, unit=police)
    assert dispatch_target(sewer, village) == police
    assert dispatch_target(ReportCategory.objects.get(code="0101"), village) is None


def test_dispatch_rule_set_replaces_the_unit_and_skips_inactive_units(
    suning, village, water, police
):
    sewer = ReportCategory.objects.get(code="0302")
    dispatch_rule_set(category=sewer, area=suning, unit=water)
    rule = dispatch_rule_set(category=sewer, area=suning, unit=police)
    assert DispatchRule.objects.get().unit == police == rule.unit
    unit_update(unit=police, data={"is_active": False})
    assert dispatch_target(sewer, village) is None
    with pytest.raises(ValidationError, match="承办单位已停用"):
        dispatch_rule_set(category=sewer, area=suning, unit=police)
    dispatch_rule_delete(rule=rule)
    assert not DispatchRule.objects.exists()


def test_dispatch_rule_set_twice_keeps_one_rule(suning, city):
    unit = unit_create(code="X1", name="测试单位", kind=UnitKind.MEMBER_UNIT, area=city)
    sewer = ReportCategory.objects.get(code="0302")
    dispatch_rule_set(category=sewer, area=suning, unit=unit)
    dispatch_rule_set(category=sewer, area=suning, unit=unit)
    assert DispatchRule.objects.count() == 1
