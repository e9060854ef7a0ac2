"""A naive, per-object statement of who may do what, written independently of permissions/:
scope by the areas' materialized paths (not code ranges), assignment by the domain relations
(not guardian rows), ownership by the reporter."""

from django.db import models

from backend.accounts.models import User
from backend.evidence.models import PARENT_FIELDS
from permissions.roles import OWN_ONLY_ROLES, ROLE_PERMISSIONS

ASSIGNED_ACTIONS = {"view", "change", "unmask"}
CHILD_PARENT = {  # child label → attribute path to the parent record
    "disputes.disputeparty": "dispute",
    "disputes.disputemediator": "dispute",
    "disputes.mediationrecord": "dispute",
    "disputes.mediationagreement": "dispute",
    "disputes.judicialconfirmation": "agreement.dispute",
    "disputes.disputereview": "dispute",
    "reports.dispatchstep": "report",
    "reports.reportevaluation": "report",
    "creation.taskcounit": "task",
    "creation.taskprogressreport": "task",
    "creation.taskreview": "task",
    "assistance.householdmember": "case",
    "assistance.subsidyreview": "case",
    "enterprise.problemassignment": "problem",
    "peacevillage.assessmentitem": "assessment",
}
REFERENCE = {
    "areas.area",
    "codes.code",
    "codes.codetable",
    "reports.reportcategory",
    "creation.guideline",
    "disputes.cause",
    "worktime.calendarday",
    "worktime.timelimit",
    "peacevillage.checklistitem",
    "workflow.escalationrule",
}


def assigned_units(obj: models.Model) -> set[int]:
    label = obj._meta.label_lower
    if label == "creation.creationtask":
        return {obj.lead_unit_id, *obj.co_units.values_list("pk", flat=True)}
    if label == "reports.report":
        return {obj.current_unit_id} - {None}
    if label == "disputes.dispute":
        return {obj.handling_unit_id, *obj.mediators.values_list("unit_id", flat=True)}
    if label == "enterprise.enterpriseproblem":
        return set(obj.handling_units.values_list("pk", flat=True))
    return set()


def owner_id(obj: models.Model) -> int | None:
    return getattr(obj, "reporter_id", None) if obj._meta.label_lower == "reports.report" else None


def area_path(obj: models.Model) -> str:
    return _path_of(obj.scope_id if obj._meta.label_lower == "org.membership" else obj.area_id)


def _path_of(area_code: int) -> str:
    from backend.areas.models import Area

    return Area.objects.values_list("path", flat=True).get(code=area_code)


def allowed(user: User, action: str, obj: models.Model) -> bool:
    if user.is_superuser:
        return True
    label = obj._meta.label_lower
    if label in REFERENCE:
        return action == "view" or _role_allows(user, action, label, None)
    if label == "evidence.evidence":
        parent = next(getattr(obj, f) for f in PARENT_FIELDS if getattr(obj, f"{f}_id"))
        return allowed(user, _parent_action(action), parent)
    if label in CHILD_PARENT:
        parent = obj
        for part in CHILD_PARENT[label].split("."):
            parent = getattr(parent, part)
        return allowed(user, _parent_action(action), parent)
    if action in ASSIGNED_ACTIONS and assigned_units(obj) & _user_units(user):
        return True
    return _role_allows(user, action, label, obj)


def _role_allows(user: User, action: str, label: str, obj: models.Model | None) -> bool:
    for role, scope_path in _memberships(user):
        if action not in ROLE_PERMISSIONS.get(role, {}).get(label, set()):
            continue
        if obj is None:
            return True
        if role in OWN_ONLY_ROLES:
            if owner_id(obj) == user.pk:
                return True
        elif area_path(obj).startswith(scope_path):
            return True
    return False


def _memberships(user: User) -> list[tuple[str, str]]:
    rows = user.memberships.values_list("role__name", "scope__path")
    return [(role.removeprefix("role:"), path) for role, path in rows]


def _user_units(user: User) -> set[int]:
    return {unit for unit in user.memberships.values_list("unit_id", flat=True) if unit}


def _parent_action(action: str) -> str:
    return action if action in ("view", "unmask") else "change"
