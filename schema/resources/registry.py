"""The entities the low-code portal shows: the one declaration the resource description is built
from. Everything else (type name, fields, labels, choices, filters, mutations, permissions) comes
from the Django models, the policies and the schema itself, so adding an entity is one line here.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    model: str  # Django model label
    list_query: str | None  # None: shown only inside its parent record
    detail_query: str | None
    columns: tuple[str, ...]  # the list's default columns, GraphQL field names
    create: str | None = None  # the create mutation when not named create<Type> (a verb of its own)


RESOURCES: tuple[Entry, ...] = (
    Entry(
        "disputes.dispute",
        "disputes",
        "dispute",
        ("number", "title", "area", "type", "status", "handlingUnit", "deadline"),
    ),
    Entry(
        "reports.report",
        "reports",
        "report",
        ("number", "title", "category", "area", "status", "currentUnit", "deadline"),
    ),
    Entry(
        "creation.creationtask",
        "creationTasks",
        "creationTask",
        ("code", "title", "leadUnit", "deadline", "progress", "status"),
    ),
    Entry(
        "assistance.subsidycase",
        "subsidyCases",
        "subsidyCase",
        ("number", "kind", "applicantName", "area", "status", "appliedOn"),
    ),
    Entry(
        "enterprise.enterprise",
        "enterprises",
        "enterprise",
        ("name", "creditCode", "category", "area", "contactName"),
    ),
    Entry(
        "enterprise.enterpriseproblem",
        "enterpriseProblems",
        "enterpriseProblem",
        ("number", "title", "enterpriseName", "category", "status", "deadline"),
    ),
    Entry(
        "teams.teammember",
        "teamMembers",
        "teamMember",
        ("name", "teamKind", "unit", "area", "isMediator", "active"),
    ),
    Entry("org.unit", "units", "unit", ("code", "name", "kind", "area", "isActive")),
    Entry(
        "org.membership",
        "memberships",
        "membership",
        ("username", "userFullName", "roleLabel", "scope", "unit", "createdAt"),
    ),
    Entry(
        "reports.reportcategory",
        "reportCategories",
        "reportCategory",
        ("code", "name", "parent", "limitClass", "timeLimitHours", "active"),
    ),
    Entry("reports.dispatchrule", "dispatchRules", "dispatchRule", ("category", "area", "unit")),
    Entry(
        "workflow.escalationrule",
        "escalationRules",
        "escalationRule",
        (
            "processLabel",
            "remindBeforeHours",
            "ordinaryAfterHours",
            "yellowAfterDays",
            "redAfterDays",
        ),
    ),
    Entry(
        "peacevillage.checklistitem",
        "checklistItems",
        "checklistItem",
        ("code", "group", "text", "autoRule", "weight", "active"),
    ),
    Entry(
        "worktime.timelimit",
        "timeLimits",
        "timeLimit",
        ("process", "categoryCode", "amount", "unit", "label"),
    ),
    Entry("worktime.calendarday", "calendarDays", "calendarDay", ("day", "kind", "name", "note")),
    Entry(
        "peacevillage.assessment",
        "peaceVillageAssessments",
        "peaceVillageAssessment",
        ("area", "period", "status", "score", "qualified", "sponsor", "submittedAt"),
    ),
    Entry(
        "peacevillage.incident",
        "incidents",
        "incident",
        ("title", "area", "caseType", "grade", "occurredOn"),
    ),
    Entry(
        "peacevillage.villagesponsor",
        "villageSponsors",
        "villageSponsor",
        ("area", "unit", "startOn", "endOn"),
        create="assignVillageSponsor",
    ),
    Entry(
        "creation.guideline", "guidelines", None, ("code", "title", "level", "issuer", "issuedOn")
    ),
    Entry(
        "evidence.evidence",
        None,
        "evidence",
        ("originalName", "contentType", "size", "createdAt", "downloadUrl"),
    ),
    Entry(
        "audit.auditentry",
        "auditEntries",
        "auditEntry",
        ("createdAt", "action", "actorName", "objectType", "objectId", "area"),
    ),
    Entry("areas.area", "areas", "area", ("code", "name", "level", "kind")),
    Entry("codes.codetable", "codeTables", None, ("key", "name")),
    Entry("codes.code", "codes", "code", ("code", "name", "table", "parent")),
    Entry("disputes.cause", "causes", None, ("code", "name")),
)
