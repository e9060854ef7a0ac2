"""一轴八员: the members of the eight teams of a township, and which of them can mediate."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from backend.areas.models import Level
from backend.codes.models import Table
from backend.common.models import Scoped
from backend.common.validators import validate_phone
from backend.org.models import UnitKind


class TeamKind(models.TextChoices):
    # Four professional teams …
    POLICE_STATION = "police_station", _("派出所")
    JUDICIAL_OFFICE = "judicial_office", _("司法所")
    TRIBUNAL = "tribunal", _("法庭")
    GRID_WORKER = "grid_worker", _("网格员")
    # … and four social forces.
    CIVIL_MEDIATION = "civil_mediation", _("民间调解")
    SECURITY_PATROL = "security_patrol", _("治安保卫")
    LEGAL_SERVICE = "legal_service", _("法律服务")
    VOLUNTEER = "volunteer", _("志愿服务")


PROFESSIONAL_TEAMS = (
    TeamKind.POLICE_STATION,
    TeamKind.JUDICIAL_OFFICE,
    TeamKind.TRIBUNAL,
    TeamKind.GRID_WORKER,
)

# The bodies a member of each team may belong to (a township body, or its county-level parent).
TEAM_UNIT_KINDS: dict[str, tuple[str, ...]] = {
    TeamKind.POLICE_STATION: (UnitKind.POLICE_STATION,),
    TeamKind.JUDICIAL_OFFICE: (UnitKind.JUDICIAL_OFFICE,),
    TeamKind.TRIBUNAL: (UnitKind.TRIBUNAL, UnitKind.COURT),
    TeamKind.GRID_WORKER: (UnitKind.GRID_TEAM, UnitKind.GOVERNANCE_CENTRE),
    TeamKind.CIVIL_MEDIATION: (UnitKind.MEDIATION_COMMITTEE, UnitKind.JUDICIAL_OFFICE),
    TeamKind.SECURITY_PATROL: (UnitKind.SECURITY_PATROL, UnitKind.POLICE_STATION),
    TeamKind.LEGAL_SERVICE: (UnitKind.LEGAL_SERVICE, UnitKind.JUDICIAL_OFFICE),
    TeamKind.VOLUNTEER: (UnitKind.VOLUNTEER_TEAM, UnitKind.GOVERNANCE_CENTRE),
}


class TeamMember(Scoped):
    """A person on one of the eight teams; `area` is the township or village they serve."""

    name = models.CharField(_("姓名"), max_length=50)
    team_kind = models.CharField(_("队伍"), max_length=20, choices=TeamKind.choices)
    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("所在单位"),
        on_delete=models.PROTECT,
        related_name="team_members",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("登录账号"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="team_members",
    )
    phone = models.CharField(_("联系电话"), max_length=20, validators=[validate_phone])
    title = models.CharField(_("职务"), max_length=50, blank=True)
    is_mediator = models.BooleanField(_("可担任调解员"), default=False)
    specialties = models.ManyToManyField(
        "codes.Code",
        verbose_name=_("擅长纠纷类型"),
        blank=True,
        related_name="+",
        limit_choices_to={"table__key": Table.EVENT_TYPE},
    )
    active = models.BooleanField(_("在岗"), default=True)

    class Meta:
        verbose_name = _("队伍成员")
        verbose_name_plural = _("队伍成员")
        ordering = ["area", "team_kind", "name"]
        indexes = [
            models.Index(fields=["area", "team_kind"], name="team_member_area_kind"),
            models.Index(fields=["unit", "active"], name="team_member_unit_active"),
            models.Index(fields=["area", "is_mediator", "active"], name="team_member_mediators"),
        ]

    def __str__(self) -> str:
        return f"{self.name}（{self.get_team_kind_display()}）"

    def clean(self) -> None:
        errors = {}
        if self.area_id and self.area.level not in (Level.TOWNSHIP, Level.VILLAGE):
            errors["area"] = _("队伍成员的服务区划须为乡镇（街道）或村（社区）")
        if self.unit_id and self.area_id:
            low, high = self.unit.area.subtree_range()
            if not low <= self.area_id <= high:
                errors["area"] = _("成员的服务区划须在所在单位的管辖区划之内")
        allowed = TEAM_UNIT_KINDS.get(self.team_kind)
        if self.unit_id and allowed and self.unit.kind not in allowed:
            errors["unit"] = _("所在单位的类别与队伍不符")
        if errors:
            raise ValidationError(errors)
