"""Units (the 57 member units, governance centres, the eight teams' bodies …) and memberships."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _

from backend.common.models import Scoped


class UnitKind(models.TextChoices):
    MEMBER_UNIT = "member_unit", _("成员单位")
    PARTY_COMMITTEE = "party_committee", _("政法委")
    GOVERNANCE_CENTRE = "governance_centre", _("综治中心")
    POLICE_STATION = "police_station", _("派出所")
    JUDICIAL_OFFICE = "judicial_office", _("司法所")
    TRIBUNAL = "tribunal", _("人民法庭")
    COURT = "court", _("人民法院")
    GRID_TEAM = "grid_team", _("网格")
    MEDIATION_COMMITTEE = "mediation_committee", _("人民调解委员会")
    SECURITY_PATROL = "security_patrol", _("治安保卫队伍")
    LEGAL_SERVICE = "legal_service", _("法律服务机构")
    VOLUNTEER_TEAM = "volunteer_team", _("志愿服务队伍")
    ENTERPRISE_SERVICE = "enterprise_service", _("企业服务专班")
    CIVIL_AFFAIRS = "civil_affairs", _("民政部门")


class Unit(Scoped):
    """An organisation that is assigned work; `area` is its jurisdiction."""

    code = models.CharField(_("单位编码"), max_length=40, unique=True)
    name = models.CharField(_("单位名称"), max_length=100)
    short_name = models.CharField(_("简称"), max_length=30, blank=True)
    kind = models.CharField(_("单位类别"), max_length=30, choices=UnitKind.choices, db_index=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    # guardian object permissions of assigned items are granted to this group (see permissions/).
    group = models.OneToOneField(
        Group,
        verbose_name=_("权限组"),
        on_delete=models.PROTECT,
        related_name="unit",
        editable=False,
    )
    is_active = models.BooleanField(_("启用"), default=True)

    class Meta:
        verbose_name = _("单位")
        verbose_name_plural = _("单位")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["area", "name"], name="unit_name_unique_in_area"),
        ]

    def __str__(self) -> str:
        return self.short_name or self.name


class Membership(models.Model):
    """A role grant: `user` holds `role` over everything under `scope` (on behalf of `unit`)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("用户"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("单位"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.ForeignKey(
        Group,
        verbose_name=_("角色"),
        on_delete=models.PROTECT,
        related_name="role_memberships",
        limit_choices_to={"name__startswith": "role:"},
    )
    scope = models.ForeignKey(
        "areas.Area", verbose_name=_("管辖范围"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("授予时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("角色授权")
        verbose_name_plural = _("角色授权")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "scope", "unit"],
                condition=models.Q(unit__isnull=False),
                name="membership_unique",
            ),
            models.UniqueConstraint(
                fields=["user", "role", "scope"],
                condition=models.Q(unit__isnull=True),
                name="membership_unique_without_unit",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.role.name.removeprefix('role:')} · {self.scope}"
