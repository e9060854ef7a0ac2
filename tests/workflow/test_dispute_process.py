"""The dispute process (人民调解) through the engine: the full path, the judicial confirmation's
outcomes, every illegal transition refused without a write, and who may fire what."""

from datetime import date, datetime

import pytest
from django.core.exceptions import ValidationError

from backend.accounts.models import User
from backend.accounts.roles import Role
from backend.accounts.services import user_create
from backend.audit.models import AuditAction, AuditEntry
from backend.disputes.models import (
    Dispute,
    DisputeMediator,
    DisputeReview,
    JudicialConfirmation,
    MediationAgreement,
    MediationRecord,
    Status,
)
from backend.disputes.services import dispute_register, dispute_supervision_raise
from backend.disputes.workflow import DISPUTE
from backend.org.models import UnitKind
from backend.org.services import membership_grant, unit_create
from backend.workflow.engine import available, fire
from backend.workflow.errors import NotPermitted
from backend.workflow.models import Supervision, TransitionRecord
from backend.workflow.registry import process_for
from tests.disputes import conftest as disputes
from tests.disputes.conftest import SHANGHAI, WRITTEN_TERMS, party

# The dispute fixtures (the workflow conftest's report fixtures share some of these names).
actor, agreed, centre, court = disputes.actor, disputes.agreed, disputes.centre, disputes.court
dispute, dispute_values, mediating = disputes.dispute, disputes.dispute_values, disputes.mediating
mediators, village = disputes.mediators, disputes.village

pytestmark = pytest.mark.django_db
PASSWORD = "Zl-demo-2026!"
CASE = "（2026）冀0926民特15号"


@pytest.fixture
def mediator_user(mediators):
    """A mediator of the township's judicial office: works on the disputes assigned to its staff."""
    user = user_create(username="sfs", password=PASSWORD, full_name="张建国")
    office = mediators[0].unit
    membership_grant(user=user, role=Role.MEDIATOR, scope=office.area, unit=office)
    return user


@pytest.fixture
def county_user(suning):
    """The county's governance centre: may change every dispute of the county, holds none."""
    unit = unit_create(
        code="ZZ-130926", name="肃宁县综治中心", kind=UnitKind.GOVERNANCE_CENTRE, area=suning
    )
    user = user_create(username="county", password=PASSWORD, full_name="刘洋")
    membership_grant(user=user, role=Role.COUNTY_CENTRE, scope=suning, unit=unit)
    return user


@pytest.fixture
def court_user(court, suning):
    """The court system's account: enters the court's acceptance and ruling."""
    user = user_create(username="court", password=PASSWORD, full_name="法院系统")
    membership_grant(user=user, role=Role.INTEGRATOR, scope=suning, unit=court)
    return user


def history(dispute: Dispute) -> list[tuple[str, str, str]]:
    records = TransitionRecord.objects.filter(object_type="disputes.dispute", object_id=dispute.pk)
    return [(r.transition, r.from_state, r.to_state) for r in records]


def test_the_process_is_registered():
    assert process_for(Dispute) is DISPUTE


