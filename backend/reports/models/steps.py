"""The history of a report (one row per action) and the resident's evaluation."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class StepAction(models.TextChoices):
    REGISTER = "register", _("受理")
    DISPATCH = "dispatch", _("派单")
    SIGN = "sign", _("签收")
    RETURN = "return", _("回退")
    TRANSFER = "transfer", _("转派")
    EXTEND = "extend", _("延期申请")
    EXTEND_APPROVE = "extend_approve", _("延期审批")
    FEEDBACK = "feedback", _("反馈")
    VERIFY = "verify", _("核查")
    REVISIT = "revisit", _("回访")
    CLOSE = "close", _("办结")
    REDO = "redo", _("退回重办")
    SUPERVISE = "supervise", _("督办")


# Steps that hand the report to `to_unit` to work on: they stay open until that unit lets go.
HOLDING_ACTIONS = (StepAction.DISPATCH, StepAction.TRANSFER, StepAction.REDO)


class DispatchStep(models.Model):
    """One action on a report. Holding steps (派单, 转派, 退回重办) are signed and finished later;
    the feedback step carries the handler's result, and evidence attaches to it."""

    report = models.ForeignKey(
        "reports.Report",
        verbose_name=_("事项"),
        on_delete=models.CASCADE,
        related_name="steps",
        db_index=False,  # covered by the (report, action) index
    )
    action = models.CharField(_("环节"), max_length=20, choices=StepAction.choices)
    from_unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("来源单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    to_unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("目标单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,  # covered by the (to_unit, action, entered_at) index
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("操作人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    entered_at = models.DateTimeField(_("进入时间"))
    signed_at = models.DateTimeField(_("签收时间"), null=True, blank=True)
    finished_at = models.DateTimeField(_("完成时间"), null=True, blank=True)
    deadline = models.DateTimeField(_("期限"), null=True, blank=True)
    reason = models.CharField(_("理由"), max_length=500, blank=True)
    note = models.TextField(_("内容"), blank=True)

    class Meta:
        verbose_name = _("流转环节")
        verbose_name_plural = _("流转环节")
        ordering = ["report", "entered_at", "id"]
        indexes = [
            models.Index(fields=["to_unit", "action", "entered_at"], name="step_to_unit_action"),
            models.Index(fields=["report", "action"], name="step_report_action"),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} · {self.entered_at:%Y-%m-%d %H:%M}"


class Satisfaction(models.TextChoices):
    SATISFIED = "satisfied", _("满意")
    BASICALLY = "basically", _("基本满意")
    DISSATISFIED = "dissatisfied", _("不满意")


class ReportEvaluation(models.Model):
    report = models.OneToOneField(
        "reports.Report",
        verbose_name=_("事项"),
        on_delete=models.CASCADE,
        related_name="evaluation",
    )
    solved = models.BooleanField(_("问题是否解决"))
    satisfaction = models.CharField(_("满意度"), max_length=20, choices=Satisfaction.choices)
    comment = models.CharField(_("评价意见"), max_length=500, blank=True)
    evaluated_at = models.DateTimeField(_("评价时间"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("评价人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("群众评价")
        verbose_name_plural = _("群众评价")
        ordering = ["-evaluated_at"]
        indexes = [models.Index(fields=["evaluated_at"], name="evaluation_evaluated_at")]

    def __str__(self) -> str:
        return f"{self.report_id} · {self.get_satisfaction_display()}"
