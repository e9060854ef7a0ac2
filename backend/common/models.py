"""Abstract bases shared by the domain apps."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStamped(models.Model):
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        abstract = True


class Scoped(TimeStamped):
    """A row that belongs to a division: the area FK (a 12-digit statistical code) is the scope.

    Area primary keys are the statistical codes, so "everything under 肃宁县" is the integer range
    130926000000..130926999999 on this row's own indexed column — no join needed.
    """

    area = models.ForeignKey(
        "areas.Area", verbose_name=_("所属区划"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        abstract = True


class SupervisionLevel(models.TextChoices):
    """督办 level of an item (DOMAIN.md: ordinary, yellow card, red card)."""

    NONE = "none", _("未督办")
    ORDINARY = "ordinary", _("一般督办")
    YELLOW = "yellow", _("黄牌督办")
    RED = "red", _("红牌督办")


class NumberSequence(models.Model):
    """One row per record-number prefix (JF-130926-2026-, SJ-2026- …): the lock under which the
    next number is taken, so that two concurrent registrations never compute the same one
    (backend/common/numbering.py). `last` is the number most recently handed out."""

    audit_writes = False  # bookkeeping of the numbering itself; the numbered records are audited

    prefix = models.CharField(_("编号前缀"), max_length=40, unique=True)
    last = models.PositiveIntegerField(_("最近编号"), default=0)

    class Meta:
        verbose_name = _("编号序列")
        verbose_name_plural = _("编号序列")

    def __str__(self) -> str:
        return f"{self.prefix}{self.last}"
