"""The dispute process (人民调解) as a declaration: 登记 → 指派调解员 → 记录调解 → 达成协议 or
调解不成 → 回访 → 办结; the judicial confirmation of a written agreement (人民调解法第三十三条:
申请 → 受理 → 裁定); and 督办. The engine (backend/workflow) runs it.

Judicial confirmation is declared as transitions of the dispute, not as a process of its own:
the JudicialConfirmation row has no status and no area of its own (its stage is accepted_on +
ruling), and its ruling decides the dispute's status (invalid → mediate again or 调解不成). So the
dispute is the locked item, its status the state the engine checks (an agreement exists only in
已达成协议 / 已履行), and each effect checks the confirmation's own stage.

The holders are the dispute's 化解组织 (`handling_unit`) and the units of its assigned mediators:
both work on it (ASSIGNEE_PATHS gives both object grants). Recording the mediation and its results
is theirs (HOLDER); assigning mediators is open to whoever may change the dispute, as the API
always allowed; the court's acceptance and ruling are entered by whoever may change it (the court
system's integrator account, or the mediation organisation transcribing the court's document)."""

from dataclasses import replace

from django.utils.translation import gettext_lazy as _

from backend.disputes.models import Dispute, Status
from backend.disputes.workflow import closing, confirmation, mediation, ruling
from backend.workflow.declarations import Actor, Process, Transition
from backend.workflow.supervision import supervise_transition

S = Status
# 督办 reaches every dispute not yet closed (an agreement not carried out, a failure not filed).
OPEN = tuple(s for s in S.values if s != S.CLOSED)
WITH_AGREEMENT = (S.AGREED, S.PERFORMED)
H = Actor.HOLDER


def holders(dispute: Dispute) -> set[int]:
    """The 化解组织 and the units of the assigned mediators."""
    return {dispute.handling_unit_id, *(member.unit_id for member in dispute.mediators.all())}


DISPUTE = Process(
    name="dispute",
    label=_("矛盾纠纷调解"),
    noun=_("纠纷"),
    model="disputes.dispute",
    holders=holders,
    holders_prefetch=("mediators",),
    deadline_field="deadline",  # the last day of mediation (a date: due at 24:00)
    closed_states=(S.CLOSED,),
    assigned=True,
    transitions=(
        Transition("assign", _("指派调解员"), (S.REGISTERED, S.ASSIGNED, S.MEDIATING),
                   required={"members": _("请至少指派一名调解员")}, effect=mediation.assign),
        Transition("record", _("记录调解"), (S.ASSIGNED, S.MEDIATING), S.MEDIATING, actor=H,
                   effect=mediation.record),
        Transition("conclude", _("达成调解协议"), (S.MEDIATING,), S.AGREED, actor=H,
                   effect=mediation.conclude),
        Transition("fail", _("终止调解"), (S.ASSIGNED, S.MEDIATING), S.FAILED, actor=H,
                   required={"reason": _("请填写调解不成的原因")}, effect=mediation.fail),
        Transition("followup", _("回访"), WITH_AGREEMENT, actor=H, effect=closing.followup),
        Transition("apply_confirmation", _("申请司法确认"), WITH_AGREEMENT, actor=H,
                   effect=confirmation.apply, when=confirmation.may_apply),
        Transition("accept_confirmation", _("受理司法确认申请"), WITH_AGREEMENT,
                   required={"case_number": _("请填写案号")}, effect=confirmation.accept,
                   when=confirmation.awaiting_acceptance,
                   recorded=("confirmation", "case_number", "accepted_on")),
        Transition("rule_confirmation", _("司法确认裁定"), WITH_AGREEMENT,
                   effect=ruling.rule, when=confirmation.awaiting_ruling,
                   recorded=("confirmation", "ruling", "ruled_on")),
        Transition("close", _("办结"), (S.PERFORMED, S.FAILED), S.CLOSED, actor=H,
                   effect=closing.close, when=closing.no_pending_confirmation),
        replace(supervise_transition(OPEN), effect=closing.supervise),
    ),
)  # fmt: skip
