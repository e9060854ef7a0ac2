"""One policy per model. Every door — GraphQL, the Django admin, downloads, exports, analytics —
asks `policy_for(model)`; nothing else decides who may see or change a row."""

from functools import cache

from django.apps import apps
from django.db import models

from permissions.family import ChildPolicy, EvidencePolicy, OwnedPolicy, ReferencePolicy
from permissions.policy import Policy

AnyPolicy = Policy | ChildPolicy | EvidencePolicy | ReferencePolicy | OwnedPolicy

# Top-level entities: (model label, area field, owner field, assignable to units through guardian)
SCOPED = [
    ("disputes.dispute", "area", None, True),
    ("reports.report", "area", "reporter", True),
    ("creation.creationtask", "area", None, True),
    ("enterprise.enterpriseproblem", "area", None, True),
    ("assistance.subsidycase", "area", None, False),
    ("enterprise.enterprise", "area", None, False),
    ("teams.teammember", "area", None, False),
    ("org.unit", "area", None, False),
    ("org.membership", "scope", None, False),
    ("reports.dispatchrule", "area", None, False),
    ("workflow.supervision", "area", None, False),
    ("peacevillage.villagesponsor", "area", None, False),  # area: the village
    ("peacevillage.assessment", "area", None, False),
    ("peacevillage.incident", "area", None, False),  # area: the village
    # entries without an area (sign-ins) are read by superusers only
    ("audit.auditentry", "area", None, False),
]
# Records that live and die with a parent: (model label, FK to the parent, parent label)
CHILDREN = [
    ("disputes.disputeparty", "dispute", "disputes.dispute"),
    ("disputes.disputemediator", "dispute", "disputes.dispute"),
    ("disputes.mediationrecord", "dispute", "disputes.dispute"),
    ("disputes.mediationagreement", "dispute", "disputes.dispute"),
    ("disputes.judicialconfirmation", "agreement__dispute", "disputes.dispute"),
    ("disputes.disputereview", "dispute", "disputes.dispute"),
    ("reports.dispatchstep", "report", "reports.report"),
    ("reports.reportevaluation", "report", "reports.report"),
    ("creation.taskcounit", "task", "creation.creationtask"),
    ("creation.taskprogressreport", "task", "creation.creationtask"),
    ("creation.taskreview", "task", "creation.creationtask"),
    ("assistance.householdmember", "case", "assistance.subsidycase"),
    ("assistance.subsidyreview", "case", "assistance.subsidycase"),
    ("enterprise.problemassignment", "problem", "enterprise.enterpriseproblem"),
    ("peacevillage.assessmentitem", "assessment", "peacevillage.assessment"),
]
# Reference data every signed-in user reads; changing it needs the model permission in a grant.
REFERENCE = [
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
]


@cache
def policies() -> dict[str, AnyPolicy]:
    found: dict[str, AnyPolicy] = {}
    for label, area_field, owner_field, assignable in SCOPED:
        found[label] = Policy(
            apps.get_model(label),
            area_field=area_field,
            owner_field=owner_field,
            object_grants=assignable,
        )
    for label, parent_field, parent_label in CHILDREN:
        parent = found[parent_label]
        assert isinstance(parent, Policy)
        found[label] = ChildPolicy(apps.get_model(label), parent_field=parent_field, parent=parent)
    for label in REFERENCE:
        found[label] = ReferencePolicy(apps.get_model(label))
    found["evidence.evidence"] = EvidencePolicy(apps.get_model("evidence.evidence"), found)
    found["accounts.apitoken"] = OwnedPolicy(
        apps.get_model("accounts.apitoken"), owner_field="user"
    )
    return found


def policy_for(model: type[models.Model] | models.Model) -> AnyPolicy:
    """The policy of `model`; a model without one is a programming error, not an open door."""
    return policies()[model._meta.label_lower]
