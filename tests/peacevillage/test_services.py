"""The checklist as seeded, automatic items from the disputes, manual items, the score computed by
hand, and the draft → submitted → approved (or returned) path with its refusals."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from backend.areas.models import Area
from backend.org.models import UnitKind
from backend.org.services import unit_create
from backend.peacevillage.models import ChecklistItem
from backend.peacevillage.services import (
    assessment_approve,
    assessment_create,
    assessment_item_set,
    assessment_return,
    assessment_submit,
    sponsor_assign,
    sponsor_end,
    sponsor_on,
)
from tests.eventgraph.conftest import make_dispute
from tests.peacevillage.conftest import WOBEI, results

pytestmark = pytest.mark.django_db
PERIOD, IN_PERIOD = "2025-H2", date(2025, 9, 10)


def decide_all(assessment, failing=()) -> None:
    for code, result in results(assessment).items():
        if not result.auto:
            assessment_item_set(result=result, passed=code not in failing, note="现场查看")


def test_the_seeded_checklist_has_five_haves_and_six_nones_two_automatic():
    items = list(ChecklistItem.objects.order_by("code"))
    assert [i.group for i in items].count("five_have") == 5
    assert [i.group for i in items].count("six_none") == 6
    assert [(i.code, i.text, i.auto_rule) for i in items if i.auto_rule] == [
        ("LW02", "无群体性事件", "no_group_incident"),
        ("LW06", "无重大刑事案件和命案", "no_major_criminal_case"),
    ]


def test_no_group_incident_is_answered_from_the_villages_disputes(wobei):
    make_dispute(WOBEI, IN_PERIOD, scale="01")  # individual: does not count
    make_dispute(WOBEI, date(2025, 6, 30), scale="02")  # the day before the period
    make_dispute(130926102202, IN_PERIOD, scale="03")  # another village
    passing = results(assessment_create(village=wobei, period=PERIOD))["LW02"]
    assert (passing.auto, passing.passed) == (True, True)
    assert passing.note == "期间内无群体性事件（事件规模 02/03）矛盾纠纷记录"
    make_dispute(WOBEI, date(2025, 12, 31), scale="02")
    make_dispute(WOBEI, IN_PERIOD, scale="03")
    failing = results(assessment_create(village=wobei, period="2025-Q4"))["LW02"]
    assert (failing.passed, failing.note) == (
        False,
        "期间内发生群体性事件（事件规模 02/03）矛盾纠纷 1 件",
    )
    manual = results(assessment_create(village=wobei, period="2025-Q3")).values()
    assert all(r.passed is None for r in manual if not r.auto)


@pytest.mark.parametrize(
    ("failing", "score", "qualified"),
    [
        ((), "100.0", True),
        (("WY04",), "90.9", True),  # 100 of 110
        (("LW05",), "90.9", False),  # a 六无 item failed
        (("WY01", "WY02", "LW01"), "72.7", False),  # 80 of 110
    ],
)
def test_the_score_is_the_share_of_weights_passed(wobei, failing, score, qualified):
    assessment = assessment_create(village=wobei, period=PERIOD)
    # the automatic LW02 and LW06 only: 20 of 110
    assert (str(assessment.score), assessment.qualified) == ("18.2", False)
    decide_all(assessment, failing)
    assessment.refresh_from_db()
    assert (str(assessment.score), assessment.qualified) == (score, qualified)


def test_weights_are_data(wobei):
    ChecklistItem.objects.filter(code="WY01").update(weight=30)
    ChecklistItem.objects.filter(code="WY05").update(active=False)
    assessment = assessment_create(village=wobei, period=PERIOD)
    assert "WY05" not in results(assessment)
    decide_all(assessment, failing=("WY01",))
    assessment.refresh_from_db()
    assert str(assessment.score) == "75.0"  # 90 of 120


def test_submit_needs_every_item_and_answers_the_automatic_ones_again(wobei):
    assessment = assessment_create(village=wobei, period=PERIOD)
    with pytest.raises(ValidationError) as error:
        assessment_submit(assessment=assessment)
    assert error.value.messages == ["尚有 9 项未评定，请评定后再提交"]
    decide_all(assessment)
    make_dispute(WOBEI, IN_PERIOD, scale="02")  # recorded after the assessment was opened
    submitted = assessment_submit(assessment=assessment)
    assert submitted.status == "submitted" and submitted.submitted_at is not None
    assert results(submitted)["LW02"].passed is False
    assert (str(submitted.score), submitted.qualified) == ("90.9", False)


def test_items_change_only_in_a_draft_and_automatic_ones_never_by_hand(wobei):
    assessment = assessment_create(village=wobei, period=PERIOD)
    with pytest.raises(ValidationError) as error:
        assessment_item_set(result=results(assessment)["LW02"], passed=False)
    assert error.value.message_dict == {"passed": ["该项由系统根据业务数据自动核验，不能手工修改"]}
    decide_all(assessment)
    assessment_submit(assessment=assessment)
    with pytest.raises(ValidationError) as error:
        assessment_item_set(result=results(assessment)["WY01"], passed=False)
    assert error.value.messages == ["考评当前状态为「已提交」，不能修改考评结果"]


def test_a_submitted_assessment_is_approved_or_returned_with_a_reason(wobei):
    assessment = assessment_create(village=wobei, period=PERIOD)
    decide_all(assessment)
    assessment_submit(assessment=assessment)
    with pytest.raises(ValidationError) as error:
        assessment_return(assessment=assessment, remark=" ")
    assert error.value.message_dict == {"remark": ["请填写退回理由"]}
    returned = assessment_return(assessment=assessment, remark="台账不全，请补充")
    assert (returned.status, returned.remark) == ("draft", "台账不全，请补充")
    with pytest.raises(ValidationError):
        assessment_approve(assessment=assessment)
    assessment_submit(assessment=assessment)
    approved = assessment_approve(assessment=assessment, remark="同意")
    assert approved.status == "approved" and approved.approved_at is not None


def test_creation_is_refused_twice_for_a_future_period_and_outside_villages(wobei):
    assessment_create(village=wobei, period=PERIOD)
    with pytest.raises(ValidationError) as error:
        assessment_create(village=wobei, period=PERIOD)
    assert error.value.message_dict == {"period": ["该村（社区）本周期的考评已存在"]}
    future = f"{(timezone.localdate() + timedelta(days=370)).year}"
    with pytest.raises(ValidationError) as error:
        assessment_create(village=wobei, period=future)
    assert error.value.message_dict == {"period": ["考评周期尚未开始"]}
    with pytest.raises(ValidationError) as error:
        assessment_create(village=Area.objects.get(code=130926102000), period=PERIOD)
    assert error.value.message_dict == {"area": ["须为村（社区）"]}


def test_member_units_sponsor_villages_without_overlap_and_assessments_record_them(wobei):
    city = Area.objects.get(code=130900000000)
    member = unit_create(code="PV-M1", name="市测试成员单位", kind=UnitKind.MEMBER_UNIT, area=city)
    centre = unit_create(
        code="PV-C1", name="测试综治中心", kind=UnitKind.GOVERNANCE_CENTRE, area=city
    )
    with pytest.raises(ValidationError) as error:
        sponsor_assign(village=wobei, unit=centre, start_on=date(2025, 1, 1))
    assert error.value.message_dict == {"unit": ["包联单位须为成员单位"]}
    sponsorship = sponsor_assign(village=wobei, unit=member, start_on=date(2025, 1, 1))
    with pytest.raises(ValidationError) as error:
        sponsor_assign(village=wobei, unit=member, start_on=date(2025, 6, 1))
    assert error.value.message_dict == {"unit": ["该单位在这段时间已包联该村（社区）"]}
    assert sponsor_on(wobei, date(2025, 3, 1)) == member
    assert assessment_create(village=wobei, period=PERIOD).sponsor == member
    sponsor_end(sponsorship=sponsorship, end_on=date(2025, 3, 31))
    assert sponsor_on(wobei, date(2025, 4, 1)) is None
    with pytest.raises(ValidationError) as error:
        sponsor_end(sponsorship=sponsorship, end_on=date(2024, 12, 31))
    assert error.value.message_dict == {"end_on": ["结束日期不能早于开始日期"]}
