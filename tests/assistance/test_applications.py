from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from backend.assistance.models import HouseholdMember, SubsidyCase, SubsidyKind, SubsidyStatus
from backend.assistance.services import (
    case_apply,
    case_update,
    household_member_add,
    household_member_remove,
)
from tests.assistance.conftest import APPLICANT_ID, SPOUSE_ID, resident_id

pytestmark = pytest.mark.django_db


def test_apply_numbers_the_case_per_kind_county_and_year(case, application):
    year = timezone.localdate().year
    assert case.number == f"DB-130926-{year}-000001"
    assert case.status == SubsidyStatus.APPLIED
    assert case.members.get().relation == "spouse"
    other = case_apply(
        **{**application, "kind": SubsidyKind.TEKUN, "household_size": 1, "members": []}
    )
    assert other.number == f"TK-130926-{year}-000001"


def assert_nothing_written() -> None:
    assert not SubsidyCase.objects.exists()
    assert not HouseholdMember.objects.exists()


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"applicant_id_number": APPLICANT_ID[:-1] + "0"}, "applicant_id_number", "校验位不正确"),
        ({"applicant_phone": "12345"}, "applicant_phone", "电话号码格式不正确"),
        ({"household_size": 0}, "household_size", "1"),
        ({"kind": SubsidyKind.STUDENT}, "school_name", "学生生活补助须填写就读学校和年级"),
        ({"applied_on": timezone.localdate() + timedelta(days=2)}, "applied_on", "不能晚于今天"),
    ],
)
def test_bad_application_writes_nothing_and_never_echoes_the_id(
    application, change, field, message
):
    with pytest.raises(ValidationError) as error:
        case_apply(**{**application, **change})
    assert message in " ".join(error.value.message_dict[field])
    assert APPLICANT_ID[:17] not in str(error.value)
    assert_nothing_written()


def test_a_case_must_be_registered_to_a_village(application, suning_town):
    with pytest.raises(ValidationError) as error:
        case_apply(**{**application, "area": suning_town})
    assert error.value.message_dict["area"] == ["救助案件须登记到村（社区）"]
    assert_nothing_written()


def test_a_bad_household_member_rolls_back_the_whole_application(application):
    members = [{"name": "李国华", "relation": "spouse", "id_number": "130926"}]
    with pytest.raises(ValidationError) as error:
        case_apply(**{**application, "members": members})
    assert "130926" not in " ".join(error.value.messages)
    assert_nothing_written()


def test_more_members_than_the_household_holds_is_rejected(application):
    extra = {"name": "李强", "relation": "child", "id_number": SPOUSE_ID}
    with pytest.raises(ValidationError, match="家庭成员人数已达到家庭人口数"):
        case_apply(**{**application, "members": [*application["members"], extra]})
    assert_nothing_written()


def test_one_open_case_per_person_and_kind(case, application):
    with pytest.raises(ValidationError) as error:
        case_apply(**application)
    assert error.value.message_dict["applicant_id_number"] == ["该申请人已有同类别的在办救助案件"]
    assert APPLICANT_ID not in str(error.value)
    assert SubsidyCase.objects.count() == 1
    SubsidyCase.objects.filter(pk=case.pk).update(status=SubsidyStatus.REJECTED)
    assert case_apply(**application).pk != case.pk


def test_the_database_also_refuses_a_second_open_case(case):
    duplicate = SubsidyCase.objects.get(pk=case.pk)
    duplicate.pk, duplicate.number = None, "DB-130926-2026-999999"
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "该申请人已有同类别的在办救助案件" in error.value.messages


def test_case_update_while_applied(case):
    case_update(case=case, data={"applicant_phone": "13931798765", "household_size": 3})
    assert SubsidyCase.objects.get().household_size == 3
    with pytest.raises(ValidationError, match="不可修改的字段"):
        case_update(case=case, data={"status": SubsidyStatus.PAYING})
    with pytest.raises(ValidationError, match="家庭人口少于已登记的家庭成员人数"):
        case_update(case=case, data={"household_size": 1})
    assert SubsidyCase.objects.get().status == SubsidyStatus.APPLIED


def test_no_changes_after_the_township_review(case):
    SubsidyCase.objects.filter(pk=case.pk).update(status=SubsidyStatus.TOWNSHIP_REVIEWED)
    with pytest.raises(ValidationError, match="乡镇审核后不能再修改申请信息"):
        case_update(case=case, data={"household_size": 3})
    with pytest.raises(ValidationError, match="乡镇审核后不能再修改申请信息"):
        household_member_remove(member=case.members.get())
    assert case.members.count() == 1


def test_household_members_can_be_added_and_removed_while_applied(case):
    case_update(case=case, data={"household_size": 3})
    member = household_member_add(case=case, name="李强", relation="child", id_number=SPOUSE_ID)
    assert case.members.count() == 2
    household_member_remove(member=member)
    assert case.members.count() == 1


def test_changing_the_id_number_into_another_open_case_is_refused(case, application):

    other = case_apply(**{**application, "applicant_id_number": resident_id("13092619700101002")})
    with pytest.raises(ValidationError) as error:
        case_update(case=other, data={"applicant_id_number": APPLICANT_ID})
    assert "该申请人已有同类别的在办救助案件" in error.value.messages
    assert APPLICANT_ID not in str(error.value)
    assert SubsidyCase.objects.get(pk=other.pk).applicant_id_number != APPLICANT_ID
