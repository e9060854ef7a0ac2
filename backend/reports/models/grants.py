from django.db import models
from django.utils.translation import gettext_lazy as _

from backend.common.assignment import UnitGrantBase
from backend.reports.models.report import Report


class ReportUnitGrant(UnitGrantBase):
    """Object permissions of the units a 事件 is assigned to (django-guardian, direct FK)."""

    content_object = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="unit_grants")

    class Meta(UnitGrantBase.Meta):
        verbose_name = _("事件单位授权")
        verbose_name_plural = _("事件单位授权")
