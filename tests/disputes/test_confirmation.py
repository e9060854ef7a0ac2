from datetime import date

import pytest
from django.core.exceptions import ValidationError

from backend.disputes.models import JudicialConfirmation, MediationAgreement, Ruling, Status
from backend.disputes.services import (
    agreement_conclude,
    dispute_close,
    judicial_confirmation_accept,
    judicial_confirmation_apply,
    judicial_confirmation_rule,
    performance_followup,
)
from backend.org.services import unit_create

pytestmark = pytest.mark.django_db
EFFECTIVE = date(2026, 3, 10)  # WRITTEN_TERMS["effective_on"]
CASE = "（2026）冀0926民特15号"


@pytest.fixture
def applied(agreed, court) -> JudicialConfirmation:
    return judicial_confirmation_apply(dispute=agreed, court=court, applied_on=date(2026, 3, 20))


def test_apply_within_30_days(agreed, court):
    with pytest.raises(ValidationError) as error:
        judicial_confirmation_apply(dispute=agreed, court=court, applied_on=date(2026, 4, 10))
    assert error.value.message_dict["applied_on"] == ["须在调解协议生效之日起 30 日内申请司法确认"]
    assert not JudicialConfirmation.objects.exists()
    last_day = judicial_confirmation_apply(dispute=agreed, court=court, applied_on=date(2026, 4, 9))
    assert last_day.ruling == Ruling.PENDING


def test_apply_must_be_joint(agreed, court):
    with pytest.raises(ValidationError) as error:
        judicial_confirmation_apply(
            dispute=agreed, court=court, applied_on=date(2026, 3, 20), joint_application=False
        )
    assert error.value.message_dict["joint_application"] == ["司法确认须由双方当事人共同申请"]


def test_apply_to_a_court_of_the_place(agreed, xianxian, suning, centre):
    other = unit_create(code="FY-130929", name="献县人民法院", kind="court", area=xianxian)
    with pytest.raises(ValidationError, match="纠纷发生地不在该法院辖区内"):
        judicial_confirmation_apply(dispute=agreed, court=other, applied_on=date(2026, 3, 20))
    with pytest.raises(ValidationError, match="司法确认须向人民法院或人民法庭申请"):
        judicial_confirmation_apply(dispute=agreed, court=centre, applied_on=date(2026, 3, 20))


def test_only_written_agreements_once(mediating, court):
    agreement_conclude(dispute=mediating, form="oral", signed_on=EFFECTIVE, content="当场履行")
    with pytest.raises(ValidationError, match="只有书面调解协议可以申请司法确认"):
        judicial_confirmation_apply(dispute=mediating, court=court, applied_on=EFFECTIVE)


def test_apply_twice_is_refused(applied, agreed, court):
    with pytest.raises(ValidationError, match="该调解协议已申请司法确认"):
        judicial_confirmation_apply(dispute=agreed, court=court, applied_on=date(2026, 3, 21))


def test_apply_needs_an_agreement(dispute, court):
    with pytest.raises(ValidationError, match="不能申请司法确认"):
        judicial_confirmation_apply(dispute=dispute, court=court, applied_on=EFFECTIVE)


@pytest.mark.parametrize(
    ("accepted_on", "case_number", "field", "message"),
    [
        (date(2026, 3, 19), CASE, "accepted_on", "受理日期须在申请之日起 3 日内"),
        (date(2026, 3, 24), CASE, "accepted_on", "受理日期须在申请之日起 3 日内"),
        (
            date(2026, 3, 21),
            "2026-15",
            "case_number",
            "案号格式不正确（应如“（2026）冀0926民特123号”）",
        ),
        (date(2026, 3, 21), " ", "case_number", "请填写案号"),
    ],
)
def test_accept_rules(applied, accepted_on, case_number, field, message):
    with pytest.raises(ValidationError) as error:
        judicial_confirmation_accept(
            confirmation=applied, accepted_on=accepted_on, case_number=case_number
        )
    assert error.value.message_dict[field] == [message]
    applied.refresh_from_db()
    assert applied.accepted_on is None and applied.case_number == ""


