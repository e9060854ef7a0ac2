"""Assessments of a village for a period: created with every active checklist item (automatic ones
answered at once), manual items set while a draft, submitted (automatic items answered again, every
item decided), then approved or returned by a county-level reviewer (the API checks who may)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.accounts.models import User
from backend.areas.models import Area
from backend.audit.bulk import audit_created
from backend.peacevillage.models import (
    Assessment,
    AssessmentItem,
    AssessmentStatus,
    ChecklistItem,
)
from backend.peacevillage.periods import period_range, validate_period
from backend.peacevillage.services.scoring import auto_items_refresh, score_update
from backend.peacevillage.services.sponsor import sponsor_on


def _locked(assessment: Assessment, status: str, verb: str) -> Assessment:
    locked = (
        Assessment.objects.select_for_update(of=("self",))
        .select_related("area")
        .get(pk=assessment.pk)
    )
    if locked.status != status:
        raise ValidationError(
            _("考评当前状态为「%(s)s」，不能%(v)s") % {"s": locked.get_status_display(), "v": verb},
            code="wrong_status",
        )
    return locked


@transaction.atomic
def assessment_create(*, village: Area, period: str, actor: User | None = None) -> Assessment:
    validate_period(period)
    first, last = period_range(period)
    if first > timezone.localdate():
        raise ValidationError({"period": _("考评周期尚未开始")})
    if Assessment.objects.filter(area=village, period=period).exists():
        raise ValidationError({"period": _("该村（社区）本周期的考评已存在")})
    checklist = list(ChecklistItem.objects.filter(active=True))
    if not checklist:
        raise ValidationError(_("没有启用的考评标准项"))
    sponsor = sponsor_on(village, min(last, timezone.localdate()))
    assessment = Assessment(area=village, period=period, assessed_by=actor, sponsor=sponsor)
    assessment.full_clean()
    assessment.save()
    audit_created(
        AssessmentItem.objects.bulk_create(
            AssessmentItem(assessment=assessment, item=item, auto=bool(item.auto_rule))
            for item in checklist
        )
    )
    auto_items_refresh(assessment)
    score_update(assessment)
    return assessment


@transaction.atomic
def assessment_item_set(
    *, result: AssessmentItem, passed: bool, note: str = "", actor: User | None = None
) -> AssessmentItem:
    assessment = _locked(result.assessment, AssessmentStatus.DRAFT, _("修改考评结果"))
    result = AssessmentItem.objects.select_related("item").get(pk=result.pk)
    if result.auto:
        raise ValidationError({"passed": _("该项由系统根据业务数据自动核验，不能手工修改")})
    result.passed, result.note = passed, note.strip()
    result.full_clean()
    result.save(update_fields=["passed", "note"])
    score_update(assessment)
    return result


@transaction.atomic
def assessment_submit(*, assessment: Assessment, actor: User | None = None) -> Assessment:
    assessment = _locked(assessment, AssessmentStatus.DRAFT, _("提交"))
    auto_items_refresh(assessment)
    pending = assessment.items.filter(passed__isnull=True).count()
    if pending:
        raise ValidationError(_("尚有 %(n)d 项未评定，请评定后再提交") % {"n": pending})
    score_update(assessment)
    assessment.status, assessment.submitted_at = AssessmentStatus.SUBMITTED, timezone.now()
    assessment.save(update_fields=["status", "submitted_at", "updated_at"])
    return assessment


@transaction.atomic
def assessment_approve(
    *, assessment: Assessment, actor: User | None = None, remark: str = ""
) -> Assessment:
    assessment = _locked(assessment, AssessmentStatus.SUBMITTED, _("审定"))
    assessment.status, assessment.approved_by = AssessmentStatus.APPROVED, actor
    assessment.approved_at, assessment.remark = timezone.now(), remark.strip()
    assessment.full_clean()
    assessment.save(update_fields=["status", "approved_by", "approved_at", "remark", "updated_at"])
    return assessment


@transaction.atomic
def assessment_return(
    *, assessment: Assessment, remark: str, actor: User | None = None
) -> Assessment:
    if not remark.strip():
        raise ValidationError({"remark": _("请填写退回理由")})
    assessment = _locked(assessment, AssessmentStatus.SUBMITTED, _("退回"))
    assessment.status, assessment.remark = AssessmentStatus.DRAFT, remark.strip()
    assessment.full_clean()
    assessment.save(update_fields=["status", "remark", "updated_at"])
    return assessment
