from datetime import date, datetime

import pytest
from django.core.exceptions import ValidationError

from backend.areas.models import Area
from backend.disputes.models import (
    DisputeMediator,
    DisputeReview,
    MediationAgreement,
    MediationRecord,
    Status,
)
from backend.disputes.services import (
    agreement_conclude,
    dispute_close,
    mediation_fail,
    mediation_record_add,
    mediators_assign,
    performance_followup,
)
from backend.org.services import unit_create
from backend.teams.services import team_member_create, team_member_deactivate
from tests.disputes.conftest import SHANGHAI, WRITTEN_TERMS

pytestmark = pytest.mark.django_db
SESSION = datetime(2026, 3, 5, 9, tzinfo=SHANGHAI)


def test_assign_mediators_moves_to_assigned_and_records_who(dispute, mediators, actor):
    mediators_assign(dispute=dispute, members=mediators, actor=actor)
    dispute.refresh_from_db()
    assert dispute.status == Status.ASSIGNED
    assert set(dispute.mediators.all()) == set(mediators)
    assert {a.assigned_by for a in DisputeMediator.objects.all()} == {actor}
    mediators_assign(dispute=dispute, members=mediators[:1])  # re-assigning is harmless
    assert DisputeMediator.objects.count() == 2


def test_only_active_mediators_can_be_assigned(dispute, mediators):
    team_member_deactivate(member=mediators[1])
    mediators[1].refresh_from_db()
    with pytest.raises(ValidationError, match="李秀英 不是在岗调解员"):
        mediators_assign(dispute=dispute, members=mediators)
    assert not DisputeMediator.objects.exists()
    dispute.refresh_from_db()
    assert dispute.status == Status.REGISTERED


def test_mediators_must_serve_the_county(dispute, xianxian):
    town = Area.objects.filter(parent=xianxian).first()
    office = unit_create(code="SFS-X", name="献县司法所", kind="judicial_office", area=town)
    stranger = team_member_create(
        name="孙立新",
        team_kind="judicial_office",
        unit=office,
        area=town,
        phone="13831700009",
        is_mediator=True,
    )
    with pytest.raises(ValidationError, match="不属于纠纷发生地所在县"):
        mediators_assign(dispute=dispute, members=[stranger])
    with pytest.raises(ValidationError, match="请至少指派一名调解员"):
        mediators_assign(dispute=dispute, members=[])


def test_record_needs_assigned_mediators(dispute, mediators):
    with pytest.raises(ValidationError, match="纠纷当前状态为“已登记”，不能记录调解"):
        mediation_record_add(
            dispute=dispute,
            held_at=SESSION,
            place="村委会",
            mediators=mediators,
            content="…",
            result="…",
        )
    mediators_assign(dispute=dispute, members=mediators[:1])
    with pytest.raises(ValidationError, match="到场调解员须为本纠纷已指派的调解员"):
        mediation_record_add(
            dispute=dispute,
            held_at=SESSION,
            place="村委会",
            mediators=mediators,
            content="…",
            result="…",
        )
    early = datetime(2026, 3, 1, 9, tzinfo=SHANGHAI)
    with pytest.raises(ValidationError, match="调解时间不能早于受理日期"):
        mediation_record_add(
            dispute=dispute,
            held_at=early,
            place="村委会",
            mediators=mediators[:1],
            content="…",
            result="…",
        )
    assert not MediationRecord.objects.exists()


def test_record_moves_to_mediating(mediating, actor):
    assert mediating.status == Status.MEDIATING
    record = MediationRecord.objects.get()
    assert record.recorded_by == actor and record.mediators.count() == 1


def test_written_agreement_marks_success(agreed):
    assert agreed.status == Status.AGREED and agreed.success is True
    assert agreed.resolved_on == date(2026, 3, 10)
    assert agreed.outcome == WRITTEN_TERMS["terms"]


def test_written_agreement_needs_every_article_29_item(mediating):
    terms = {**WRITTEN_TERMS, "responsibilities": "", "performance_deadline": None}
    with pytest.raises(ValidationError) as error:
        agreement_conclude(dispute=mediating, form="written", signed_on=date(2026, 3, 10), **terms)
    assert error.value.message_dict == {
        "responsibilities": ["书面调解协议须载明此项"],
        "performance_deadline": ["书面调解协议须载明此项"],
    }
    assert not MediationAgreement.objects.exists()
    mediating.refresh_from_db()
    assert mediating.status == Status.MEDIATING and mediating.success is None