def test_accept_and_rule_valid(applied, agreed):
    judicial_confirmation_accept(
        confirmation=applied, accepted_on=date(2026, 3, 23), case_number="（2014）肃民调确字第12号"
    )
    with pytest.raises(ValidationError, match="该申请已受理"):
        judicial_confirmation_accept(
            confirmation=applied, accepted_on=date(2026, 3, 23), case_number=CASE
        )
    with pytest.raises(ValidationError, match="裁定日期不能早于受理日期"):
        judicial_confirmation_rule(confirmation=applied, ruling="valid", ruled_on=date(2026, 3, 22))
    judicial_confirmation_rule(confirmation=applied, ruling="valid", ruled_on=date(2026, 3, 25))
    applied.refresh_from_db()
    assert applied.ruling == Ruling.VALID
    agreed.refresh_from_db()
    assert agreed.status == Status.AGREED and agreed.success is True
    with pytest.raises(ValidationError, match="只有已受理、尚未裁定的申请可以裁定"):
        judicial_confirmation_rule(
            confirmation=applied, ruling="invalid", ruled_on=date(2026, 3, 26), next_step="litigate"
        )


def test_rule_needs_acceptance_and_a_ruling(applied):
    with pytest.raises(ValidationError, match="只有已受理、尚未裁定的申请可以裁定"):
        judicial_confirmation_rule(confirmation=applied, ruling="valid", ruled_on=date(2026, 3, 25))
    judicial_confirmation_accept(
        confirmation=applied, accepted_on=date(2026, 3, 21), case_number=CASE
    )
    with pytest.raises(ValidationError, match="裁定结果须为确认有效或确认无效"):
        judicial_confirmation_rule(
            confirmation=applied, ruling="pending", ruled_on=date(2026, 3, 25)
        )
    with pytest.raises(ValidationError, match="裁定无效时须选择重新调解或引导诉讼"):
        judicial_confirmation_rule(
            confirmation=applied, ruling="invalid", ruled_on=date(2026, 3, 25)
        )
    applied.refresh_from_db()
    assert applied.ruling == Ruling.PENDING


def test_invalid_ruling_sends_the_dispute_back_to_mediation(applied, agreed):
    judicial_confirmation_accept(
        confirmation=applied, accepted_on=date(2026, 3, 21), case_number=CASE
    )
    judicial_confirmation_rule(
        confirmation=applied, ruling="invalid", ruled_on=date(2026, 3, 25), next_step="remediate"
    )
    agreed.refresh_from_db()
    assert (agreed.status, agreed.success, agreed.resolved_on) == (Status.MEDIATING, None, None)
    assert MediationAgreement.objects.get().voided
    # a new agreement may now be concluded: the voided one stays for the record
    agreement_conclude(dispute=agreed, form="oral", signed_on=date(2026, 3, 28), content="重新达成")
    assert MediationAgreement.objects.filter(dispute=agreed).count() == 2


def test_invalid_ruling_with_litigation_advice_fails_the_dispute(applied, agreed):
    judicial_confirmation_accept(
        confirmation=applied, accepted_on=date(2026, 3, 21), case_number=CASE
    )
    judicial_confirmation_rule(
        confirmation=applied, ruling="invalid", ruled_on=date(2026, 3, 25), next_step="litigate"
    )
    agreed.refresh_from_db()
    assert (agreed.status, agreed.success) == (Status.FAILED, False)
    assert "提起诉讼" in agreed.outcome


def test_close_waits_for_a_pending_confirmation(applied, agreed):
    performance_followup(dispute=agreed, visited_on=date(2026, 3, 30), performed=True, opinion="好")
    with pytest.raises(ValidationError, match="司法确认尚在审查中，不能办结"):
        dispute_close(dispute=agreed, closed_on=date(2026, 4, 1))
