"""Social assistance cases (社会救助): 低保, 特困 and student living subsidies.

Everything about an applicant — and being a recipient at all — is sensitive personal information
(PIPL art. 28): no applicant value appears in __str__, error messages or logs.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from backend.areas.models import Level
from backend.common.models import Scoped
from backend.common.validators import validate_phone, validate_resident_id


class SubsidyKind(models.TextChoices):
    DIBAO = "dibao", _("最低生活保障")
    TEKUN = "tekun", _("特困人员救助供养")
    STUDENT = "student", _("学生生活补助")


class SubsidyStatus(models.TextChoices):
    APPLIED = "applied", _("已申请")
    TOWNSHIP_REVIEWED = "township_reviewed", _("乡镇已审核")
    APPROVED = "approved", _("县级已审批")
    REJECTED = "rejected", _("已驳回")
    PAYING = "paying", _("发放中")
    SUSPENDED = "suspended", _("已暂停")
    ENDED = "ended", _("已终止")


# A person may hold one open case per kind; rejected and ended cases no longer count.
OPEN_STATUSES = (
    SubsidyStatus.APPLIED,
    SubsidyStatus.TOWNSHIP_REVIEWED,
    SubsidyStatus.APPROVED,
    SubsidyStatus.PAYING,
    SubsidyStatus.SUSPENDED,
)
# Statuses reached through county approval: they carry an amount, an approval and a re-check date.
FUNDED_STATUSES = (
    SubsidyStatus.APPROVED,
    SubsidyStatus.PAYING,
    SubsidyStatus.SUSPENDED,
    SubsidyStatus.ENDED,
)


class SubsidyCase(Scoped):
    """One application and, once approved, the payment it leads to; `area` is the village."""

    number = models.CharField(_("案件编号"), max_length=30, unique=True)
    kind = models.CharField(_("救助类别"), max_length=20, choices=SubsidyKind.choices)
    applicant_name = models.CharField(_("申请人姓名"), max_length=50)
    applicant_id_number = models.CharField(
        _("申请人身份证号码"), max_length=18, validators=[validate_resident_id]
    )
    applicant_phone = models.CharField(_("联系电话"), max_length=20, validators=[validate_phone])
    applicant_address = models.CharField(_("家庭住址"), max_length=200)
    household_size = models.PositiveSmallIntegerField(
        _("家庭人口"), validators=[MinValueValidator(1)]
    )
    household_monthly_income = models.DecimalField(
        _("家庭月收入（元）"), max_digits=10, decimal_places=2, validators=[MinValueValidator(0)]
    )
    monthly_amount = models.DecimalField(
        _("月救助金额（元）"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    status = models.CharField(
        _("状态"), max_length=20, choices=SubsidyStatus.choices, default=SubsidyStatus.APPLIED
    )
    applied_on = models.DateField(_("申请日期"))
    approved_on = models.DateField(_("审批日期"), null=True, blank=True)
    recheck_on = models.DateField(_("下次复核日期"), null=True, blank=True)
    school_name = models.CharField(_("就读学校"), max_length=100, blank=True)
    grade = models.CharField(_("年级"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("救助案件")
        verbose_name_plural = _("救助案件")
        ordering = ["-applied_on", "number"]
        indexes = [
            models.Index(fields=["area", "status"], name="subsidy_case_area_status"),
            models.Index(fields=["kind", "status"], name="subsidy_case_kind_status"),
            models.Index(fields=["recheck_on"], name="subsidy_case_recheck"),
            models.Index(fields=["applicant_id_number"], name="subsidy_case_applicant"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["applicant_id_number", "kind"],
                condition=models.Q(status__in=OPEN_STATUSES),
                name="subsidy_case_one_open_per_kind",
                violation_error_message=_("该申请人已有同类别的在办救助案件"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}（{self.get_kind_display()}）"

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        if self.area_id is not None and self.area.level != Level.VILLAGE:
            errors["area"] = _("救助案件须登记到村（社区）")
        if self.kind == SubsidyKind.STUDENT and not (self.school_name and self.grade):
            errors["school_name"] = _("学生生活补助须填写就读学校和年级")
        if self.status in FUNDED_STATUSES:
            errors.update(self._funding_errors())
        if errors:
            raise ValidationError(errors)

    def _funding_errors(self) -> dict[str, Any]:
        errors: dict[str, Any] = {}
        if self.monthly_amount is None:
            errors["monthly_amount"] = _("审批通过须核定月救助金额")
        if self.approved_on is None:
            errors["approved_on"] = _("审批通过须填写审批日期")
        if self.recheck_on is None:
            errors["recheck_on"] = _("审批通过须确定下次复核日期")
        elif self.approved_on is not None and self.recheck_on <= self.approved_on:
            errors["recheck_on"] = _("下次复核日期须晚于审批日期")
        return errors


class Relation(models.TextChoices):
    SPOUSE = "spouse", _("配偶")
    CHILD = "child", _("子女")
    PARENT = "parent", _("父母")
    GRANDCHILD = "grandchild", _("孙子女")
    GRANDPARENT = "grandparent", _("祖父母")
    SIBLING = "sibling", _("兄弟姐妹")
    OTHER = "other", _("其他")


class HouseholdMember(models.Model):
    """A member of the applicant's household other than the applicant (家庭成员)."""

    case = models.ForeignKey(
        SubsidyCase, verbose_name=_("救助案件"), on_delete=models.CASCADE, related_name="members"
    )
    name = models.CharField(_("姓名"), max_length=50)
    relation = models.CharField(_("与申请人关系"), max_length=20, choices=Relation.choices)
    id_number = models.CharField(_("身份证号码"), max_length=18, validators=[validate_resident_id])

    class Meta:
        verbose_name = _("家庭成员")
        verbose_name_plural = _("家庭成员")
        ordering = ["case", "id"]

    def __str__(self) -> str:
        return f"{self.get_relation_display()}（案件 {self.case_id}）"
