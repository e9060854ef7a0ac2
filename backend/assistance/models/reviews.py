"""Every decision on a subsidy case, with who made it, for which unit, when and why."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from backend.assistance.models.cases import SubsidyCase


class ReviewStage(models.TextChoices):
    TOWNSHIP_REVIEW = "township_review", _("乡镇审核")
    COUNTY_APPROVAL = "county_approval", _("县级审批")
    RECHECK = "recheck", _("复核")
    # Decisions outside a periodic re-check (death, moving away, income found …).
    SUSPENSION = "suspension", _("暂停发放")
    TERMINATION = "termination", _("终止救助")


# A suspension or termination is recorded with decision REJECT: payment does not continue.
STOPPING_STAGES = (ReviewStage.SUSPENSION, ReviewStage.TERMINATION)


class SubsidyDecision(models.TextChoices):
    PASS = "pass", _("通过")
    REJECT = "reject", _("不通过")


class SubsidyReview(models.Model):
    """A decision; suspensions and terminations are recorded with decision REJECT."""

    case = models.ForeignKey(
        SubsidyCase, verbose_name=_("救助案件"), on_delete=models.CASCADE, related_name="reviews"
    )
    stage = models.CharField(_("环节"), max_length=20, choices=ReviewStage.choices)
    decision = models.CharField(_("结论"), max_length=10, choices=SubsidyDecision.choices)
    opinion = models.TextField(_("意见"), blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("经办人"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("经办单位"),
        on_delete=models.PROTECT,
        related_name="subsidy_reviews",
    )
    reviewed_at = models.DateTimeField(_("办理时间"), default=timezone.now)

    class Meta:
        verbose_name = _("审核记录")
        verbose_name_plural = _("审核记录")
        ordering = ["case", "reviewed_at"]

    def __str__(self) -> str:
        return f"{self.get_stage_display()} · {self.get_decision_display()}（案件 {self.case_id}）"

    def clean(self) -> None:
        needs_reason = self.decision == SubsidyDecision.REJECT or self.stage in STOPPING_STAGES
        if needs_reason and not self.opinion.strip():
            raise ValidationError({"opinion": _("不通过须填写意见")})


class RecheckOutcome(models.TextChoices):
    CONTINUE = "continue", _("继续发放")
    SUSPEND = "suspend", _("暂停发放")
    END = "end", _("终止救助")
