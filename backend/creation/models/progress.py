"""What happens to a task after assignment: progress reports and acceptance reviews."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from backend.creation.models.tasks import CreationTask


class TaskProgressReport(models.Model):
    """A periodic report of a responsible unit: % done and what was done (evidence attaches here)."""

    task = models.ForeignKey(
        CreationTask,
        verbose_name=_("创建任务"),
        on_delete=models.CASCADE,
        related_name="progress_reports",
    )
    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("报送单位"),
        on_delete=models.PROTECT,
        related_name="creation_progress_reports",
    )
    percent = models.PositiveSmallIntegerField(
        _("完成进度（%）"), validators=[MaxValueValidator(100)]
    )
    narrative = models.TextField(_("进展情况"))
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("报送人"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    reported_at = models.DateTimeField(_("报送时间"), default=timezone.now)

    class Meta:
        verbose_name = _("进度报告")
        verbose_name_plural = _("进度报告")
        ordering = ["task", "-reported_at"]
        indexes = [models.Index(fields=["task", "-reported_at"], name="creation_report_task_time")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(percent__lte=100), name="creation_report_percent_lte_100"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.task_id} · {self.unit} · {self.percent}%"


class ReviewDecision(models.TextChoices):
    ACCEPTED = "accepted", _("验收通过")
    RETURNED = "returned", _("退回整改")


class TaskReview(models.Model):
    """The outcome of an acceptance review (验收): who decided, when, and why a task went back."""

    task = models.ForeignKey(
        CreationTask, verbose_name=_("创建任务"), on_delete=models.CASCADE, related_name="reviews"
    )
    decision = models.CharField(_("验收结论"), max_length=20, choices=ReviewDecision.choices)
    opinion = models.TextField(_("验收意见"), blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("验收人"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("验收时间"), default=timezone.now)

    class Meta:
        verbose_name = _("验收记录")
        verbose_name_plural = _("验收记录")
        ordering = ["task", "-reviewed_at"]

    def __str__(self) -> str:
        return f"{self.task_id} · {self.get_decision_display()}"

    def clean(self) -> None:
        if self.decision == ReviewDecision.RETURNED and not self.opinion.strip():
            raise ValidationError({"opinion": _("退回整改须填写退回理由")})
