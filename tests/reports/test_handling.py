from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from backend.reports.models import DispatchStep, Report, ReportStatus, StepAction
from backend.reports.services import (
    report_approve_extension,
    report_dispatch,
    report_feedback,
    report_request_extension,
    report_return,
    report_sign,
    report_transfer,
)

pytestmark = pytest.mark.django_db


def fresh(report) -> Report:
    return Report.objects.get(pk=report.pk)


def test_sign_by_the_holder_stamps_the_dispatch_step(dispatched, water, handler):
    report_sign(report=dispatched, unit=water, actor=handler)
    assert fresh(dispatched).status == ReportStatus.SIGNED
    dispatch = dispatched.steps.get(action=StepAction.DISPATCH)
    assert dispatch.signed_at is not None and dispatch.finished_at is None
    sign = dispatched.steps.get(action=StepAction.SIGN)
    assert (sign.actor, sign.to_unit) == (handler, water)


def test_only_the_holder_signs_and_only_once(dispatched, water, police, handler):
    with pytest.raises(ValidationError, match="只有当前承办单位可以办理该事项"):
        report_sign(report=dispatched, unit=police, actor=handler)
    assert dispatched.steps.get(action=StepAction.DISPATCH).signed_at is None
    report_sign(report=dispatched, unit=water, actor=handler)
    with pytest.raises(ValidationError, match="不能签收"):
        report_sign(report=dispatched, unit=water, actor=handler)
    assert dispatched.steps.filter(action=StepAction.SIGN).count() == 1


def test_return_needs_a_reason_and_goes_back_to_the_dispatching_centre(
    dispatched, water, centre, handler, clerk, police
):
    with pytest.raises(ValidationError, match="回退必须填写理由"):
        report_return(report=dispatched, unit=water, actor=handler, reason=" ")
    assert fresh(dispatched).status == ReportStatus.DISPATCHED
    report_return(report=dispatched, unit=water, actor=handler, reason="不属于本单位职责")
    report = fresh(dispatched)
    assert (report.status, report.current_unit) == (ReportStatus.RETURNED, centre)
    assert dispatched.steps.get(action=StepAction.DISPATCH).finished_at is not None
    report_dispatch(report=report, actor=clerk, unit=police)
    assert fresh(dispatched).current_unit == police


def test_transfer_moves_the_item_and_the_new_unit_must_sign(
    dispatched, water, police, handler, police_handler
):
    with pytest.raises(ValidationError, match="转派必须填写理由"):
        report_transfer(report=dispatched, unit=water, to_unit=police, actor=handler, reason="")
    with pytest.raises(ValidationError, match="请选择其他在用的承办单位"):
        report_transfer(report=dispatched, unit=water, to_unit=water, actor=handler, reason="x")
    report_transfer(
        report=dispatched,
        unit=water,
        to_unit=police,
        actor=handler,
        reason="涉及治安，由派出所处置",
    )
    report = fresh(dispatched)
    assert (report.status, report.current_unit) == (ReportStatus.DISPATCHED, police)
    transfer = report.steps.get(action=StepAction.TRANSFER)
    assert (transfer.from_unit, transfer.deadline) == (water, report.deadline)
    report_sign(report=report, unit=police, actor=police_handler)
    assert report.steps.get(action=StepAction.TRANSFER).signed_at is not None


@pytest.fixture
def signed(dispatched, water, handler):
    return report_sign(report=dispatched, unit=water, actor=handler)


def test_extension_request_must_be_later_and_reasoned(signed, water, handler):
    count = DispatchStep.objects.count()
    with pytest.raises(ValidationError, match="延期后的期限必须晚于当前期限"):
        report_request_extension(
            report=signed, unit=water, actor=handler, until=signed.deadline, reason="需更换管道"
        )
    with pytest.raises(ValidationError, match="申请延期必须填写理由"):
        report_request_extension(
            report=signed,
            unit=water,
            actor=handler,
            until=signed.deadline + timedelta(days=3),
            reason="",
        )
    assert DispatchStep.objects.count() == count


def test_approved_extension_moves_both_deadlines(signed, water, centre, handler, clerk):
    until = signed.deadline + timedelta(days=3)
    request = report_request_extension(
        report=signed, unit=water, actor=handler, until=until, reason="需更换管道，材料未到"
    )
    assert (request.to_unit, request.finished_at) == (centre, None)
    with pytest.raises(ValidationError, match="已有待审批的延期申请"):
        report_request_extension(
            report=signed, unit=water, actor=handler, until=until + timedelta(days=1), reason="再延"
        )
    report_approve_extension(report=signed, actor=clerk)
    assert fresh(signed).deadline == until
    assert signed.steps.get(action=StepAction.DISPATCH).deadline == until
    with pytest.raises(ValidationError, match="没有待审批的延期申请"):
        report_approve_extension(report=signed, actor=clerk)


def test_refused_extension_keeps_the_deadline_and_needs_a_reason(signed, water, handler, clerk):
    before = signed.deadline
    report_request_extension(
        report=signed,
        unit=water,
        actor=handler,
        until=before + timedelta(days=3),
        reason="材料未到",
    )
    with pytest.raises(ValidationError, match="不同意延期必须填写理由"):
        report_approve_extension(report=signed, actor=clerk, approved=False)
    report_approve_extension(report=signed, actor=clerk, approved=False, reason="期限内可完成")
    assert fresh(signed).deadline == before
    decision = signed.steps.get(action=StepAction.EXTEND_APPROVE)
    assert decision.note == "不同意延期"


def test_feedback_needs_content_and_hands_back_to_the_centre(signed, water, centre, handler):
    with pytest.raises(ValidationError, match="反馈内容不能为空"):
        report_feedback(report=signed, unit=water, actor=handler, content="")
    assert fresh(signed).status == ReportStatus.SIGNED
    step = report_feedback(report=signed, unit=water, actor=handler, content="已疏通管道")
    report = fresh(signed)
    assert (report.status, report.current_unit) == (ReportStatus.FED_BACK, centre)
    assert (step.action, step.note, step.from_unit) == (StepAction.FEEDBACK, "已疏通管道", water)
    assert signed.steps.get(action=StepAction.DISPATCH).finished_at == step.entered_at


def test_feedback_before_signing_is_refused(dispatched, water, handler):
    with pytest.raises(ValidationError, match="不能反馈"):
        report_feedback(report=dispatched, unit=water, actor=handler, content="已处理")
    assert not dispatched.steps.filter(action=StepAction.FEEDBACK).exists()
