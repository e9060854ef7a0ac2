from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from backend.assistance.models import (
    RecheckOutcome,
    ReviewStage,
    SubsidyCase,
    SubsidyDecision,
    SubsidyReview,
    SubsidyStatus,
)
from backend.assistance.services import (
    case_end,
    case_recheck,
    case_suspend,
    county_approve,
    payment_start,
    township_review,
)

pytestmark = pytest.mark.django_db
PASS, REJECT = SubsidyDecision.PASS, SubsidyDecision.REJECT


def reviewed(case, units, officer):
    return township_review(case=case, actor=officer, unit=units["township"], decision=PASS)


def approved(case, units, officer, next_year):
    reviewed(case, units, officer)
    return county_approve(
        case=case,
        actor=officer,
        unit=units["county"],
        decision=PASS,
        monthly_amount=Decimal("820.00"),
        recheck_on=next_year,
    )


def paying(case, units, officer, next_year):
    approved(case, units, officer, next_year)
    return payment_start(case=case)


def test_township_review_pass_and_its_record(case, units, officer):
    result = reviewed(case, units, officer)
    assert result.status == SubsidyStatus.TOWNSHIP_REVIEWED
    review = SubsidyReview.objects.get()
    assert (review.stage, review.reviewer, review.unit) == (
        ReviewStage.TOWNSHIP_REVIEW,
        officer,
        units["township"],
    )


def test_township_rejection_needs_an_opinion(case, units, officer):
    with pytest.raises(ValidationError) as error:
        township_review(case=case, actor=officer, unit=units["township"], decision=REJECT)
    assert error.value.message_dict["opinion"] == ["不通过须填写意见"]
    assert not SubsidyReview.objects.exists()
    assert SubsidyCase.objects.get().status == SubsidyStatus.APPLIED
    township_review(
        case=case,
        actor=officer,
        unit=units["township"],
        decision=REJECT,
        opinion="家庭人均收入高于当地低保标准",
    )
    assert SubsidyCase.objects.get().status == SubsidyStatus.REJECTED


@pytest.mark.parametrize("unit_key", ["other_township", "county"])
def test_township_review_belongs_to_the_villages_township(case, units, officer, unit_key):
    with pytest.raises(ValidationError, match="乡镇审核须由该村（社区）所属乡镇的单位办理"):
        township_review(case=case, actor=officer, unit=units[unit_key], decision=PASS)
    assert not SubsidyReview.objects.exists()


def test_county_approval_sets_amount_and_recheck_date(case, units, officer, next_year):
    result = approved(case, units, officer, next_year)
    assert result.status == SubsidyStatus.APPROVED
    assert (result.monthly_amount, result.recheck_on) == (Decimal("820.00"), next_year)
    assert result.approved_on == timezone.localdate()


@pytest.mark.parametrize(
    ("amount", "recheck_days", "field", "message"),
    [
        (None, 365, "monthly_amount", "审批通过须核定月救助金额"),
        (Decimal("-1"), 365, "monthly_amount", "0"),
        (Decimal("500"), None, "recheck_on", "审批通过须确定下次复核日期"),
        (Decimal("500"), 0, "recheck_on", "下次复核日期须晚于审批日期"),
    ],
)
def test_county_approval_rules_write_nothing(
    case, units, officer, amount, recheck_days, field, message
):
    reviewed(case, units, officer)
    recheck_on = None if recheck_days is None else timezone.localdate() + timedelta(recheck_days)
    with pytest.raises(ValidationError) as error:
        county_approve(
            case=case,
            actor=officer,
            unit=units["county"],
            decision=PASS,
            monthly_amount=amount,
            recheck_on=recheck_on,
        )
    assert message in " ".join(error.value.message_dict[field])
    assert SubsidyReview.objects.count() == 1
    assert SubsidyCase.objects.get().status == SubsidyStatus.TOWNSHIP_REVIEWED


def test_county_approval_only_after_township_review_and_by_its_county(case, units, officer):
    with pytest.raises(ValidationError, match="只有乡镇已审核的案件可以进行县级审批"):
        county_approve(
            case=case, actor=officer, unit=units["county"], decision=REJECT, opinion="不符合条件"
        )
    reviewed(case, units, officer)
    with pytest.raises(ValidationError, match="县级审批须由该村（社区）所属县（市、区）的单位办理"):
        county_approve(
            case=case,
            actor=officer,
            unit=units["other_county"],
            decision=REJECT,
            opinion="不符合条件",
        )
    result = county_approve(
        case=case,
        actor=officer,
        unit=units["county"],
        decision=REJECT,
        opinion="赡养人有能力履行赡养义务",
    )
    assert result.status == SubsidyStatus.REJECTED
    assert result.monthly_amount is None


