"""Mediation sessions, the agreement (人民调解法 art. 28–29), its judicial confirmation (art. 33)
and the follow-up visit (回访)."""

import re
from datetime import timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from backend.disputes.models.choices import AgreementForm, Ruling
from backend.disputes.models.dispute import Dispute
from backend.org.models import UnitKind

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

CONFIRMATION_WINDOW = timedelta(days=30)  # art. 33: apply within 30 days of the agreement's effect
ACCEPTANCE_WINDOW = timedelta(days=3)  # the court decides within 3 days whether to accept
# e.g. （2026）冀0926民特123号 (since 2016) or （2014）肃民调确字第12号 (before).
CASE_NUMBER_RE = re.compile(r"^[（(]\d{4}[）)].*(调确字|民特).*\d+号$")
WRITTEN_FIELDS = (
    "facts",
    "disputed_points",
    "responsibilities",
    "terms",
    "performance_manner",
    "performance_deadline",
    "effective_on",
)


class MediationRecord(models.Model):
    dispute = models.ForeignKey(
        Dispute, verbose_name=_("矛盾纠纷"), on_delete=models.CASCADE, related_name="records"
    )
    held_at = models.DateTimeField(_("调解时间"))
    place = models.CharField(_("调解地点"), max_length=100)
    mediators = models.ManyToManyField(
        "teams.TeamMember", verbose_name=_("到场调解员"), related_name="mediation_records"
    )
    content = models.TextField(_("调解记录"))
    result = models.CharField(_("本次调解结果"), max_length=200)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("记录人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("调解记录")
        verbose_name_plural = _("调解记录")
        ordering = ["dispute", "held_at"]

    def __str__(self) -> str:
        return f"{self.held_at:%Y-%m-%d} {self.place}"


class MediationAgreement(models.Model):
    """The agreement of a dispute; the parties are the dispute's parties. A dispute has one current
    agreement: one the court rules invalid is voided (kept for the record) before re-mediation."""

    dispute = models.ForeignKey(
        Dispute, verbose_name=_("矛盾纠纷"), on_delete=models.CASCADE, related_name="agreements"
    )
    form = models.CharField(_("协议形式"), max_length=10, choices=AgreementForm.choices)
    facts = models.TextField(_("主要事实"), blank=True)
    disputed_points = models.TextField(_("争议事项"), blank=True)
    responsibilities = models.TextField(_("各方责任"), blank=True)
    terms = models.TextField(_("协议内容"), blank=True)
    performance_manner = models.CharField(_("履行方式"), max_length=200, blank=True)
    performance_deadline = models.DateField(_("履行期限"), null=True, blank=True)
    content = models.TextField(_("口头协议内容"), blank=True)
    signed_on = models.DateField(_("签订日期"))
    effective_on = models.DateField(
        _("生效日期"),
        null=True,
        blank=True,
        help_text=_("各方当事人、调解员签名并加盖调委会印章之日"),
    )
    voided = models.BooleanField(_("已作废"), default=False)

    class Meta:
        verbose_name = _("调解协议")
        verbose_name_plural = _("调解协议")
        constraints = [
            models.UniqueConstraint(
                fields=["dispute"],
                condition=models.Q(voided=False),
                name="agreement_one_current_per_dispute",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_form_display()} {self.signed_on:%Y-%m-%d}"

    def clean(self) -> None:
        if self.form == AgreementForm.ORAL:
            if not self.content.strip():
                raise ValidationError({"content": _("口头协议须记录协议内容")})
            return
        missing = {
            name: _("书面调解协议须载明此项")
            for name in WRITTEN_FIELDS
            if getattr(self, name) in (None, "") or str(getattr(self, name)).strip() == ""
        }
        if missing:
            raise ValidationError(missing)
        # a written agreement got this far only with both dates filled in (WRITTEN_FIELDS)
        assert self.effective_on is not None and self.performance_deadline is not None
        if self.signed_on and self.effective_on < self.signed_on:
            raise ValidationError({"effective_on": _("生效日期不能早于签订日期")})
        if self.signed_on and self.performance_deadline < self.signed_on:
            raise ValidationError({"performance_deadline": _("履行期限不能早于签订日期")})


class JudicialConfirmation(models.Model):
    agreement = models.OneToOneField(
        MediationAgreement,
        verbose_name=_("调解协议"),
        on_delete=models.CASCADE,
        related_name="confirmation",
    )
    court = models.ForeignKey(
        "org.Unit",
        verbose_name=_("人民法院"),
        on_delete=models.PROTECT,
        related_name="judicial_confirmations",
        limit_choices_to={"kind__in": (UnitKind.COURT, UnitKind.TRIBUNAL)},
    )
    applied_on = models.DateField(_("申请日期"))
    joint_application = models.BooleanField(_("双方共同申请"), default=True)
    accepted_on = models.DateField(_("受理日期"), null=True, blank=True)
    case_number = models.CharField(_("案号"), max_length=50, blank=True)
    ruling = models.CharField(
        _("裁定结果"), max_length=10, choices=Ruling.choices, default=Ruling.PENDING
    )
    ruled_on = models.DateField(_("裁定日期"), null=True, blank=True)

    class Meta:
        verbose_name = _("司法确认")
        verbose_name_plural = _("司法确认")
        indexes = [models.Index(fields=["court", "ruling"], name="confirmation_court_ruling")]

    def __str__(self) -> str:
        return self.case_number or f"{self.court} {self.applied_on:%Y-%m-%d}"

    def clean(self) -> None:
        errors: dict[str, StrOrPromise] = {}
        if self.court_id and self.court.kind not in (UnitKind.COURT, UnitKind.TRIBUNAL):
            errors["court"] = _("司法确认须向人民法院或人民法庭申请")
        if not self.joint_application:
            errors["joint_application"] = _("司法确认须由双方当事人共同申请")
        self._check_window(errors)
        if (
            self.accepted_on
            and self.applied_on
            and not (self.applied_on <= self.accepted_on <= self.applied_on + ACCEPTANCE_WINDOW)
        ):
            errors["accepted_on"] = _("受理日期须在申请之日起 3 日内")
        if self.case_number and not CASE_NUMBER_RE.match(self.case_number):
            errors["case_number"] = _("案号格式不正确（应如“（2026）冀0926民特123号”）")
        if self.ruled_on and (not self.accepted_on or self.ruled_on < self.accepted_on):
            errors["ruled_on"] = _("裁定日期不能早于受理日期")
        if errors:
            raise ValidationError(errors)

    def _check_window(self, errors: "dict[str, StrOrPromise]") -> None:
        effective = self.agreement.effective_on if self.agreement_id else None
        if effective is None:
            errors["agreement"] = _("调解协议尚未生效，不能申请司法确认")
        elif self.applied_on and not (
            effective <= self.applied_on <= effective + CONFIRMATION_WINDOW
        ):
            errors["applied_on"] = _("须在调解协议生效之日起 30 日内申请司法确认")


class DisputeReview(models.Model):
    """A follow-up visit (回访): was the agreement carried out, and what do the parties say."""

    dispute = models.ForeignKey(
        Dispute, verbose_name=_("矛盾纠纷"), on_delete=models.CASCADE, related_name="reviews"
    )
    visited_on = models.DateField(_("回访日期"))
    performed = models.BooleanField(_("协议已履行"))
    opinion = models.TextField(_("回访意见"))
    visited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("回访人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("回访记录")
        verbose_name_plural = _("回访记录")
        ordering = ["dispute", "visited_on"]

    def __str__(self) -> str:
        return f"{self.visited_on:%Y-%m-%d} {'已履行' if self.performed else '未履行'}"
