"""平安村庄联动联创: the 五有 / 六无 checklist (data, edited by the city), the member unit that
sponsors (包联) each village, and the assessment of a village for a period with one result per
checklist item — answered automatically where the data answers it (rules.py), else by hand."""

from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from backend.areas.models import Level
from backend.common.models import Scoped
from backend.org.models import UnitKind
from backend.peacevillage.periods import validate_period
from backend.peacevillage.rules import RULE_CHOICES

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class ChecklistGroup(models.TextChoices):
    FIVE_HAVE = "five_have", _("五有")
    SIX_NONE = "six_none", _("六无")


class ChecklistItem(models.Model):
    code = models.CharField(_("编码"), max_length=20, unique=True)
    group = models.CharField(_("类别"), max_length=10, choices=ChecklistGroup.choices)
    text = models.CharField(_("考评内容"), max_length=200)
    auto_rule = models.CharField(_("自动核验规则"), max_length=40, choices=RULE_CHOICES, blank=True)
    weight = models.PositiveSmallIntegerField(_("分值"), default=10)
    active = models.BooleanField(_("启用"), default=True)

    class Meta:
        verbose_name = _("考评标准项")
        verbose_name_plural = _("考评标准（五有六无）")
        ordering = ["group", "code"]

    def __str__(self) -> str:
        return f"{self.code} {self.text}"

    def clean(self) -> None:
        if self.weight == 0:
            raise ValidationError({"weight": _("分值必须大于零")})


def _village(label: "StrOrPromise") -> models.ForeignKey:
    return models.ForeignKey(
        "areas.Area", verbose_name=label, on_delete=models.PROTECT, related_name="+"
    )


def check_village(area_id: int | None, level: int | None) -> None:
    if area_id is not None and level != Level.VILLAGE:
        raise ValidationError({"area": _("须为村（社区）")})


class VillageSponsor(Scoped):
    """A member unit sponsors (包联) a village from `start_on` until `end_on` (open: ongoing)."""

    area = _village(_("村（社区）"))
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("包联单位"), on_delete=models.PROTECT, related_name="+"
    )
    start_on = models.DateField(_("包联开始日期"))
    end_on = models.DateField(_("包联结束日期"), null=True, blank=True)

    class Meta:
        verbose_name = _("包联关系")
        verbose_name_plural = _("包联关系")
        ordering = ["area", "-start_on"]
        indexes = [models.Index(fields=["unit", "start_on"], name="peace_sponsor_unit")]

    def __str__(self) -> str:
        return f"{self.unit} 包联 {self.area}"

    def clean(self) -> None:
        check_village(self.area_id, self.area.level if self.area_id else None)
        if self.unit_id and self.unit.kind != UnitKind.MEMBER_UNIT:
            raise ValidationError({"unit": _("包联单位须为成员单位")})
        if self.end_on and self.start_on and self.end_on < self.start_on:
            raise ValidationError({"end_on": _("结束日期不能早于开始日期")})


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", _("草稿")
    SUBMITTED = "submitted", _("已提交")
    APPROVED = "approved", _("已审定")


def _user(label: "StrOrPromise") -> models.ForeignKey:
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=label,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


class Assessment(Scoped):
    area = _village(_("村（社区）"))
    period = models.CharField(_("考评周期"), max_length=7, validators=[validate_period])
    status = models.CharField(
        _("状态"), max_length=10, choices=AssessmentStatus.choices, default=AssessmentStatus.DRAFT
    )
    score = models.DecimalField(_("得分"), max_digits=4, decimal_places=1, default=0)
    qualified = models.BooleanField(_("六无全部达标"), default=False)
    sponsor = models.ForeignKey(
        "org.Unit",
        verbose_name=_("包联单位"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    assessed_by = _user(_("考评人"))
    submitted_at = models.DateTimeField(_("提交时间"), null=True, blank=True)
    approved_by = _user(_("审定人"))
    approved_at = models.DateTimeField(_("审定时间"), null=True, blank=True)
    remark = models.CharField(_("审定意见"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("平安村庄考评")
        verbose_name_plural = _("平安村庄考评")
        ordering = ["-period", "area"]
        constraints = [
            models.UniqueConstraint(fields=["area", "period"], name="peace_assessment_unique")
        ]
        indexes = [models.Index(fields=["period", "status", "area"], name="peace_period_status")]

    def __str__(self) -> str:
        return f"{self.area} {self.period}"

    def clean(self) -> None:
        check_village(self.area_id, self.area.level if self.area_id else None)

    def evidence_refusal(self) -> str | None:
        """Evidence backs the results under review: it changes only while the assessment is a draft."""
        if self.status == AssessmentStatus.DRAFT:
            return None
        return str(_("考评已提交或已审定，不能再增删佐证材料；如需补充请先退回"))


class AssessmentItem(models.Model):
    audit_area_path = "assessment__area"

    assessment = models.ForeignKey(
        Assessment, verbose_name=_("考评"), on_delete=models.CASCADE, related_name="items"
    )
    item = models.ForeignKey(
        ChecklistItem, verbose_name=_("考评标准项"), on_delete=models.PROTECT, related_name="+"
    )
    passed = models.BooleanField(_("是否达标"), null=True, blank=True)  # null: not assessed yet
    auto = models.BooleanField(_("自动核验"), default=False)
    note = models.CharField(_("说明"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("考评结果")
        verbose_name_plural = _("考评结果")
        ordering = ["assessment", "item"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "item"], name="peace_item_unique")
        ]

    def __str__(self) -> str:
        return f"{self.assessment} · {self.item.code}"


# the incident register lives in its own module; imported here so the app registers it
from backend.peacevillage.incident import Incident as Incident  # noqa: E402
