import pytest
from django.core.exceptions import ValidationError

from backend.common.models import SupervisionLevel
from backend.reports.models import Report, ReportEvaluation, ReportStatus, StepAction
from backend.reports.services import (
    report_close,
    report_evaluate,
    report_feedback,
    report_send_back,
    report_sign,
    report_supervision_raise,
    report_verify,
)

pytestmark = pytest.mark.django_db


def fresh(report) -> Report:
    return Report.objects.get(pk=report.pk)


@pytest.fixture
def fed_back(dispatched, water, handler):
    report_sign(report=dispatched, unit=water, actor=handler)
    report_feedback(report=dispatched, unit=water, actor=handler, content="已疏通")
    return fresh(dispatched)


def test_verify_then_close(fed_back, clerk):
    with pytest.raises(ValidationError, match="不能办结"):
        report_close(report=fed_back, actor=clerk)
    report_verify(report=fed_back, actor=clerk, note="现场核查已疏通")
    report_close(report=fed_back, actor=clerk)
    report = fresh(fed_back)
    assert report.status == ReportStatus.CLOSED and report.closed_at is not None
    actions = list(report.steps.values_list("action", flat=True))
    assert actions == ["register", "dispatch", "sign", "feedback", "verify", "close"]


def test_send_back_returns_the_item_to_the_unit_that_fed_back(fed_back, water, clerk, handler):
    with pytest.raises(ValidationError, match="退回重办必须填写理由"):
        report_send_back(report=fed_back, actor=clerk, reason="")
    assert fresh(fed_back).status == ReportStatus.FED_BACK
    report_send_back(report=fed_back, actor=clerk, reason="群众反映仍有积水")
    report = fresh(fed_back)
    assert (report.status, report.current_unit) == (ReportStatus.HANDLING, water)
    report_feedback(report=report, unit=water, actor=handler, content="二次疏通并清淤")
    assert report.steps.get(action=StepAction.REDO).finished_at is not None


def test_send_back_is_refused_before_feedback(dispatched, clerk):
    with pytest.raises(ValidationError, match="不能退回重办"):
        report_send_back(report=dispatched, actor=clerk, reason="未处理")


def test_evaluate_once_after_feedback(fed_back, dispatched):
    evaluation = report_evaluate(
        report=fed_back, solved=True, satisfaction="basically", comment="处理及时"
    )
    assert ReportEvaluation.objects.get().pk == evaluation.pk
    assert fed_back.steps.get(action=StepAction.REVISIT).note == "已解决，基本满意"
    with pytest.raises(ValidationError, match="该事项已评价，不能重复评价"):
        report_evaluate(report=fed_back, solved=False, satisfaction="dissatisfied")
    assert ReportEvaluation.objects.count() == 1


def test_evaluate_with_a_bad_value_writes_nothing(fed_back):
    with pytest.raises(ValidationError) as error:
        report_evaluate(report=fed_back, solved=True, satisfaction="ecstatic")
    assert "satisfaction" in error.value.message_dict
    assert not ReportEvaluation.objects.exists()
    assert not fed_back.steps.filter(action=StepAction.REVISIT).exists()


def test_evaluate_before_feedback_is_refused(submitted):
    with pytest.raises(ValidationError, match="不能评价"):
        report_evaluate(report=submitted, solved=True, satisfaction="satisfied")


def test_supervision_only_goes_up_with_a_reason(dispatched, clerk):
    with pytest.raises(ValidationError, match="督办必须填写理由"):
        report_supervision_raise(report=dispatched, level="yellow", reason="", actor=clerk)
    report_supervision_raise(report=dispatched, level="yellow", reason="超期未办结", actor=clerk)
    assert fresh(dispatched).supervision_level == SupervisionLevel.YELLOW
    for level in ("ordinary", "yellow", "purple"):
        with pytest.raises(ValidationError) as error:
            report_supervision_raise(report=dispatched, level=level, reason="再督", actor=clerk)
        assert "level" in error.value.message_dict
    report_supervision_raise(report=dispatched, level="red", reason="黄牌后仍未办结", actor=clerk)
    assert list(
        dispatched.steps.filter(action=StepAction.SUPERVISE).values_list("note", flat=True)
    ) == ["黄牌督办", "红牌督办"]
