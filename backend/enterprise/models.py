"""企业家直通车: enterprises, their problems, the 包联领导 and the units that handle them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from backend.codes.models import Table
from backend.common.assignment import UnitGrantBase
from backend.common.models import Scoped, SupervisionLevel
from backend.common.validators import validate_credit_code, validate_phone


class Enterprise(Scoped):
    name = models.CharField(_("企业名称"), max_length=100)
    credit_code = models.CharField(
        _("统一社会信用代码"), max_length=18, unique=True, validators=[validate_credit_code]
    )
    category = models.ForeignKey(
        "codes.Code",
        verbose_name=_("企业类别"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"table__key": Table.ENTERPRISE_CATEGORY},
    )
    legal_representative = models.CharField(_("法定代表人"), max_length=50)
    # Sensitive personal information: never in messages, __str__ or logs.
    contact_name = models.CharField(_("联系人"), max_length=50)
    contact_phone = models.CharField(_("联系电话"), max_length=20, validators=[validate_phone])
    address = models.CharField(_("企业地址"), max_length=200)

    class Meta:
        verbose_name = _("企业")
        verbose_name_plural = _("企业")
        ordering = ["name"]
        indexes = [models.Index(fields=["area", "name"], name="enterprise_area_name")]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.category_id is not None and self.category.table.key != Table.ENTERPRISE_CATEGORY:
            raise ValidationError({"category": _("企业类别必须取自“企业类别”代码表")})


class ProblemCategory(models.TextChoices):
    LAND = "land", _("用地")
    FINANCE = "finance", _("融资")
    IP = "ip", _("知识产权")
    LEGAL = "legal", _("法律")
    APPROVAL = "approval", _("审批")
    LABOUR = "labour", _("用工")
    ENVIRONMENT = "environment", _("环保")
    OTHER = "other", _("其他")


class ProblemStatus(models.TextChoices):
    SUBMITTED = "submitted", _("已提交")
    LEADER_ASSIGNED = "leader_assigned", _("已分配包联领导")
    DISPATCHED = "dispatched", _("已交办")
    HANDLING = "handling", _("办理中")
    ANSWERED = "answered", _("已答复")
    CLOSED = "closed", _("已办结")
    REOPENED = "reopened", _("重新办理")


class ProblemSatisfaction(models.TextChoices):
    SATISFIED = "satisfied", _("满意")
    DISSATISFIED = "dissatisfied", _("不满意")


class EnterpriseProblem(Scoped):
    number = models.CharField(_("诉求编号"), max_length=20, unique=True)
    enterprise = models.ForeignKey(
        Enterprise, verbose_name=_("企业"), on_delete=models.PROTECT, related_name="problems"
    )
    category = models.CharField(_("问题类别"), max_length=20, choices=ProblemCategory.choices)
    title = models.CharField(_("标题"), max_length=100)
    description = models.TextField(_("问题描述"))
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("包联领导"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    handling_units = models.ManyToManyField(
        "org.Unit",
        verbose_name=_("承办单位"),
        through="enterprise.ProblemAssignment",
        related_name="+",
        blank=True,
    )
    status = models.CharField(
        _("状态"), max_length=20, choices=ProblemStatus.choices, default=ProblemStatus.SUBMITTED
    )
    answer = models.TextField(_("答复内容"), blank=True)
    policy_basis = models.TextField(_("政策依据"), blank=True)
    answered_at = models.DateTimeField(_("答复时间"), null=True, blank=True)
    satisfaction = models.CharField(
        _("企业评价"), max_length=20, choices=ProblemSatisfaction.choices, blank=True
    )
    satisfaction_comment = models.CharField(_("评价意见"), max_length=500, blank=True)
    deadline = models.DateTimeField(_("办理期限"), null=True, blank=True)
    supervision_level = models.CharField(
        _("督办级别"),
        max_length=10,
        choices=SupervisionLevel.choices,
        default=SupervisionLevel.NONE,
    )
    supervision_reason = models.CharField(_("督办理由"), max_length=500, blank=True)
    submitted_at = models.DateTimeField(_("提交时间"))
    closed_at = models.DateTimeField(_("办结时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("企业诉求")
        verbose_name_plural = _("企业诉求")
        ordering = ["-submitted_at"]
        indexes = [
            models.Index(fields=["area", "status"], name="problem_area_status"),
            models.Index(fields=["status", "deadline"], name="problem_status_deadline"),
            models.Index(fields=["leader", "status"], name="problem_leader_status"),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"


class ProblemAssignment(models.Model):
    """交办: one handling unit of a problem."""

    problem = models.ForeignKey(
        EnterpriseProblem,
        verbose_name=_("企业诉求"),
        on_delete=models.CASCADE,
        related_name="assignments",
    )
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("承办单位"), on_delete=models.PROTECT, related_name="+"
    )
    dispatched_at = models.DateTimeField(_("交办时间"))
    dispatched_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("交办人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answered_at = models.DateTimeField(_("答复时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("交办记录")
        verbose_name_plural = _("交办记录")
        ordering = ["problem", "dispatched_at"]
        constraints = [
            models.UniqueConstraint(fields=["problem", "unit"], name="problem_assignment_unique"),
        ]
        indexes = [models.Index(fields=["unit", "answered_at"], name="assignment_unit_answered")]

    def __str__(self) -> str:
        return f"{self.problem_id} → {self.unit}"


class EnterpriseProblemUnitGrant(UnitGrantBase):
    """Object permissions of the units an enterprise problem is dispatched to (guardian, direct FK)."""

    content_object = models.ForeignKey(
        EnterpriseProblem, on_delete=models.CASCADE, related_name="unit_grants"
    )

    class Meta(UnitGrantBase.Meta):
        verbose_name = _("企业诉求单位授权")
        verbose_name_plural = _("企业诉求单位授权")