def test_the_full_path(dispute, mediators, court, actor, mediator_user, court_user):
    office = mediators[0].unit
    ids = [m.pk for m in mediators]
    fire(DISPUTE, dispute, "assign", actor=actor, data={"members": ids})
    session = fire(
        DISPUTE, dispute, "record", actor=mediator_user,
        data={"held_at": datetime(2026, 3, 5, 9, tzinfo=SHANGHAI), "place": "东关村调解室",
              "mediators": ids[:1], "content": "听取双方陈述。", "result": "同意以界石为准"},
    )  # fmt: skip
    assert isinstance(session, MediationRecord) and session.recorded_by == mediator_user
    data = {"form": "written", "signed_on": date(2026, 3, 10), **WRITTEN_TERMS}
    agreement = fire(DISPUTE, dispute, "conclude", actor=actor, data=data)
    assert isinstance(agreement, MediationAgreement)
    data = {"court": court, "applied_on": date(2026, 3, 20)}
    confirmation = fire(DISPUTE, dispute, "apply_confirmation", actor=actor, data=data)
    data = {"confirmation": confirmation, "accepted_on": date(2026, 3, 21), "case_number": CASE}
    fire(DISPUTE, dispute, "accept_confirmation", actor=court_user, data=data)
    data = {"confirmation": confirmation, "ruling": "valid", "ruled_on": date(2026, 3, 25)}
    fire(DISPUTE, dispute, "rule_confirmation", actor=court_user, data=data)
    data = {"visited_on": date(2026, 4, 2), "performed": True, "opinion": "已履行"}
    review = fire(DISPUTE, dispute, "followup", actor=mediator_user, data=data)
    assert isinstance(review, DisputeReview)
    closed = fire(DISPUTE, dispute, "close", actor=actor, data={"closed_on": date(2026, 4, 3)})
    assert (closed.status, closed.closed_on, closed.success) == (
        Status.CLOSED,
        date(2026, 4, 3),
        True,
    )
    S = Status
    assert history(dispute) == [
        ("assign", S.REGISTERED, S.ASSIGNED),
        ("record", S.ASSIGNED, S.MEDIATING),
        ("conclude", S.MEDIATING, S.AGREED),
        ("apply_confirmation", S.AGREED, S.AGREED),
        ("accept_confirmation", S.AGREED, S.AGREED),
        ("rule_confirmation", S.AGREED, S.AGREED),
        ("followup", S.AGREED, S.PERFORMED),
        ("close", S.PERFORMED, S.CLOSED),
    ]
    recorded = TransitionRecord.objects.get(object_id=dispute.pk, transition="record")
    assert (recorded.actor, recorded.unit) == (mediator_user, office)
    accepted = TransitionRecord.objects.get(object_id=dispute.pk, transition="accept_confirmation")
    assert accepted.payload["confirmation"] == confirmation.pk
    entries = AuditEntry.objects.filter(action=AuditAction.TRANSITION, object_id=str(dispute.pk))
    assert entries.count() == 8


def _accepted(agreed, court) -> JudicialConfirmation:
    data = {"court": court, "applied_on": date(2026, 3, 20)}
    confirmation = fire(DISPUTE, agreed, "apply_confirmation", actor=None, data=data)
    data = {"confirmation": confirmation, "accepted_on": date(2026, 3, 22), "case_number": CASE}
    return fire(DISPUTE, agreed, "accept_confirmation", actor=None, data=data)


@pytest.mark.parametrize(
    ("next_step", "status", "success"),
    [("remediate", Status.MEDIATING, None), ("litigate", Status.FAILED, False)],
)
def test_an_invalid_ruling_decides_the_dispute(agreed, court, next_step, status, success):
    confirmation = _accepted(agreed, court)
    data = {"confirmation": confirmation, "ruling": "invalid", "ruled_on": date(2026, 3, 25)}
    fire(DISPUTE, agreed, "rule_confirmation", actor=None, data={**data, "next_step": next_step})
    fresh = Dispute.objects.get(pk=agreed.pk)
    assert (fresh.status, fresh.success) == (status, success)
    assert MediationAgreement.objects.get(dispute=agreed).voided
    assert history(agreed)[-1] == ("rule_confirmation", Status.AGREED, status)


def test_a_confirmation_of_another_dispute_is_refused(agreed, court, dispute_values):
    confirmation = _accepted(agreed, court)
    other = dispute_register(**dispute_values, parties=[party()])
    Dispute.objects.filter(pk=other.pk).update(status=Status.AGREED)
    data = {"confirmation": confirmation, "accepted_on": date(2026, 3, 22), "case_number": CASE}
    with pytest.raises(ValidationError, match="该纠纷没有这一司法确认申请"):
        fire(DISPUTE, other, "accept_confirmation", actor=None, data=data)


# Every transition from every state it does not start from.
REFUSED = [
    (transition.name, state)
    for transition in DISPUTE.transitions
    for state in Status.values
    if state not in transition.sources
]


def counts() -> tuple[int, ...]:
    models = (
        TransitionRecord,
        AuditEntry,
        DisputeMediator,
        MediationRecord,
        MediationAgreement,
        JudicialConfirmation,
        DisputeReview,
        Supervision,
    )
    return tuple(model.objects.count() for model in models)


@pytest.mark.parametrize(("name", "state"), REFUSED)
def test_every_transition_is_refused_outside_its_states(agreed, name, state):
    Dispute.objects.filter(pk=agreed.pk).update(status=state)
    before = counts()
    with pytest.raises(ValidationError) as refused:
        fire(DISPUTE, agreed, name, actor=None, data={})
    assert refused.value.code == "invalid_state"
    assert "纠纷当前状态为" in refused.value.messages[0]
    assert counts() == before
    assert Dispute.objects.get(pk=agreed.pk).status == state


def names(dispute: Dispute, user) -> list[str]:
    return [t.name for t in available(DISPUTE, Dispute.objects.get(pk=dispute.pk), user)]


