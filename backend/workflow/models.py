"""The engine's own records: one row per fired transition, and supervision (督办) of items."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from backend.common.models import SupervisionLevel


class TransitionRecord(models.Model):
    """A transition fired on an item: who, for which unit, from which state to which, when, why."""

    audit_writes = False  # the engine writes a TRANSITION audit entry for each record itself

    process = models.CharField(_("流程"), max_length=40)
    object_type = models.CharField(_("对象类型"), max_length=60)
    object_id = models.BigIntegerField(_("对象编号"))
    area = models.ForeignKey(
        "areas.Area", verbose_name=_("所属区划"), on_delete=models.PROTECT, related_name="+"
    )
    transition = models.CharField(_("操作"), max_length=40)
    label = models.CharField(_("操作名称"), max_length=40)
    from_state = models.CharField(_("原状态"), max_length=30)
    to_state = models.CharField(_("新状态"), max_length=30)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("操作人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("操作单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    at = models.DateTimeField(_("时间"))
    reason = models.CharField(_("理由"), max_length=500, blank=True)
    payload = models.JSONField(_("内容"), default=dict, blank=True)
    deadline = models.DateTimeField(_("期限"), null=True, blank=True)

    class Meta:
        verbose_name = _("流程记录")
        verbose_name_plural = _("流程记录")
        ordering = ["object_type", "object_id", "at", "id"]
        indexes = [
            models.Index(fields=["object_type", "object_id", "at"], name="transition_object"),
            models.Index(fields=["unit", "at"], name="transition_unit_at"),
        ]

    def __str__(self) -> str:
        return f"{self.label} · {self.from_state}→{self.to_state}"


class Measure(models.TextChoices):
    """政策种类 (GB/T 31000): the measures a supervision may carry."""

    COMMEND = "01", _("表彰奖励")
    NOTICE = "02", _("通报")
    WARNING = "03", _("沟通警示")
    INTERVIEW = "04", _("约谈")
    LISTED = "05", _("挂牌督办")
    DISCIPLINE = "06", _("处分建议")
    VETO = "07", _("一票否决")


class SupervisionStatus(models.TextChoices):
    PROPOSED = "proposed", _("待确认")  # raised by the periodic check, awaiting a supervisor
    ISSUED = "issued", _("已下达")
    DISMISSED = "dismissed", _("不予督办")


class Supervision(models.Model):
    """督办 of an item held by `unit`: counted in that unit's assessment when issued."""

    process = models.CharField(_("流程"), max_length=40)
    object_type = models.CharField(_("对象类型"), max_length=60)
    object_id = models.BigIntegerField(_("对象编号"))
    area = models.ForeignKey(
        "areas.Area", verbose_name=_("所属区划"), on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("被督办单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="supervisions",
    )
    level = models.CharField(_("督办级别"), max_length=10, choices=SupervisionLevel.choices)
    measure = models.CharField(_("政策种类"), max_length=2, choices=Measure.choices, blank=True)
    status = models.CharField(
        _("状态"),
        max_length=10,
        choices=SupervisionStatus.choices,
        default=SupervisionStatus.ISSUED,
    )
    reason = models.CharField(_("督办理由"), max_length=500)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("督办人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("提出时间"))
    decided_at = models.DateTimeField(_("确认时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("督办")
        verbose_name_plural = _("督办")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["unit", "status", "created_at"], name="supervision_unit"),
            models.Index(fields=["object_type", "object_id"], name="supervision_object"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["object_type", "object_id", "level"],
                condition=models.Q(status="proposed"),
                name="supervision_one_proposal_per_level",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_level_display()} · {self.object_type}#{self.object_id}"


def process_choices() -> list[tuple[str, str]]:
    from backend.workflow.registry import processes

    return [(name, str(process.label)) for name, process in processes().items()]


class EscalationRule(models.Model):
    """When the periodic check reminds and proposes supervision, per process; edited by the
    city's administrators (a process without a row uses the defaults of the fields)."""

    process = models.CharField(_("流程"), max_length=40, unique=True, choices=process_choices)
    remind_before_hours = models.PositiveIntegerField(_("到期前提醒（小时）"), default=24)
    ordinary_after_hours = models.PositiveIntegerField(_("超期多久建议一般督办（小时）"), default=0)
    yellow_after_days = models.PositiveIntegerField(_("超期多久建议黄牌督办（天）"), default=3)
    red_after_days = models.PositiveIntegerField(_("超期多久建议红牌督办（天）"), default=7)

    class Meta:
        verbose_name = _("提醒与督办规则")
        verbose_name_plural = _("提醒与督办规则")
        ordering = ["process"]

    def __str__(self) -> str:
        return str(self.get_process_display())

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.red_after_days < self.yellow_after_days:
            raise ValidationError({"red_after_days": _("红牌督办的超期天数不能少于黄牌督办")})
        if self.ordinary_after_hours > self.yellow_after_days * 24:
            raise ValidationError({"ordinary_after_hours": _("一般督办的超期时长不能晚于黄牌督办")})
