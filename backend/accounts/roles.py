"""The roles of the portal. Each is a Django group (created by a data migration) whose model
permissions a user holds only inside the scope area of a Membership (see backend.org)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    CITY_ADMIN = "city_admin", _("市级管理员")
    COUNTY_CENTRE = "county_centre", _("县级综治中心")
    TOWNSHIP_CENTRE = "township_centre", _("乡镇综治中心")
    TOWNSHIP_COMMISSAR = "township_commissar", _("乡镇政法委员")
    UNIT_HANDLER = "unit_handler", _("成员单位经办人")
    MEDIATOR = "mediator", _("调解员")
    GRID_WORKER = "grid_worker", _("网格员")
    RESIDENT = "resident", _("群众")
    LEADER = "leader", _("领导")
    AUDITOR = "auditor", _("审计员")
    INTEGRATOR = "integrator", _("系统集成方")
