from django.db import models
from django.utils.translation import gettext_lazy as _

from backend.common.assignment import UnitGrantBase
from backend.disputes.models.dispute import Dispute


class DisputeUnitGrant(UnitGrantBase):
    """Object permissions of the units a 矛盾纠纷 is assigned to (django-guardian, direct FK)."""

    content_object = models.ForeignKey(
        Dispute, on_delete=models.CASCADE, related_name="unit_grants"
    )

    class Meta(UnitGrantBase.Meta):
        verbose_name = _("矛盾纠纷单位授权")
        verbose_name_plural = _("矛盾纠纷单位授权")
