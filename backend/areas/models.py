"""The division tree city ▸ county ▸ township ▸ village, keyed by 12-digit statistical codes."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.IntegerChoices):
    """GB/T 31000 层级 codes."""

    CITY = 3, _("地市级")
    COUNTY = 4, _("县级")
    TOWNSHIP = 5, _("乡镇级")
    VILLAGE = 6, _("村级")


# Digits of the 12-digit code that identify a node of each level; the rest are zeros.
SIGNIFICANT_DIGITS = {Level.CITY: 4, Level.COUNTY: 6, Level.TOWNSHIP: 9, Level.VILLAGE: 12}


class Kind(models.TextChoices):
    CITY = "city", _("地级市")
    DISTRICT = "district", _("市辖区")
    COUNTY = "county", _("县")
    COUNTY_CITY = "county_city", _("县级市")
    FUNCTIONAL_ZONE = "zone", _("功能区")
    STREET = "street", _("街道")
    TOWN = "town", _("镇")
    TOWNSHIP = "township", _("乡")
    QUASI_TOWNSHIP = "quasi_township", _("类似乡级单位")
    COMMUNITY = "community", _("社区居委会")
    VILLAGE = "village", _("村委会")
    QUASI_VILLAGE = "quasi_village", _("类似村级单位")


class Area(models.Model):
    code = models.BigIntegerField(_("统计用区划代码"), primary_key=True)
    name = models.CharField(_("名称"), max_length=60)
    level = models.PositiveSmallIntegerField(_("层级"), choices=Level.choices)
    kind = models.CharField(_("类别"), max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级区划"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    # e.g. "130900/130926/130926100/": ancestors in order, for breadcrumbs and ancestor look-ups.
    path = models.CharField(_("路径"), max_length=64, unique=True)

    class Meta:
        verbose_name = _("行政区划")
        verbose_name_plural = _("行政区划")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name

    @property
    def code12(self) -> str:
        return f"{self.code:012d}"

    @property
    def short_code(self) -> str:
        return self.code12[: max(SIGNIFICANT_DIGITS[Level(self.level)], 6)]

    def subtree_range(self) -> tuple[int, int]:
        """Inclusive bounds of the codes of this area and everything below it."""
        return subtree_range(self.code, Level(self.level))

    def clean(self) -> None:
        if self.parent is None and self.level != Level.CITY:
            raise ValidationError({"parent": _("只有地市级区划可以没有上级")})
        if self.parent is not None:
            low, high = self.parent.subtree_range()
            if self.level != self.parent.level + 1 or not low <= self.code <= high:
                raise ValidationError({"code": _("区划代码与上级区划不一致")})


def subtree_range(code: int, level: Level) -> tuple[int, int]:
    width = 10 ** (12 - SIGNIFICANT_DIGITS[level])
    low = code - code % width
    return low, low + width - 1
