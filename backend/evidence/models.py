"""Evidence files (佐证材料) attached to a task progress report, dispute, report, subsidy case or
enterprise problem. Stored through Django's storage API under a random name; the original file
name is kept only as data, and no storage path is ever shown to users."""

import operator
import uuid
from functools import reduce
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from backend.common.models import Scoped

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# Exactly one of these is set; each is the parent whose scope and permissions the file follows.
PARENT_FIELDS = (
    "progress_report",
    "dispute",
    "report",
    "subsidy_case",
    "enterprise_problem",
    "assessment",
)


def storage_name(instance: "Evidence | None", filename: str) -> str:
    return f"evidence/{timezone.now():%Y/%m}/{uuid.uuid4().hex}"


def _parent(model: str, label: "StrOrPromise") -> models.ForeignKey:
    return models.ForeignKey(
        model,
        verbose_name=label,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="evidence",
    )


def _exactly_one_parent() -> models.Q:
    def only(chosen: str) -> models.Q:
        return models.Q(**{f"{name}__isnull": name != chosen for name in PARENT_FIELDS})

    return reduce(operator.or_, (only(chosen) for chosen in PARENT_FIELDS))


class Evidence(Scoped):
    file = models.FileField(_("文件"), upload_to=storage_name, max_length=200)
    original_name = models.CharField(_("原文件名"), max_length=255)
    content_type = models.CharField(_("文件类型"), max_length=100)
    size = models.PositiveBigIntegerField(_("大小（字节）"))
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    description = models.CharField(_("说明"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("上传人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    progress_report = _parent("creation.TaskProgressReport", _("任务进展报告"))
    dispute = _parent("disputes.Dispute", _("矛盾纠纷"))
    report = _parent("reports.Report", _("事件"))
    report_step = models.ForeignKey(
        "reports.DispatchStep",
        verbose_name=_("办理环节"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="evidence",
    )
    subsidy_case = _parent("assistance.SubsidyCase", _("救助案件"))
    enterprise_problem = _parent("enterprise.EnterpriseProblem", _("企业诉求"))
    assessment = _parent("peacevillage.Assessment", _("平安村庄考评"))

    class Meta:
        verbose_name = _("佐证材料")
        verbose_name_plural = _("佐证材料")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(_exactly_one_parent()), name="evidence_one_parent"
            ),
            models.CheckConstraint(
                condition=models.Q(report_step__isnull=True) | models.Q(report__isnull=False),
                name="evidence_step_has_report",
            ),
        ]

    def __str__(self) -> str:
        return self.original_name