def test_written_agreement_date_rules(mediating):
    late = {**WRITTEN_TERMS, "effective_on": date(2026, 3, 9)}
    with pytest.raises(ValidationError, match="生效日期不能早于签订日期"):
        agreement_conclude(dispute=mediating, form="written", signed_on=date(2026, 3, 10), **late)
    with pytest.raises(ValidationError, match="签订日期不能早于受理日期"):
        agreement_conclude(
            dispute=mediating, form="written", signed_on=date(2026, 3, 1), **WRITTEN_TERMS
        )


def test_written_agreement_needs_both_sides(mediating):
    mediating.parties.filter(role="respondent").update(role="third_party")
    with pytest.raises(ValidationError, match="书面调解协议须载明申请人和被申请人"):
        agreement_conclude(
            dispute=mediating, form="written", signed_on=date(2026, 3, 10), **WRITTEN_TERMS
        )


def test_oral_agreement_records_content(mediating):
    with pytest.raises(ValidationError, match="口头协议须记录协议内容"):
        agreement_conclude(dispute=mediating, form="oral", signed_on=date(2026, 3, 6))
    agreement_conclude(
        dispute=mediating, form="oral", signed_on=date(2026, 3, 6), content="李某当场同意退让院墙。"
    )
    mediating.refresh_from_db()
    assert mediating.outcome == "李某当场同意退让院墙。"


def test_agreement_only_while_mediating(dispute):
    with pytest.raises(ValidationError, match="不能达成调解协议"):
        agreement_conclude(dispute=dispute, form="oral", signed_on=date(2026, 3, 6), content="x")


def test_mediation_fail(mediating):
    with pytest.raises(ValidationError, match="请填写调解不成的原因"):
        mediation_fail(dispute=mediating, reason=" ", failed_on=date(2026, 3, 20))
    mediation_fail(
        dispute=mediating, reason="双方分歧过大，引导诉讼。", failed_on=date(2026, 3, 20)
    )
    mediating.refresh_from_db()
    assert (mediating.status, mediating.success) == (Status.FAILED, False)
    with pytest.raises(ValidationError, match="不能终止调解"):
        mediation_fail(dispute=mediating, reason="again", failed_on=date(2026, 3, 21))


def test_followup_then_close(agreed, actor):
    with pytest.raises(ValidationError, match="不能办结"):
        dispute_close(dispute=agreed, closed_on=date(2026, 4, 10))
    with pytest.raises(ValidationError, match="回访日期不能早于达成协议的日期"):
        performance_followup(
            dispute=agreed, visited_on=date(2026, 3, 9), performed=True, opinion="满意"
        )
    performance_followup(
        dispute=agreed, visited_on=date(2026, 4, 2), performed=False, opinion="尚未拆除院墙"
    )
    agreed.refresh_from_db()
    assert agreed.status == Status.AGREED
    performance_followup(
        dispute=agreed,
        visited_on=date(2026, 4, 8),
        performed=True,
        opinion="已履行，双方满意",
        actor=actor,
    )
    agreed.refresh_from_db()
    assert agreed.status == Status.PERFORMED
    assert (agreed.evaluated_on, agreed.evaluation) == (date(2026, 4, 8), "已履行，双方满意")
    assert DisputeReview.objects.filter(dispute=agreed).count() == 2
    with pytest.raises(ValidationError, match="办结日期不能早于化解日期"):
        dispute_close(dispute=agreed, closed_on=date(2026, 3, 1))
    dispute_close(dispute=agreed, closed_on=date(2026, 4, 10))
    agreed.refresh_from_db()
    assert agreed.status == Status.CLOSED and agreed.closed_on == date(2026, 4, 10)


def test_failed_disputes_can_be_closed(mediating):
    mediation_fail(dispute=mediating, reason="调解不成", failed_on=date(2026, 3, 20))
    assert dispute_close(dispute=mediating, closed_on=date(2026, 3, 21)).status == Status.CLOSED
