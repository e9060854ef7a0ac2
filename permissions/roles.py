"""What each role may do inside the scope area of its grant: the one declaration of role permissions.

Child records (parties, mediation records, steps, progress reports, reviews, evidence) follow their
parent's policy, so only top-level entities appear here. Items assigned to a unit are reachable
through django-guardian object grants to the unit's group (backend/common/assignment.py), whatever
the role: that is how a member unit sees exactly its own tasks and dispatched reports.
"""

from backend.accounts.roles import Role

V, A, C, D, U, S = "view", "add", "change", "delete", "unmask", "supervise"
ALL = {V, A, C, D, U, S}

DISPUTE, REPORT, TASK = "disputes.dispute", "reports.report", "creation.creationtask"
SUBSIDY, ENTERPRISE, PROBLEM = (
    "assistance.subsidycase",
    "enterprise.enterprise",
    "enterprise.enterpriseproblem",
)
MEMBER, UNIT, MEMBERSHIP = "teams.teammember", "org.unit", "org.membership"
CATEGORY, RULE = "reports.reportcategory", "reports.dispatchrule"
SUPERVISION = "workflow.supervision"  # 督办 and the periodic check's proposals
AUDIT = "audit.auditentry"  # read-only for everyone: the application never writes it through a door
TOKEN = "accounts.apitoken"  # everyone manages their own tokens; this grants all of them
WORK_CALENDAR, TIME_LIMIT = "worktime.calendarday", "worktime.timelimit"  # reference data
SPONSOR, ASSESSMENT = "peacevillage.villagesponsor", "peacevillage.assessment"  # area: a village
INCIDENT = "peacevillage.incident"  # 案（事）件登记, area: a village
CHECKLIST = "peacevillage.checklistitem"  # reference data: the 五有 / 六无 items
ESCALATION = "workflow.escalationrule"  # reference data: reminder and supervision thresholds
ENTITIES = (
    DISPUTE,
    REPORT,
    TASK,
    SUBSIDY,
    ENTERPRISE,
    PROBLEM,
    MEMBER,
    UNIT,
    MEMBERSHIP,
    CATEGORY,
    RULE,
    SUPERVISION,
    SPONSOR,
    ASSESSMENT,
    INCIDENT,
)
READ_ALL = {entity: {V} for entity in ENTITIES}

ROLE_PERMISSIONS: dict[str, dict[str, set[str]]] = {
    Role.CITY_ADMIN: {
        **{entity: set(ALL) for entity in ENTITIES},
        TOKEN: {V, A, C, D},
        AUDIT: {V},
        WORK_CALENDAR: {V, A, C, D},
        TIME_LIMIT: {V, A, C, D},
        CHECKLIST: {V, A, C, D},
        ESCALATION: {V, A, C, D},
    },
    Role.COUNTY_CENTRE: {
        DISPUTE: {V, A, C, U, S},
        REPORT: {V, A, C, U, S},
        MEMBER: {V, A, C},
        SUBSIDY: {V, C, U},
        ENTERPRISE: {V},
        PROBLEM: {V, S},
        TASK: {V},
        UNIT: {V},
        RULE: {V, A, C, D},
        CATEGORY: {V},
        SUPERVISION: {V, C},
        SPONSOR: {V, A, C},
        ASSESSMENT: {V, A, C},  # approving needs a county-level grant (schema/peacevillage)
        INCIDENT: {V, A, C, D},
    },
    Role.TOWNSHIP_CENTRE: {
        DISPUTE: {V, A, C, U},
        REPORT: {V, A, C, U, S},  # the township centre supervises the units it dispatched to
        MEMBER: {V, A, C},
        SUBSIDY: {V, A, C, U},
        UNIT: {V},
        CATEGORY: {V},
        SUPERVISION: {V},
        SPONSOR: {V},
        ASSESSMENT: {V, A, C},
        INCIDENT: {V, A, C},
    },
    Role.TOWNSHIP_COMMISSAR: {DISPUTE: {V, C, U}, REPORT: {V, C}, MEMBER: {V, A, C}, UNIT: {V}},
    Role.UNIT_HANDLER: {UNIT: {V}, CATEGORY: {V}},
    Role.MEDIATOR: {MEMBER: {V}, UNIT: {V}},
    Role.GRID_WORKER: {REPORT: {V, A}, DISPUTE: {V, A}, CATEGORY: {V}},
    Role.RESIDENT: {REPORT: {V, A}, CATEGORY: {V}},
    # city leaders read everything and 督办 the items of the four handling processes
    Role.LEADER: {**READ_ALL, **{entity: {V, S} for entity in (DISPUTE, REPORT, TASK, PROBLEM)}},
    Role.AUDITOR: {**READ_ALL, AUDIT: {V}},
    # the court system confirms mediation agreements; the mini-program and the 12345 backend submit,
    # attach evidence to and dispatch reports
    Role.INTEGRATOR: {DISPUTE: {V, C}, REPORT: {V, A, C}, TASK: {V}, UNIT: {V}, CATEGORY: {V}},
}

# Grants of these roles reach only rows the user owns (a resident's own submissions), never an area.
OWN_ONLY_ROLES = {Role.RESIDENT}
