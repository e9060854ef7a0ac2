"""The working-day calendar (法定节假日 and 调休上班日) and the administrators' time limits."""

from collections.abc import Mapping
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class DayKind(models.TextChoices):
    HOLIDAY = "holiday", _("法定节假日/休息日")
    WORKDAY = "workday", _("调休上班日")


class LimitUnit(models.TextChoices):
    HOURS = "hours", _("小时")
    DAYS = "days", _("自然日")
    WORKING_DAYS = "working_days", _("工作日")


def day_is_working(days: Mapping[date, str], day: date) -> bool:
    """The meaning of the calendar: a listed day is what its row says; any other day is a working
    day from Monday to Friday and a rest day on Saturday and Sunday."""
    kind = days.get(day)
    return day.weekday() < 5 if kind is None else kind == DayKind.WORKDAY


class CalendarDay(models.Model):
    """A day that differs from the Monday–Friday rule, or a holiday (weekends inside a holiday
    period may be listed too). Edited by administrators; see data/holidays.csv."""

    day = models.DateField(_("日期"), unique=True)
    kind = models.CharField(_("类型"), max_length=10, choices=DayKind.choices)
    name = models.CharField(_("节日名称"), max_length=20)
    note = models.CharField(_("备注"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("节假日安排")
        verbose_name_plural = _("工作日历")
        ordering = ["day"]

    def __str__(self) -> str:
        return f"{self.day:%Y-%m-%d} {self.name}（{self.get_kind_display()}）"

    def clean(self) -> None:
        if self.kind == DayKind.WORKDAY and self.day and self.day.weekday() < 5:
            raise ValidationError({"kind": _("调休上班日必须是周六或周日")})


class TimeLimit(models.Model):
    """The time limit of one step of a process (optionally of one category of its items)."""

    process = models.CharField(
        _("流程"),
        max_length=60,
        validators=[
            RegexValidator(
                r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$",
                _("流程标识只能由小写字母、数字、下划线和点组成，如 dispute.mediation"),
            )
        ],
    )
    category_code = models.CharField(
        _("类别代码"), max_length=20, blank=True, help_text=_("留空表示该流程的默认时限")
    )
    amount = models.PositiveIntegerField(
        _("时限"),
        validators=[
            MinValueValidator(1, _("时限必须大于零")),
            MaxValueValidator(9999, _("时限不能超过 9999")),
        ],
    )
    unit = models.CharField(_("单位"), max_length=20, choices=LimitUnit.choices)
    label = models.CharField(_("名称"), max_length=60)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("办理时限")
        verbose_name_plural = _("办理时限")
        ordering = ["process", "category_code"]
        constraints = [
            models.UniqueConstraint(
                fields=["process", "category_code"], name="time_limit_unique_per_category"
            )
        ]

    def __str__(self) -> str:
        return f"{self.label}：{self.amount}{self.get_unit_display()}"
