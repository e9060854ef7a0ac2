"""案（事）件登记: the security incidents recorded in a village (GB/T 31000 案件类型 and 案件分级),
kept by the township and county centres. The peace-village check 无重大刑事案件 reads them: a
criminal case (案件类型 04) graded 特别重大 or 重大 (案件分级 01/02) fails the village's period."""

from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from backend.codes.models import Table

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise
from backend.common.models import Scoped

CRIMINAL = "04"  # 案件类型: 有关刑事案件
MAJOR_GRADES = ("01", "02")  # 案件分级: 特别重大, 重大


def _code(label: "StrOrPromise", table: str) -> models.ForeignKey:
    return models.ForeignKey(
        "codes.Code",
        verbose_name=label,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"table__key": table},
    )


class Incident(Scoped):
    area = models.ForeignKey(
        "areas.Area",
        verbose_name=_("发生地（村、社区）"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    case_type = _code(_("案件类型"), Table.CASE_TYPE)
    grade = _code(_("案件分级"), Table.CASE_GRADE)
    title = models.CharField(_("案（事）件名称"), max_length=100)
    occurred_on = models.DateField(_("发生日期"))
    summary = models.TextField(_("简要情况"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("登记人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("案（事）件登记")
        verbose_name_plural = _("案（事）件登记")
        ordering = ["-occurred_on", "-id"]
        indexes = [models.Index(fields=["area", "occurred_on"], name="incident_area_day")]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        from backend.peacevillage.models import check_village

        check_village(self.area_id, self.area.level if self.area_id else None)
        if self.occurred_on and self.occurred_on > timezone.localdate():
            raise ValidationError({"occurred_on": _("发生日期不能晚于今天")})

    @property
    def major_criminal(self) -> bool:
        return self.case_type.code == CRIMINAL and self.grade.code in MAJOR_GRADES
