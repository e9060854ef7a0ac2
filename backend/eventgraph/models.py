"""The event graph's index: keyed digests of the parties' ID numbers and phones (PartyKey), and the
links between reports and disputes that share a party, a phone, a place or a type (EventLink).

Both tables are derived data, recomputed by the jobs in tasks.py and by `eventgraph_rebuild`, so
their writes are not audited (the writes of the items they are derived from are). Neither holds a
personal number: a PartyKey keeps an HMAC-SHA256 digest under a key derived from SECRET_KEY and the
masked form users without the unmask permission see anyway (138****5678)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

DISPUTE, REPORT = "disputes.dispute", "reports.report"
OBJECT_TYPES = ((DISPUTE, _("矛盾纠纷")), (REPORT, _("民意诉求")))


class KeyKind(models.TextChoices):
    ID = "id", _("证件号码")
    PHONE = "phone", _("联系电话")


class LinkKind(models.TextChoices):
    PARTY = "party", _("同一当事人")
    PHONE = "phone", _("同一电话")
    PLACE = "place", _("同一地点")
    TYPE = "type", _("同类事项")


class PartyKey(models.Model):
    audit_writes = False  # derived from audited writes; rebuilt in bulk

    object_type = models.CharField(_("对象类型"), max_length=30, choices=OBJECT_TYPES)
    object_id = models.BigIntegerField(_("对象编号"))
    kind = models.CharField(_("类别"), max_length=10, choices=KeyKind.choices)
    digest = models.CharField(_("摘要"), max_length=64)
    label = models.CharField(_("脱敏标识"), max_length=40)
    area = models.ForeignKey(
        "areas.Area", verbose_name=_("所属区划"), on_delete=models.CASCADE, related_name="+"
    )
    day = models.DateField(_("日期"))

    class Meta:
        verbose_name = _("当事人索引")
        verbose_name_plural = _("当事人索引")
        constraints = [
            models.UniqueConstraint(
                fields=["object_type", "object_id", "kind", "digest"], name="eventgraph_key_unique"
            )
        ]
        indexes = [
            models.Index(fields=["digest", "day"], name="eventgraph_key_digest"),
            models.Index(fields=["area", "day"], name="eventgraph_key_area"),
        ]

    def __str__(self) -> str:
        return f"{self.object_type}#{self.object_id} · {self.get_kind_display()}"


class EventLink(models.Model):
    """One relation between two items; (a_type, a_id) < (b_type, b_id), one row per pair and kind.
    `area` is the smallest division holding both items (the village, township, county or city) and
    `day` the later of the two items' dates."""

    audit_writes = False

    kind = models.CharField(_("关联类别"), max_length=10, choices=LinkKind.choices)
    a_type = models.CharField(_("对象A类型"), max_length=30, choices=OBJECT_TYPES)
    a_id = models.BigIntegerField(_("对象A编号"))
    b_type = models.CharField(_("对象B类型"), max_length=30, choices=OBJECT_TYPES)
    b_id = models.BigIntegerField(_("对象B编号"))
    area = models.ForeignKey(
        "areas.Area",
        verbose_name=_("所属区划"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    weight = models.FloatField(_("关联强度"))
    reason = models.CharField(_("关联原因"), max_length=200)  # never personal data
    day = models.DateField(_("日期"))
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("事件关联")
        verbose_name_plural = _("事件关联")
        constraints = [
            models.UniqueConstraint(
                fields=["a_type", "a_id", "b_type", "b_id", "kind"], name="eventgraph_link_unique"
            )
        ]
        indexes = [
            models.Index(fields=["b_type", "b_id"], name="eventgraph_link_b"),
            models.Index(fields=["area", "day"], name="eventgraph_link_area"),
        ]

    def __str__(self) -> str:
        return f"{self.a_type}#{self.a_id} — {self.b_type}#{self.b_id} · {self.get_kind_display()}"