def test_available_to_the_holder_and_to_an_overseer(mediating, actor, county_user):
    Dispute.objects.filter(pk=mediating.pk).update(status=Status.REGISTERED)
    assert names(mediating, actor) == ["assign"]
    assert names(mediating, county_user) == ["assign", "supervise"]
    Dispute.objects.filter(pk=mediating.pk).update(status=Status.MEDIATING)
    assert names(mediating, actor) == ["assign", "record", "conclude", "fail"]
    assert names(mediating, county_user) == ["assign", "supervise"]


def test_available_follows_the_confirmation(agreed, court, actor, court_user):
    assert names(agreed, actor) == ["followup", "apply_confirmation"]
    assert "accept_confirmation" not in names(agreed, court_user)
    data = {"court": court, "applied_on": date(2026, 3, 20)}
    fire(DISPUTE, agreed, "apply_confirmation", actor=actor, data=data)
    assert names(agreed, actor) == ["followup", "accept_confirmation"]
    assert "accept_confirmation" in names(agreed, court_user)


def test_mediators_units_hold_the_dispute_once_assigned(dispute, mediators, actor, mediator_user):
    session = {
        "held_at": datetime(2026, 3, 5, 9, tzinfo=SHANGHAI),
        "place": "司法所",
        "mediators": [mediators[0].pk],
        "content": "…",
        "result": "…",
    }
    with pytest.raises(NotPermitted):  # not yet theirs: it reads like a missing dispute
        fire(DISPUTE, dispute, "assign", actor=mediator_user, data={"members": [mediators[0].pk]})
    fire(DISPUTE, dispute, "assign", actor=actor, data={"members": [mediators[0].pk]})
    assert fire(DISPUTE, dispute, "record", actor=mediator_user, data=session).pk


def test_only_holders_mediate_and_only_others_supervise(mediating, county_user, actor, city):
    data = {"reason": "超期未化解", "level": "yellow"}
    with pytest.raises(NotPermitted):
        fire(DISPUTE, mediating, "fail", actor=county_user, data={"reason": "x"})
    with pytest.raises(NotPermitted):  # a township centre holds no 督办 right on disputes
        fire(DISPUTE, mediating, "supervise", actor=actor, data=data)
    # even with the right (here a city leader's grant), the holding unit's member may not
    membership_grant(user=actor, role=Role.LEADER, scope=city)
    with pytest.raises(ValidationError, match="承办单位不能督办本单位办理的事项"):
        fire(DISPUTE, mediating, "supervise", actor=User.objects.get(pk=actor.pk), data=data)
    fire(DISPUTE, mediating, "supervise", actor=county_user, data=data)
    assert Dispute.objects.get(pk=mediating.pk).supervision_level == "yellow"


def test_the_court_enters_acceptance_but_does_not_mediate(agreed, court, court_user):
    with pytest.raises(NotPermitted):
        fire(
            DISPUTE, agreed, "apply_confirmation", actor=court_user,
            data={"court": court, "applied_on": date(2026, 3, 20)},
        )  # fmt: skip
    confirmation = fire(
        DISPUTE, agreed, "apply_confirmation", actor=None,
        data={"court": court, "applied_on": date(2026, 3, 20)},
    )  # fmt: skip
    data = {"confirmation": confirmation, "accepted_on": date(2026, 3, 21), "case_number": CASE}
    fire(DISPUTE, agreed, "accept_confirmation", actor=court_user, data=data)
    assert JudicialConfirmation.objects.get().case_number == CASE


def test_supervision_counts_against_the_handling_unit(mediators, mediating, centre, county_user):
    office = mediators[0].unit
    assert office.pk < centre.pk  # the smallest holder id is the mediators' office, not the centre
    with pytest.raises(ValidationError) as refused:
        dispute_supervision_raise(dispute=mediating, level="red", reason=" ", actor=county_user)
    assert refused.value.message_dict == {"reason": ["督办必须填写理由"]}
    dispute_supervision_raise(
        dispute=mediating, level="ordinary", reason="临近化解期限", actor=county_user, measure="03"
    )
    with pytest.raises(ValidationError, match="督办级别只能提高"):
        dispute_supervision_raise(dispute=mediating, level="ordinary", reason="再督", actor=None)
    supervision = Supervision.objects.get()
    assert (supervision.unit, supervision.level, supervision.measure) == (centre, "ordinary", "03")
    assert supervision.object_type == "disputes.dispute" and supervision.process == "dispute"
