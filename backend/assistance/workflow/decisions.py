"""Effects of the decisions on a case: each records who decided, for which unit, and why
(SubsidyReview), after checking that the unit may decide on the case's village."""

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from backend.areas.models import Level
from backend.assistance.models import ReviewStage, SubsidyCase, SubsidyDecision, SubsidyReview
from backend.common.services import create_validated
from backend.workflow.declarations import Firing

PASS, REJECT = SubsidyDecision.PASS, SubsidyDecision.REJECT
TOWNSHIP = (Level.TOWNSHIP, _("乡镇审核须由该村（社区）所属乡镇的单位办理"))
COUNTY = (Level.COUNTY, _("县级审批须由该村（社区）所属县（市、区）的单位办理"))
RECHECK = (None, _("复核须由该村（社区）所属乡镇或县（市、区）的单位办理"))
SUSPENSION = (None, _("暂停发放须由该村（社区）所属乡镇或县（市、区）的单位办理"))
TERMINATION = (None, _("终止救助须由该村（社区）所属乡镇或县（市、区）的单位办理"))
Who = tuple[Level | None, Promise]


def decision(stage: str, outcome: str, who: Who) -> Callable[[Firing], None]:
    """The effect of one decision: the unit check, then the review row."""

    def effect(f: Firing) -> None:
        check_unit(f, *who)
        f.record_object = create_validated(
            SubsidyReview, case=f.obj, stage=stage, decision=outcome,
            opinion=(f.data.get("opinion") or "").strip(), reviewer=f.actor, unit=f.unit,
            reviewed_at=f.now,
        )  # fmt: skip

    return effect


township_pass = decision(ReviewStage.TOWNSHIP_REVIEW, PASS, TOWNSHIP)
township_reject = decision(ReviewStage.TOWNSHIP_REVIEW, REJECT, TOWNSHIP)
county_reject = decision(ReviewStage.COUNTY_APPROVAL, REJECT, COUNTY)
recheck_stop = decision(ReviewStage.RECHECK, REJECT, RECHECK)
suspend = decision(ReviewStage.SUSPENSION, REJECT, SUSPENSION)
end = decision(ReviewStage.TERMINATION, REJECT, TERMINATION)
_county_pass = decision(ReviewStage.COUNTY_APPROVAL, PASS, COUNTY)
_recheck_pass = decision(ReviewStage.RECHECK, PASS, RECHECK)


def county_approve(f: Firing) -> None:
    """Approval sets the monthly amount and the first re-check date (the model requires both)."""
    _county_pass(f)
    case: SubsidyCase = f.obj
    case.monthly_amount, case.recheck_on = f.data.get("monthly_amount"), f.data.get("recheck_on")
    case.approved_on = timezone.localdate(f.now)


def recheck_continue(f: Firing) -> None:
    """继续发放: the next re-check date (after today), optionally a new amount."""
    _recheck_pass(f)
    case: SubsidyCase = f.obj
    recheck_on, amount = f.data.get("recheck_on"), f.data.get("monthly_amount")
    if recheck_on is None or recheck_on <= timezone.localdate(f.now):
        raise ValidationError({"recheck_on": _("继续发放须确定晚于今天的下次复核日期")})
    case.recheck_on = recheck_on
    if amount is not None:
        case.monthly_amount = amount


def check_unit(f: Firing, level: Level | None, message: Promise) -> None:
    """The acting unit's jurisdiction must hold the case's village, below the city, and be of
    `level` if given."""
    unit, case = f.unit, f.obj
    if unit is None:
        raise ValidationError({"unit": message})
    low, high = unit.area.subtree_range()
    right_level = level is None or unit.area.level == level
    if not (right_level and low <= case.area_id <= high and unit.area.level > Level.CITY):
        raise ValidationError({"unit": message})