def test_payment_starts_only_after_approval(case, units, officer, next_year):
    with pytest.raises(ValidationError, match="只有县级已审批的案件可以开始发放"):
        payment_start(case=case)
    assert paying(case, units, officer, next_year).status == SubsidyStatus.PAYING


def test_recheck_continues_with_a_new_date_and_amount(case, units, officer, next_year):
    paying(case, units, officer, next_year)
    later = next_year + timedelta(days=365)
    result = case_recheck(
        case=case,
        actor=officer,
        unit=units["township"],
        outcome=RecheckOutcome.CONTINUE,
        recheck_on=later,
        monthly_amount=Decimal("760.00"),
    )
    assert (result.status, result.recheck_on, result.monthly_amount) == (
        SubsidyStatus.PAYING,
        later,
        Decimal("760.00"),
    )
    assert SubsidyReview.objects.filter(stage=ReviewStage.RECHECK, decision=PASS).count() == 1


def test_recheck_to_continue_needs_a_future_date(case, units, officer, next_year):
    paying(case, units, officer, next_year)
    with pytest.raises(ValidationError, match="继续发放须确定晚于今天的下次复核日期"):
        case_recheck(
            case=case,
            actor=officer,
            unit=units["county"],
            outcome=RecheckOutcome.CONTINUE,
            recheck_on=timezone.localdate(),
        )
    assert not SubsidyReview.objects.filter(stage=ReviewStage.RECHECK).exists()
    assert SubsidyCase.objects.get().recheck_on == next_year


def test_recheck_can_suspend_and_later_resume(case, units, officer, next_year):
    paying(case, units, officer, next_year)
    with pytest.raises(ValidationError, match="不通过须填写意见"):
        case_recheck(
            case=case, actor=officer, unit=units["township"], outcome=RecheckOutcome.SUSPEND
        )
    suspended = case_recheck(
        case=case,
        actor=officer,
        unit=units["township"],
        outcome=RecheckOutcome.SUSPEND,
        opinion="外出务工收入增加，待核实",
    )
    assert suspended.status == SubsidyStatus.SUSPENDED
    resumed = case_recheck(
        case=case,
        actor=officer,
        unit=units["township"],
        outcome=RecheckOutcome.CONTINUE,
        recheck_on=next_year,
    )
    assert resumed.status == SubsidyStatus.PAYING


def test_recheck_rejects_an_unknown_outcome_and_other_units(case, units, officer, next_year):
    paying(case, units, officer, next_year)
    with pytest.raises(ValidationError, match="复核结论无效"):
        case_recheck(case=case, actor=officer, unit=units["township"], outcome="maybe")
    with pytest.raises(ValidationError, match="复核须由"):
        case_recheck(
            case=case,
            actor=officer,
            unit=units["other_township"],
            outcome=RecheckOutcome.END,
            opinion="死亡",
        )
    assert SubsidyCase.objects.get().status == SubsidyStatus.PAYING


def test_recheck_only_for_paying_or_suspended_cases(case, units, officer):
    with pytest.raises(ValidationError, match="只有发放中或已暂停的案件可以复核"):
        case_recheck(
            case=case,
            actor=officer,
            unit=units["township"],
            outcome=RecheckOutcome.END,
            opinion="死亡",
        )


def test_suspend_and_end_need_a_reason(case, units, officer, next_year):
    paying(case, units, officer, next_year)
    with pytest.raises(ValidationError, match="不通过须填写意见"):
        case_suspend(case=case, actor=officer, unit=units["township"], reason=" ")
    assert SubsidyCase.objects.get().status == SubsidyStatus.PAYING
    case_suspend(case=case, actor=officer, unit=units["township"], reason="未按规定配合复核")
    with pytest.raises(ValidationError, match="只有发放中的案件可以暂停"):
        case_suspend(case=case, actor=officer, unit=units["township"], reason="重复")
    with pytest.raises(ValidationError, match="不通过须填写意见"):
        case_end(case=case, actor=officer, unit=units["county"], reason="")
    ended = case_end(case=case, actor=officer, unit=units["county"], reason="户籍迁出本县")
    assert ended.status == SubsidyStatus.ENDED
    stages = list(SubsidyReview.objects.filter(decision=REJECT).values_list("stage", flat=True))
    assert stages == [ReviewStage.SUSPENSION, ReviewStage.TERMINATION]


def test_an_ended_case_frees_the_person_for_a_new_application(
    case, units, officer, next_year, application
):
    from backend.assistance.services import case_apply

    paying(case, units, officer, next_year)
    case_end(case=case, actor=officer, unit=units["county"], reason="收入超过标准")
    with pytest.raises(ValidationError, match="只有已审批、发放中或已暂停的案件可以终止"):
        case_end(case=case, actor=officer, unit=units["county"], reason="再次终止")
    assert case_apply(**application).status == SubsidyStatus.APPLIED
