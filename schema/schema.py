"""The one schema: every domain subpackage contributes its Query and Mutation fields."""

import strawberry
from strawberry.tools import merge_types

from schema.areas.operations import AreasMutation, AreasQuery
from schema.assistance.operations import AssistanceMutation, AssistanceQuery
from schema.audit.operations import AuditQuery
from schema.auth.explain import ExplainQuery
from schema.auth.operations import AuthMutation, AuthQuery
from schema.base.execution import Execution
from schema.base.extensions import (
    AuditUnmaskedReads,
    IntrospectionForSignedInUsers,
    MaskUnexpectedErrors,
    ReadableInputErrors,
    limits,
)
from schema.base.fields import Optimizer
from schema.codes.operations import CodesMutation, CodesQuery
from schema.creation.operations import CreationMutation, CreationQuery
from schema.disputes.operations import DisputeMutation, DisputeQuery
from schema.enterprise.operations import EnterpriseMutation, EnterpriseQuery
from schema.eventgraph.operations import EventGraphQuery
from schema.evidence.operations import EvidenceMutation, EvidenceQuery
from schema.legal.operations import LegalMutation, LegalQuery
from schema.notifications.operations import NotificationsMutation, NotificationsQuery
from schema.org.operations import OrgMutation, OrgQuery
from schema.peacevillage.checklist import ChecklistMutation, ChecklistQuery
from schema.peacevillage.incidents import IncidentMutation, IncidentQuery
from schema.peacevillage.operations import PeaceVillageMutation, PeaceVillageQuery
from schema.reports.operations import ReportsMutation, ReportsQuery
from schema.resources.operations import ResourcesMutation, ResourcesQuery
from schema.statistics.operations import StatisticsQuery
from schema.teams.operations import TeamsMutation, TeamsQuery
from schema.workflow.operations import WorkflowMutation, WorkflowQuery
from schema.workflow.rules import EscalationRuleMutation, EscalationRuleQuery
from schema.worktime.operations import WorktimeMutation, WorktimeQuery

QUERIES = (
    AuthQuery,
    ExplainQuery,
    DisputeQuery,
    ReportsQuery,
    CreationQuery,
    AssistanceQuery,
    EnterpriseQuery,
    TeamsQuery,
    OrgQuery,
    AreasQuery,
    CodesQuery,
    EvidenceQuery,
    ResourcesQuery,
    LegalQuery,
    EventGraphQuery,
    PeaceVillageQuery,
    ChecklistQuery,
    IncidentQuery,
    NotificationsQuery,
    WorkflowQuery,
    EscalationRuleQuery,
    WorktimeQuery,
    StatisticsQuery,
    AuditQuery,
)
Query = merge_types("Query", QUERIES)
MUTATIONS = (
    AuthMutation,
    DisputeMutation,
    ReportsMutation,
    CreationMutation,
    AssistanceMutation,
    EnterpriseMutation,
    TeamsMutation,
    OrgMutation,
    AreasMutation,
    CodesMutation,
    EvidenceMutation,
    ResourcesMutation,
    LegalMutation,
    PeaceVillageMutation,
    ChecklistMutation,
    IncidentMutation,
    NotificationsMutation,
    WorkflowMutation,
    EscalationRuleMutation,
    WorktimeMutation,
)
Mutation = merge_types("Mutation", MUTATIONS)

schema = strawberry.Schema(
    query=Query,
    mutation=Mutation,
    execution_context_class=Execution,
    extensions=[
        Optimizer,
        AuditUnmaskedReads,
        IntrospectionForSignedInUsers,
        MaskUnexpectedErrors,
        ReadableInputErrors,
        *limits(),
    ],
)
