"""The mediation: assign → record sessions → agreement or failure → 回访 → close; and 督办 —
each one transition of the declared dispute process (backend/disputes/workflow), fired by the
workflow engine."""

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from backend.accounts.models import User
from backend.disputes.models import Dispute, DisputeReview, MediationAgreement, MediationRecord
from backend.disputes.workflow import DISPUTE
from backend.teams.models import TeamMember
from backend.workflow.engine import fire


def mediators_assign(
    *,
    dispute: Dispute,
    members: Iterable[TeamMember],
    actor: User | None = None,
    assigned_at: datetime | None = None,
) -> Dispute:
    """Assign mediators (already assigned ones are kept); a registered dispute becomes 已指派."""
    data = {"members": [m.pk for m in members], "assigned_at": assigned_at}
    return fire(DISPUTE, dispute, "assign", actor=actor, data=data)


def mediation_record_add(
    *,
    dispute: Dispute,
    held_at: datetime,
    place: str,
    mediators: Iterable[TeamMember],
    content: str,
    result: str,
    actor: User | None = None,
) -> MediationRecord:
    """Record one mediation session; the dispute is then 调解中."""
    data = {
        "held_at": held_at,
        "place": place,
        "mediators": [m.pk for m in mediators],
        "content": content,
        "result": result,
    }
    return fire(DISPUTE, dispute, "record", actor=actor, data=data)


def agreement_conclude(
    *, dispute: Dispute, form: str, signed_on: date, actor: User | None = None, **terms: Any
) -> MediationAgreement:
    """The parties reached an agreement (人民调解法 art. 28–29): 已达成协议, success."""
    data = {"form": form, "signed_on": signed_on, **terms}
    return fire(DISPUTE, dispute, "conclude", actor=actor, data=data)


def mediation_fail(
    *, dispute: Dispute, reason: str, failed_on: date, actor: User | None = None
) -> Dispute:
    """Mediation ended without agreement (调解不成); the reason is the outcome narrative."""
    data = {"reason": reason, "failed_on": failed_on}
    return fire(DISPUTE, dispute, "fail", actor=actor, data=data)


def performance_followup(
    *, dispute: Dispute, visited_on: date, performed: bool, opinion: str, actor: User | None = None
) -> DisputeReview:
    """A 回访: record whether the agreement was carried out; if so the dispute is 已履行."""
    data = {"visited_on": visited_on, "performed": performed, "opinion": opinion}
    return fire(DISPUTE, dispute, "followup", actor=actor, data=data)


def dispute_close(*, dispute: Dispute, closed_on: date, actor: User | None = None) -> Dispute:
    """办结: after the agreement was carried out (回访), or after mediation failed."""
    return fire(DISPUTE, dispute, "close", actor=actor, data={"closed_on": closed_on})


def dispute_supervision_raise(
    *, dispute: Dispute, level: str, reason: str, actor: User | None, measure: str = ""
) -> Dispute:
    """督办 of the 化解组织: the level only goes up (未督办 → 一般 → 黄牌 → 红牌), with an optional
    政策种类."""
    data = {"level": level, "reason": reason, "measure": measure}
    return fire(DISPUTE, dispute, "supervise", actor=actor, data=data)
