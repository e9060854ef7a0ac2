"""The dispute (矛盾纠纷) record of GB/T 31000, its causes and its assigned mediators."""

import calendar
from datetime import date
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from backend.areas.models import Level
from backend.codes.models import Table
from backend.common.models import Scoped, SupervisionLevel
from backend.common.validators import validate_phone
from backend.disputes.models.choices import Method, Source, Status

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# 02 一般群体性事件 / 03 重大群体性事件: a "group" dispute involves at least five people (the
# threshold local 群体性事件 rules commonly use); an individual one (01) may involve any number.
GROUP_SCALES = ("02", "03")
GROUP_MIN_PEOPLE = 5


def one_month_after(day: date) -> date:
    """Same day next month (clamped to the month's end): the usual 人民调解 time limit."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class Cause(models.Model):
    """A cause tag (成因), grouped on by the analytics."""

    code = models.CharField(_("代码"), max_length=20, unique=True)
    name = models.CharField(_("名称"), max_length=40)

    class Meta:
        verbose_name = _("纠纷成因")
        verbose_name_plural = _("纠纷成因")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


def _degrees(limit: int) -> list:
    return [MinValueValidator(-limit), MaxValueValidator(limit)]


class Dispute(Scoped):
    number = models.CharField(_("纠纷编号"), max_length=40, unique=True)
    title = models.CharField(_("事件名称"), max_length=100)
    occurred_on = models.DateField(_("发生日期"))
    registered_on = models.DateField(_("受理日期"), default=date.today)
    address = models.CharField(_("发生地点"), max_length=200)
    latitude = models.DecimalField(
        _("纬度"), max_digits=9, decimal_places=6, null=True, blank=True, validators=_degrees(90)
    )
    longitude = models.DecimalField(
        _("经度"), max_digits=9, decimal_places=6, null=True, blank=True, validators=_degrees(180)
    )
    scale = models.ForeignKey(
        "codes.Code",
        verbose_name=_("事件规模"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"table__key": Table.EVENT_SCALE},
    )
    type = models.ForeignKey(
        "codes.Code",
        verbose_name=_("事件类型"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"table__key": Table.EVENT_TYPE},
    )
    people_count = models.PositiveIntegerField(
        _("涉及人数"), default=1, validators=[MinValueValidator(1)]
    )
    summary = models.TextField(_("事件简述"))
    causes = models.ManyToManyField(
        Cause, verbose_name=_("成因"), blank=True, related_name="disputes"
    )
    source = models.CharField(_("来源"), max_length=20, choices=Source.choices)
    handling_unit = models.ForeignKey(
        "org.Unit", verbose_name=_("化解组织"), on_delete=models.PROTECT, related_name="disputes"
    )
    mediators = models.ManyToManyField(
        "teams.TeamMember",
        verbose_name=_("调解员"),
        blank=True,
        through="DisputeMediator",
        related_name="disputes",
    )
    status = models.CharField(
        _("状态"), max_length=20, choices=Status.choices, default=Status.REGISTERED
    )
    deadline = models.DateField(_("化解期限"))
    method = models.CharField(
        _("化解方式"), max_length=20, choices=Method.choices, default=Method.PEOPLE
    )
    responsible_name = models.CharField(_("责任人"), max_length=50)
    responsible_phone = models.CharField(
        _("责任人联系电话"), max_length=20, validators=[validate_phone]
    )
    supervision_level = models.CharField(
        _("督办级别"),
        max_length=10,
        choices=SupervisionLevel.choices,
        default=SupervisionLevel.NONE,
    )
    success = models.BooleanField(_("是否化解成功"), null=True, blank=True)
    outcome = models.TextField(_("化解情况"), blank=True)
    resolved_on = models.DateField(_("化解日期"), null=True, blank=True)
    evaluated_on = models.DateField(_("评价日期"), null=True, blank=True)
    evaluation = models.TextField(_("评价意见"), blank=True)
    closed_on = models.DateField(_("办结日期"), null=True, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("登记人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("矛盾纠纷")
        verbose_name_plural = _("矛盾纠纷")
        ordering = ["-registered_on", "-id"]
        indexes = [
            models.Index(fields=["area", "status"], name="dispute_area_status"),
            models.Index(fields=["status", "deadline"], name="dispute_status_deadline"),
            models.Index(fields=["handling_unit", "status"], name="dispute_unit_status"),
            models.Index(fields=["type", "area"], name="dispute_type_area"),
            models.Index(fields=["registered_on"], name="dispute_registered_on"),
            # the dashboard's grouped counts of an area read only these: an index-only scan on
            # PostgreSQL (SQLite has no INCLUDE and gets a plain index on the area)
            models.Index(
                fields=["area"],
                include=["id", "status", "success", "type"],
                name="dispute_area_figures",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    def clean(self) -> None:
        errors: dict[str, StrOrPromise] = {}
        self._check_codes(errors)
        self._check_dates(errors)
        if (self.latitude is None) != (self.longitude is None):
            errors["latitude"] = _("经纬度须同时填写或同时留空")
        if self.area_id and self.area.level < Level.TOWNSHIP:
            errors["area"] = _("纠纷发生地须为乡镇（街道）或村（社区）")
        elif self.area_id and self.handling_unit_id:
            low, high = self.handling_unit.area.subtree_range()
            if not low <= self.area_id <= high:
                errors["handling_unit"] = _("化解组织的管辖区划须包含纠纷发生地")
        if errors:
            raise ValidationError(errors)

    def _check_codes(self, errors: "dict[str, StrOrPromise]") -> None:
        if self.type_id and self.type.table.key != Table.EVENT_TYPE:
            errors["type"] = _("事件类型须为 GB/T 31000 事件类型代码")
        if self.scale_id and self.scale.table.key != Table.EVENT_SCALE:
            errors["scale"] = _("事件规模须为 GB/T 31000 事件规模代码")
        elif (
            self.scale_id
            and self.scale.code in GROUP_SCALES
            and (self.people_count or 0) < GROUP_MIN_PEOPLE
        ):
            errors["people_count"] = _("群体性事件涉及人数不得少于 5 人")

    def _check_dates(self, errors: "dict[str, StrOrPromise]") -> None:
        if self.occurred_on and self.registered_on and self.occurred_on > self.registered_on:
            errors["occurred_on"] = _("发生日期不能晚于受理日期")
        if self.deadline and self.registered_on and self.deadline < self.registered_on:
            errors["deadline"] = _("化解期限不能早于受理日期")

    @property
    def first_level_type(self):
        """The first-level 事件类型 (0902 宅基地使用 → 09 土地及资源权属纠纷)."""
        return self.type.parent or self.type


class DisputeMediator(models.Model):
    dispute = models.ForeignKey(
        Dispute,
        verbose_name=_("矛盾纠纷"),
        on_delete=models.CASCADE,
        related_name="mediator_assignments",
    )
    member = models.ForeignKey(
        "teams.TeamMember",
        verbose_name=_("调解员"),
        on_delete=models.PROTECT,
        related_name="dispute_assignments",
    )
    assigned_at = models.DateTimeField(_("指派时间"))
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("指派人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("调解员指派")
        verbose_name_plural = _("调解员指派")
        constraints = [
            models.UniqueConstraint(fields=["dispute", "member"], name="dispute_mediator_unique")
        ]

    def __str__(self) -> str:
        return f"{self.dispute.number} · {self.member.name}"
