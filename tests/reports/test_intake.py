from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from backend.reports.models import DispatchStep, Report, ReportStatus, StepAction
from backend.reports.services import (
    report_category_update,
    report_dispatch,
    report_submit,
)
from backend.reports.services.intake import next_report_number

pytestmark = pytest.mark.django_db


def submit(category, area, centre, **overrides):
    values = dict(
        source="resident",
        category=category,
        area=area,
        title="路灯不亮",
        description="小区门口路灯连续三晚不亮",
        reporter_phone="13912345678",
        centre=centre,
    )
    return report_submit(**{**values, **overrides})


def test_submit_registers_with_a_yearly_number_and_a_register_step(submitted, centre, clerk):
    year = timezone.localtime().year
    assert submitted.number == f"SJ-{year}-0000001"
    assert submitted.status == ReportStatus.REGISTERED
    assert submitted.current_unit == centre
    step = submitted.steps.get()
    assert (step.action, step.to_unit, step.actor) == (StepAction.REGISTER, centre, clerk)
    assert next_report_number(year) == f"SJ-{year}-0000002"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"reporter_phone": "12345"}, "reporter_phone", "电话号码格式不正确"),
        ({"title": "  "}, "title", "不能为空"),
        ({"latitude": "38.4"}, "latitude", "经纬度须同时填写"),
    ],
)
def test_submit_rejects_bad_input_and_writes_nothing(
    sewer, village, centre, overrides, field, message
):
    with pytest.raises(ValidationError) as error:
        submit(sewer, village, centre, **overrides)
    assert field in error.value.message_dict
    assert message in " ".join(error.value.message_dict[field])
    assert not Report.objects.exists() and not DispatchStep.objects.exists()


def test_submit_keeps_the_phone_out_of_the_error(sewer, village, centre):
    with pytest.raises(ValidationError) as error:
        submit(sewer, village, centre, reporter_phone="1381234567X")
    assert "1381234567X" not in str(error.value)


def test_submit_needs_a_township_or_village_area(sewer, suning, centre):
    with pytest.raises(ValidationError, match="必须是乡镇（街道）或村（社区）"):
        submit(sewer, suning, centre)
    assert not Report.objects.exists()


def test_submit_rejects_an_inactive_category(sewer, village, centre):
    report_category_update(category=sewer, data={"active": False})
    with pytest.raises(ValidationError, match="该事项类别已停用"):
        submit(sewer, village, centre)
    assert not Report.objects.exists()


def test_dispatch_uses_the_catalogue_and_the_category_time_limit(dispatched, centre, water):
    assert dispatched.status == ReportStatus.DISPATCHED
    assert dispatched.current_unit == water
    step = dispatched.steps.get(action=StepAction.DISPATCH)
    assert (step.from_unit, step.to_unit, step.deadline) == (centre, water, dispatched.deadline)
    expected = step.entered_at + timedelta(hours=7 * 24)
    assert dispatched.deadline == expected


def test_dispatch_to_an_explicit_unit(submitted, police, clerk):
    report = report_dispatch(report=submitted, actor=clerk, unit=police)
    assert Report.objects.get(pk=report.pk).current_unit == police


def test_dispatch_without_a_catalogue_entry_asks_for_a_unit(submitted, clerk):
    with pytest.raises(ValidationError, match="派单目录中没有该类别和区划的承办单位"):
        report_dispatch(report=submitted, actor=clerk)
    assert Report.objects.get(pk=submitted.pk).status == ReportStatus.REGISTERED
    assert submitted.steps.count() == 1


def test_dispatch_twice_is_refused(dispatched, police, clerk):
    with pytest.raises(ValidationError, match="事项当前状态为“已派单”，不能派单"):
        report_dispatch(report=dispatched, actor=clerk, unit=police)
    assert dispatched.steps.filter(action=StepAction.DISPATCH).count() == 1
