"""Mediators' marks on recommended provisions: useful or not, one per dispute, article and user."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from backend.legal.corpus import provisions_by_key


class RecommendationFeedback(models.Model):
    dispute = models.ForeignKey(
        "disputes.Dispute",
        verbose_name=_("矛盾纠纷"),
        on_delete=models.CASCADE,
        related_name="recommendation_feedback",
    )
    provision_key = models.CharField(_("法条"), max_length=40)
    useful = models.BooleanField(_("是否有用"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("标记人"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    marked_at = models.DateTimeField(_("标记时间"), default=timezone.now)

    class Meta:
        verbose_name = _("推荐反馈")
        verbose_name_plural = _("推荐反馈")
        constraints = [
            models.UniqueConstraint(
                fields=["dispute", "provision_key", "user"], name="legal_feedback_unique"
            )
        ]
        indexes = [models.Index(fields=["provision_key"], name="legal_feedback_provision")]

    def __str__(self) -> str:
        return f"{self.provision_key} {'有用' if self.useful else '无用'}"

    def clean(self) -> None:
        if self.provision_key not in provisions_by_key():
            raise ValidationError({"provision_key": _("法条不存在")})
