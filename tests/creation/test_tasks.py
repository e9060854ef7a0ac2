from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from backend.creation.models import CreationTask, TaskCoUnit, TaskStatus
from backend.creation.services import task_assign, task_create, task_update
from backend.org.models import UnitKind
from backend.org.services import unit_create

pytestmark = pytest.mark.django_db


def test_task_create_assigns_lead_and_co_units(task, units):
    assert task.status == TaskStatus.ASSIGNED
    assert task.progress == 0
    assert task.lead_unit == units["sfj"]
    assert set(task.co_units.all()) == {units["mzj"], units["gaj"]}
    assert all(link.assigned_at is not None for link in task.co_unit_links.all())


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"lead_unit": None}, "lead_unit", "请指定牵头单位"),
        ({"deadline": timezone.localdate()}, "deadline", "完成时限须晚于任务创建日期"),
        ({"weight": Decimal("0")}, "weight", "0.01"),
        ({"dimension": "feudal"}, "dimension", "feudal"),
        ({"title": ""}, "title", "不能为空"),
    ],
)
def test_task_create_rejects_bad_input_and_writes_nothing(task_values, change, field, message):
    with pytest.raises(ValidationError) as error:
        task_create(**{**task_values, **change})
    assert message in " ".join(error.value.message_dict[field])
    assert not CreationTask.objects.exists()
    assert not TaskCoUnit.objects.exists()


def test_co_units_may_not_include_the_lead(task_values, units):
    with pytest.raises(ValidationError) as error:
        task_create(**{**task_values, "co_units": [units["mzj"], units["sfj"]]})
    assert error.value.message_dict["co_units"] == ["协办单位不能包含牵头单位"]
    assert not CreationTask.objects.exists()


def test_task_code_is_unique(task, task_values):
    with pytest.raises(ValidationError) as error:
        task_create(**{**task_values, "title": "另一项任务"})
    assert "code" in error.value.message_dict
    assert CreationTask.objects.count() == 1


def test_task_area_must_be_city_or_county(task_values, suning_town):
    with pytest.raises(ValidationError) as error:
        task_create(**{**task_values, "area": suning_town})
    assert error.value.message_dict["area"] == ["任务所属区划须为市级或县级"]


def test_a_county_unit_cannot_lead_a_task_of_another_county(task_values, suning, xianxian):
    county_unit = unit_create(
        code="SN-MZJ", name="肃宁县民政局", kind=UnitKind.MEMBER_UNIT, area=suning
    )
    assert task_create(**{**task_values, "lead_unit": county_unit, "area": suning}).pk
    with pytest.raises(ValidationError) as error:
        task_create(
            **{**task_values, "code": "CZ-SY-002", "lead_unit": county_unit, "area": xianxian}
        )
    assert error.value.message_dict["lead_unit"] == ["牵头单位的管辖区划不包含任务所属区划"]
    assert CreationTask.objects.count() == 1


def test_task_update_changes_whitelisted_fields_only(task):
    task_update(task=task, data={"title": "推进矛盾纠纷多元化解机制建设"})
    assert CreationTask.objects.get().title == "推进矛盾纠纷多元化解机制建设"
    with pytest.raises(ValidationError, match="不可修改的字段"):
        task_update(task=task, data={"progress": 100})
    assert CreationTask.objects.get().progress == 0


def test_task_update_keeps_deadline_after_creation(task):
    yesterday = timezone.localdate() - timedelta(days=1)
    with pytest.raises(ValidationError, match="完成时限须晚于任务创建日期"):
        task_update(task=task, data={"deadline": yesterday})
    assert CreationTask.objects.get().deadline == task.deadline


def test_completed_task_cannot_be_updated_or_reassigned(task, units):
    CreationTask.objects.filter(pk=task.pk).update(status=TaskStatus.COMPLETED)
    with pytest.raises(ValidationError, match="不能修改"):
        task_update(task=task, data={"title": "新名称"})
    with pytest.raises(ValidationError, match="不能重新分派"):
        task_assign(task=task, lead_unit=units["xfj"], co_units=[])
    assert CreationTask.objects.get().lead_unit == units["sfj"]


def test_task_assign_replaces_lead_and_co_units_keeping_old_dates(task, units):
    kept_at = task.co_unit_links.get(unit=units["gaj"]).assigned_at
    task_assign(task=task, lead_unit=units["mzj"], co_units=[units["gaj"], units["xfj"]])
    task.refresh_from_db()
    assert task.lead_unit == units["mzj"]
    assert set(task.co_units.all()) == {units["gaj"], units["xfj"]}
    assert task.co_unit_links.get(unit=units["gaj"]).assigned_at == kept_at


def test_task_assign_rejects_lead_among_co_units_and_writes_nothing(task, units):
    with pytest.raises(ValidationError, match="协办单位不能包含牵头单位"):
        task_assign(task=task, lead_unit=units["xfj"], co_units=[units["xfj"], units["gaj"]])
    task.refresh_from_db()
    assert task.lead_unit == units["sfj"]
    assert set(task.co_units.all()) == {units["mzj"], units["gaj"]}
