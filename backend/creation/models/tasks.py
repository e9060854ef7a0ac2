"""The 170 creation tasks (创建任务) split from the pilot guidelines and assigned to member units."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from backend.areas.models import Level
from backend.common.models import Scoped


class GuidelineLevel(models.TextChoices):
    CENTRAL = "central", _("中央")
    PROVINCIAL = "provincial", _("省级")
    CITY = "city", _("市级")


class Guideline(models.Model):
    """A source document (工作指引 / 实施方案) whose requirements were broken into tasks."""

    code = models.CharField(_("文件编号"), max_length=30, unique=True)
    level = models.CharField(_("层级"), max_length=20, choices=GuidelineLevel.choices)
    title = models.CharField(_("文件名称"), max_length=200)
    issuer = models.CharField(_("印发单位"), max_length=100, blank=True)
    issued_on = models.DateField(_("印发日期"))

    class Meta:
        verbose_name = _("工作指引")
        verbose_name_plural = _("工作指引")
        ordering = ["level", "issued_on"]

    def __str__(self) -> str:
        return self.title


class Dimension(models.TextChoices):
    """The "五治" dimensions the pilot guidelines are organised by."""

    POLITICS = "politics", _("政治引领")
    RULE_OF_LAW = "rule_of_law", _("法治保障")
    MORALITY = "morality", _("德治教化")
    AUTONOMY = "autonomy", _("自治强基")
    SMART = "smart", _("智治支撑")


class TaskStatus(models.TextChoices):
    ASSIGNED = "assigned", _("已分派")
    IN_PROGRESS = "in_progress", _("推进中")
    SUBMITTED = "submitted", _("已提交验收")
    # task_accept goes straight to COMPLETED; ACCEPTED is kept for a two-step 验收 → 销号 flow.
    ACCEPTED = "accepted", _("已验收")
    RETURNED = "returned", _("已退回")
    COMPLETED = "completed", _("已完成")


DONE_STATUSES = (TaskStatus.ACCEPTED, TaskStatus.COMPLETED)


class CreationTask(Scoped):
    """One task; `area` is the city for city-wide tasks or a county for county-level ones.

    `progress` is written only by the services (from progress reports); overdue is derived.
    """

    code = models.CharField(_("任务编号"), max_length=20, unique=True)
    guideline = models.ForeignKey(
        Guideline, verbose_name=_("来源文件"), on_delete=models.PROTECT, related_name="tasks"
    )
    dimension = models.CharField(_("类别"), max_length=20, choices=Dimension.choices)
    title = models.CharField(_("任务名称"), max_length=200)
    target = models.TextField(_("目标要求"))
    lead_unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("牵头单位"),
        on_delete=models.PROTECT,
        related_name="led_creation_tasks",
    )
    co_units = models.ManyToManyField(
        "org.Unit",
        verbose_name=_("协办单位"),
        through="TaskCoUnit",
        related_name="co_creation_tasks",
        blank=True,
    )
    deadline = models.DateField(_("完成时限"))
    weight = models.DecimalField(
        _("分值"), max_digits=6, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))]
    )
    status = models.CharField(
        _("状态"), max_length=20, choices=TaskStatus.choices, default=TaskStatus.ASSIGNED
    )
    progress = models.PositiveSmallIntegerField(
        _("进度（%）"), default=0, editable=False, validators=[MaxValueValidator(100)]
    )
    submitted_at = models.DateTimeField(_("提交验收时间"), null=True, blank=True)
    completed_at = models.DateTimeField(_("完成时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("创建任务")
        verbose_name_plural = _("创建任务")
        ordering = ["code"]
        indexes = [
            models.Index(fields=["area", "status"], name="creation_task_area_status"),
            models.Index(fields=["lead_unit", "status"], name="creation_task_lead_status"),
            models.Index(fields=["deadline"], name="creation_task_deadline"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(weight__gt=0), name="creation_task_weight_gt_0"
            ),
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="creation_task_progress_lte_100"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def clean(self) -> None:
        if self.area_id is not None and self.area.level not in (Level.CITY, Level.COUNTY):
            raise ValidationError({"area": _("任务所属区划须为市级或县级")})
        if self.area_id is not None and self.lead_unit_id is not None:
            low, high = self.lead_unit.area.subtree_range()
            if not low <= self.area_id <= high:
                raise ValidationError({"lead_unit": _("牵头单位的管辖区划不包含任务所属区划")})


class TaskCoUnit(models.Model):
    """A co-unit (协办单位) of a task, with when it was assigned."""

    task = models.ForeignKey(
        CreationTask,
        verbose_name=_("创建任务"),
        on_delete=models.CASCADE,
        related_name="co_unit_links",
    )
    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("协办单位"),
        on_delete=models.PROTECT,
        related_name="co_task_links",
    )
    assigned_at = models.DateTimeField(_("分派时间"), default=timezone.now)

    class Meta:
        verbose_name = _("协办单位")
        verbose_name_plural = _("协办单位")
        constraints = [
            models.UniqueConstraint(fields=["task", "unit"], name="creation_co_unit_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.task_id} · {self.unit}"
