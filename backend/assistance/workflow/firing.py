"""Firing a case transition with the case's own refusal texts, which the API and its clients
already know (the engine words a refusal generically: "案件当前状态为…，不能…")."""

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from backend.assistance.models import RecheckOutcome, SubsidyDecision
from backend.assistance.workflow import SUBSIDY
from backend.workflow.engine import fire

TOWNSHIP: dict[str, str] = {
    SubsidyDecision.PASS: "township_pass",
    SubsidyDecision.REJECT: "township_reject",
}
COUNTY: dict[str, str] = {
    SubsidyDecision.PASS: "county_approve",
    SubsidyDecision.REJECT: "county_reject",
}
RECHECK: dict[str, str] = {
    RecheckOutcome.CONTINUE: "recheck_continue",
    RecheckOutcome.SUSPEND: "recheck_suspend",
    RecheckOutcome.END: "recheck_end",
}
TOWNSHIP_STATE = _("只有已申请的案件可以进行乡镇审核")
COUNTY_STATE = _("只有乡镇已审核的案件可以进行县级审批")
RECHECK_STATE = _("只有发放中或已暂停的案件可以复核")
# transition -> message when the case's status does not allow it
WRONG_STATE = {
    **dict.fromkeys(TOWNSHIP.values(), TOWNSHIP_STATE),
    **dict.fromkeys(COUNTY.values(), COUNTY_STATE),
    **dict.fromkeys(RECHECK.values(), RECHECK_STATE),
    "start_payment": _("只有县级已审批的案件可以开始发放"),
    "suspend": _("只有发放中的案件可以暂停"),
    "end": _("只有已审批、发放中或已暂停的案件可以终止"),
}


def fire_case(case: Any, name: str, **kwargs: Any) -> Any:
    try:
        return fire(SUBSIDY, case, name, **kwargs)
    except ValidationError as error:
        if getattr(error, "code", None) == "invalid_state":
            raise ValidationError({"status": WRONG_STATE[name]}) from None
        raise
