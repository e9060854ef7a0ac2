"""The report process (接诉即办) as a declaration: 受理 → 派单 → 签收 → 办理 → 反馈 → 核查 / 回访 →
办结, or 退回重办; with 回退, 转派, 延期 and 督办. The engine (backend/workflow) runs it.

The holder (current_unit) is the unit whose move it is: the handling unit until it feeds back,
then the dispatching centre, which verifies, sends back or closes. Extensions and supervision
are decided by someone other than the holder."""

from django.utils.translation import gettext_lazy as _

from backend.reports.models import ReportStatus as S
from backend.reports.workflow import closing, extension, handling
from backend.workflow.declarations import Actor, Process, Transition
from backend.workflow.supervision import supervise_transition

BEFORE_HANDLING = (S.DISPATCHED, S.SIGNED)
WORKING = (S.SIGNED, S.HANDLING)
AFTER_FEEDBACK = (S.FED_BACK, S.VERIFIED)
OPEN = tuple(s for s in S.values if s != S.CLOSED)
REASON = {"reason": _("请填写理由")}

REPORT = Process(
    name="report",
    label=_("事件办理"),
    noun=_("事项"),
    model="reports.report",
    holder_field="current_unit",
    owner_field="reporter",
    deadline_field="deadline",
    closed_states=(S.CLOSED,),
    assigned=True,
    transitions=(
        Transition("dispatch", _("派单"), (S.REGISTERED, S.RETURNED), S.DISPATCHED,
                   effect=handling.dispatch, notify="dispatched", recorded=("unit",)),
        Transition("sign", _("签收"), (S.DISPATCHED,), S.SIGNED, actor=Actor.HOLDER,
                   effect=handling.sign),
        Transition("return", _("回退"), BEFORE_HANDLING, S.RETURNED, actor=Actor.HOLDER,
                   required={"reason": _("回退必须填写理由")}, effect=handling.return_,
                   notify="returned"),
        Transition("transfer", _("转派"), BEFORE_HANDLING, S.DISPATCHED, actor=Actor.HOLDER,
                   required={"reason": _("转派必须填写理由"), "to_unit": _("请选择承办单位")},
                   effect=handling.transfer, notify="dispatched", recorded=("to_unit",)),
        Transition("request_extension", _("申请延期"), WORKING, actor=Actor.HOLDER,
                   required={"reason": _("申请延期必须填写理由"), "until": _("请填写延期后的期限")},
                   effect=extension.request, recorded=("until",)),
        Transition("decide_extension", _("审批"), OPEN, actor=Actor.OVERSEER,
                   effect=extension.decide, recorded=("approved",),
                   when=lambda report: extension.pending_extension(report) is not None),
        Transition("feedback", _("反馈"), WORKING, S.FED_BACK, actor=Actor.HOLDER,
                   required={"content": _("反馈内容不能为空")}, effect=handling.feedback),
        Transition("verify", _("核查"), (S.FED_BACK,), S.VERIFIED, actor=Actor.HOLDER,
                   effect=closing.verify),
        Transition("send_back", _("退回重办"), AFTER_FEEDBACK, S.HANDLING, actor=Actor.HOLDER,
                   required={"reason": _("退回重办必须填写理由")}, effect=closing.send_back,
                   notify="returned"),
        Transition("close", _("办结"), (S.VERIFIED,), S.CLOSED, actor=Actor.HOLDER,
                   effect=closing.close),
        Transition("evaluate", _("评价"), (*AFTER_FEEDBACK, S.CLOSED), actor=Actor.OWNER,
                   required={"solved": _("请选择问题是否解决"), "satisfaction": _("请选择满意度")},
                   effect=closing.evaluate, when=closing.not_evaluated,
                   recorded=("solved", "satisfaction")),
        supervise_transition(OPEN, closing.supervise),
    ),
)  # fmt: skip
