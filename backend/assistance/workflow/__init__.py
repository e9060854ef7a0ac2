"""The subsidy-case process (社会救助) as a declaration: 已申请 → 乡镇审核 (通过 / 不通过) → 县级审批
(通过 / 驳回) → 发放中 → 定期复核 (继续发放 / 暂停 / 终止), and 暂停 or 终止 outside a re-check.

A decision's outcome is its own transition (通过 and 驳回 lead to different states), so the step
record names what was decided. A case has no holding unit: the deciding unit is the caller's
(`unit`), and each effect checks that its jurisdiction holds the case's village at the level the
step needs (乡镇 / 县). No deadline is kept: the case has no deadline field (the time limits
subsidy.township_review and subsidy.county_approval exist in backend/worktime for when it does)."""

from django.utils.translation import gettext_lazy as _

from backend.assistance.models import SubsidyStatus as S
from backend.assistance.workflow import decisions as d
from backend.workflow.declarations import Process, Transition

FUNDED_OPEN = (S.APPROVED, S.PAYING, S.SUSPENDED)
RECHECKABLE = (S.PAYING, S.SUSPENDED)
OPINION = {"opinion": _("不通过须填写意见")}
TOWNSHIP_STATE = _("只有已申请的案件可以进行乡镇审核")
COUNTY_STATE = _("只有乡镇已审核的案件可以进行县级审批")
RECHECK_STATE = _("只有发放中或已暂停的案件可以复核")

SUBSIDY = Process(
    name="subsidy_case",
    label=_("社会救助审核审批"),
    noun=_("案件"),
    model="assistance.subsidycase",
    closed_states=(S.REJECTED, S.ENDED),
    transitions=(
        Transition("township_pass", _("乡镇审核通过"), (S.APPLIED,), S.TOWNSHIP_REVIEWED,
                   effect=d.township_pass, refused=TOWNSHIP_STATE),
        Transition("township_reject", _("乡镇审核不通过"), (S.APPLIED,), S.REJECTED,
                   required=OPINION, effect=d.township_reject, refused=TOWNSHIP_STATE),
        Transition("county_approve", _("县级审批通过"), (S.TOWNSHIP_REVIEWED,), S.APPROVED,
                   effect=d.county_approve, refused=COUNTY_STATE),
        Transition("county_reject", _("县级审批驳回"), (S.TOWNSHIP_REVIEWED,), S.REJECTED,
                   required=OPINION, effect=d.county_reject, refused=COUNTY_STATE),
        Transition("start_payment", _("开始发放"), (S.APPROVED,), S.PAYING,
                   refused=_("只有县级已审批的案件可以开始发放")),
        Transition("recheck_continue", _("复核继续发放"), RECHECKABLE, S.PAYING,
                   effect=d.recheck_continue, refused=RECHECK_STATE),
        Transition("recheck_suspend", _("复核暂停发放"), RECHECKABLE, S.SUSPENDED,
                   required=OPINION, effect=d.recheck_stop, refused=RECHECK_STATE),
        Transition("recheck_end", _("复核终止救助"), RECHECKABLE, S.ENDED, required=OPINION,
                   effect=d.recheck_stop, refused=RECHECK_STATE),
        Transition("suspend", _("暂停发放"), (S.PAYING,), S.SUSPENDED, required=OPINION,
                   effect=d.suspend, refused=_("只有发放中的案件可以暂停")),
        Transition("end", _("终止救助"), FUNDED_OPEN, S.ENDED, required=OPINION, effect=d.end,
                   refused=_("只有已审批、发放中或已暂停的案件可以终止")),
    ),
)  # fmt: skip
