"""A problem reported by a grid worker, a resident (136民意快递) or the 12345 hotline."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from backend.areas.models import Level
from backend.common.models import Scoped, SupervisionLevel
from backend.common.validators import validate_phone


class ReportSource(models.TextChoices):
    GRID_WORKER = "grid_worker", _("网格员上报")
    RESIDENT = "resident", _("民意快递")
    HOTLINE = "hotline", _("12345热线")
    OTHER = "other", _("其他")


class ReportStatus(models.TextChoices):
    REGISTERED = "registered", _("已受理")
    DISPATCHED = "dispatched", _("已派单")
    SIGNED = "signed", _("已签收")
    HANDLING = "handling", _("办理中")
    FED_BACK = "fed_back", _("已反馈")
    VERIFIED = "verified", _("已核查")
    CLOSED = "closed", _("已办结")
    RETURNED = "returned", _("已回退")


class Report(Scoped):
    number = models.CharField(_("事项编号"), max_length=20, unique=True)
    source = models.CharField(_("来源"), max_length=20, choices=ReportSource.choices)
    category = models.ForeignKey(
        "reports.ReportCategory",
        verbose_name=_("事项类别"),
        on_delete=models.PROTECT,
        related_name="reports",
    )
    location = models.CharField(_("发生地点"), max_length=200, blank=True)
    latitude = models.DecimalField(_("纬度"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(
        _("经度"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    title = models.CharField(_("标题"), max_length=100)
    description = models.TextField(_("问题描述"))
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("上报人账号"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Sensitive personal information: never in messages, __str__ or logs.
    reporter_name = models.CharField(_("反映人姓名"), max_length=50, blank=True)
    reporter_phone = models.CharField(
        _("反映人电话"), max_length=20, blank=True, validators=[validate_phone]
    )
    status = models.CharField(
        _("状态"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.REGISTERED
    )
    current_unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("当前承办单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,  # covered by the (current_unit, status, deadline) index
    )
    registered_at = models.DateTimeField(_("受理时间"))
    deadline = models.DateTimeField(_("办理期限"), null=True, blank=True)
    supervision_level = models.CharField(
        _("督办级别"),
        max_length=10,
        choices=SupervisionLevel.choices,
        default=SupervisionLevel.NONE,
    )
    closed_at = models.DateTimeField(_("办结时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("事件（民意诉求）")
        verbose_name_plural = _("事件（民意诉求）")
        ordering = ["-registered_at"]
        indexes = [
            models.Index(
                fields=["current_unit", "status", "deadline"], name="report_unit_status_dl"
            ),
            models.Index(fields=["area", "status"], name="report_area_status"),
            models.Index(fields=["status", "deadline"], name="report_status_deadline"),
            models.Index(fields=["registered_at"], name="report_registered_at"),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    def clean(self) -> None:
        if self.area_id is not None and self.area.level not in (Level.TOWNSHIP, Level.VILLAGE):
            raise ValidationError({"area": _("事项所在区划必须是乡镇（街道）或村（社区）")})
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError({"latitude": _("经纬度须同时填写")})
