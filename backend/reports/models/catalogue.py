"""Admin-edited reference data: the report categories with their time limits, and the dispatch
catalogue (category × area → unit)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class LimitClass(models.TextChoices):
    """Time-limit classes (DOMAIN.md): utilities 24 h, ordinary 7 days, complex 15 days."""

    UTILITY = "utility", _("紧急类（24小时）")
    ORDINARY = "ordinary", _("一般类（7天）")
    COMPLEX = "complex", _("复杂类（15天）")


DEFAULT_LIMIT_HOURS = {
    LimitClass.UTILITY: 24,
    LimitClass.ORDINARY: 7 * 24,
    LimitClass.COMPLEX: 15 * 24,
}


class ReportCategory(models.Model):
    code = models.CharField(_("类别编码"), max_length=10, unique=True)
    name = models.CharField(_("类别名称"), max_length=40)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级类别"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    limit_class = models.CharField(
        _("时限类别"), max_length=10, choices=LimitClass.choices, default=LimitClass.ORDINARY
    )
    # Left blank, the class default is filled in by clean(); admins may then set any number of hours.
    time_limit_hours = models.PositiveIntegerField(_("办理时限（小时）"), blank=True)
    active = models.BooleanField(_("启用"), default=True)

    class Meta:
        verbose_name = _("事项类别")
        verbose_name_plural = _("事项类别")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def clean(self) -> None:
        if self.time_limit_hours is None:
            self.time_limit_hours = DEFAULT_LIMIT_HOURS[LimitClass(self.limit_class)]
        if self.time_limit_hours == 0:
            raise ValidationError({"time_limit_hours": _("办理时限必须大于零")})
        if self.parent is not None and self.parent.parent_id is not None:
            raise ValidationError({"parent": _("事项类别最多两级")})
        if self.parent is not None and self.parent.pk == self.pk:
            raise ValidationError({"parent": _("上级类别不能是自身")})


class DispatchRule(models.Model):
    """派单目录: items of `category` registered anywhere under `area` go to `unit`.
    The most specific matching area wins (see selectors.dispatch_target)."""

    category = models.ForeignKey(
        ReportCategory, verbose_name=_("事项类别"), on_delete=models.CASCADE, related_name="rules"
    )
    area = models.ForeignKey(
        "areas.Area", verbose_name=_("适用区划"), on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("承办单位"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("派单规则")
        verbose_name_plural = _("派单目录")
        ordering = ["category", "area"]
        constraints = [
            models.UniqueConstraint(fields=["category", "area"], name="dispatch_rule_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.category.name} · {self.area} → {self.unit}"
