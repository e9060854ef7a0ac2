from django.db import models
from django.utils.translation import gettext_lazy as _

from backend.common.assignment import UnitGrantBase
from backend.creation.models.tasks import CreationTask


class CreationTaskUnitGrant(UnitGrantBase):
    """Object permissions of the units a 创建任务 is assigned to (django-guardian, direct FK)."""

    content_object = models.ForeignKey(
        CreationTask, on_delete=models.CASCADE, related_name="unit_grants"
    )

    class Meta(UnitGrantBase.Meta):
        verbose_name = _("创建任务单位授权")
        verbose_name_plural = _("创建任务单位授权")
