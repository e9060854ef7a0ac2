/**
 * The workflow side of the API, for the data provider: the actions a user may take on a record now,
 * its history, supervisions, notifications and legal recommendations. Each method answers empty when
 * the server does not offer its query yet (the portal runs against older servers too).
 */
import { gql, type ApolloClient } from '@apollo/client';
import { operationError, type OperationMessage } from './errors';
import type { ApiModel, ProcessModel, ResourceModel } from './model';
import type { WorkflowAction } from '../workflow/transitions';

export interface HistoryEntry {
    id: string;
    transition: string;
    label: string;
    fromState: string;
    toState: string;
    at: string;
    reason: string;
    payload: Record<string, unknown> | null;
    unit: { id: string; name: string } | null;
    actorName: string;
}

export interface Supervision {
    id: string;
    process: string;
    objectType: string;
    objectId: string;
    area: { code: string; name: string };
    unit: { id: string; name: string } | null;
    level: string;
    measure: string;
    status: string;
    reason: string;
    createdAt: string;
    decidedAt: string | null;
    byName: string;
}

export interface Notification {
    id: string;
    kind: string;
    title: string;
    body: string;
    objectType: string;
    objectId: string;
    dueAt: string | null;
    createdAt: string;
    readAt: string | null;
    unitName: string | null;
}

export interface LegalRecommendation {
    provisions: { key: string; law: string; shortLaw: string; articleLabel: string; chapter: string; text: string; feedback: boolean | null }[];
    similarDisputes: { id: string; number: string; title: string; excerpt: string; outcome: string }[];
}

export interface Page<T> {
    data: T[];
    total: number;
}

export interface PageParams {
    page: number;
    perPage: number;
}

export const PROCESSES = gql`query WorkflowProcesses { workflowProcesses { name label objectType stateField closedStates } }`;

const ACTIONS = gql`query WorkflowActions($objectType: String!, $id: ID!) {
    workflowActions(objectType: $objectType, id: $id) { name label required evidence target }
}`;
const HISTORY = gql`query WorkflowHistory($objectType: String!, $id: ID!) {
    workflowHistory(objectType: $objectType, id: $id) {
        id transition label fromState toState at reason payload unit { id name } actorName
    }
}`;
const SUPERVISIONS = gql`query Supervisions($filters: SupervisionFilter, $pagination: OffsetPaginationInput) {
    supervisions(filters: $filters, pagination: $pagination, ordering: [{ createdAt: DESC }]) {
        totalCount
        results { id process objectType objectId area { code name } unit { id name } level measure status reason createdAt decidedAt byName }
    }
}`;
const DECIDE = gql`mutation DecideSupervision($data: DecideSupervisionInput!) {
    decideSupervision(data: $data) {
        __typename
        ... on Supervision { id status measure decidedAt }
        ... on OperationInfo { messages { kind field message code } }
    }
}`;
const NOTIFICATIONS = gql`query MyNotifications($unreadOnly: Boolean!, $pagination: OffsetPaginationInput) {
    myNotifications(unreadOnly: $unreadOnly, pagination: $pagination) {
        totalCount
        results { id kind title body objectType objectId dueAt createdAt readAt unitName }
    }
}`;
const UNREAD = gql`query UnreadNotificationCount { unreadNotificationCount }`;
const MARK_READ = gql`mutation MarkNotificationsRead($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`;
const MARK_ALL_READ = gql`mutation MarkAllNotificationsRead { markAllNotificationsRead }`;
const RECOMMENDATIONS = gql`query LegalRecommendations($disputeId: ID!) {
    legalRecommendations(disputeId: $disputeId) {
        provisions { key law shortLaw articleLabel chapter text feedback }
        similarDisputes { id number title excerpt outcome }
    }
}`;
const MARK_RECOMMENDATION = gql`mutation MarkRecommendation($disputeId: ID!, $provisionKey: String!, $useful: Boolean!) {
    markRecommendation(disputeId: $disputeId, provisionKey: $provisionKey, useful: $useful) {
        __typename
        ... on OperationInfo { messages { kind field message code } }
    }
}`;

/** The entity a workflow object type names (reports.report → Report). */
export const resourceForObjectType = (api: ApiModel, objectType: string): ResourceModel | undefined =>
    api.resources.find(r => r.objectType === objectType) ??
    api.resources.find(r => r.name.toLowerCase() === objectType.split('.').pop());

export interface WorkflowMethods {
    workflowActions: (resource: string, id: string) => Promise<WorkflowAction[] | null>;
    workflowHistory: (resource: string, id: string) => Promise<HistoryEntry[]>;
    supervisions: (filter: Record<string, string | undefined>, page: PageParams) => Promise<Page<Supervision>>;
    decideSupervision: (data: { id: string; issue: boolean; measure: string; reason: string }) => Promise<{ data: Partial<Supervision> }>;
    notifications: (unreadOnly: boolean, page: PageParams) => Promise<Page<Notification>>;
    unreadNotificationCount: () => Promise<number>;
    markNotificationsRead: (ids: string[] | 'all') => Promise<number>;
    legalRecommendations: (disputeId: string) => Promise<LegalRecommendation | null>;
    markRecommendation: (disputeId: string, provisionKey: string, useful: boolean) => Promise<void>;
}

const pagination = ({ page, perPage }: PageParams) => ({ offset: (page - 1) * perPage, limit: perPage });

/** A strawberry-django filter from a flat one: { status: 'proposed' } → { status: { exact: 'proposed' } }. */
const exactFilters = (filter: Record<string, string | undefined>) =>
    Object.fromEntries(Object.entries(filter).filter(([, v]) => v).map(([k, v]) => [k, { exact: v }]));

export function workflowMethods(
    client: ApolloClient<unknown>,
    describe: () => Promise<ApiModel>,
    unwrap: (error: unknown) => never
): WorkflowMethods {
    const query = async <T>(document: ReturnType<typeof gql>, variables: Record<string, unknown> = {}) =>
        (await client.query<T>({ query: document, variables }).catch(unwrap)).data;
    const mutate = async <T>(document: ReturnType<typeof gql>, variables: Record<string, unknown> = {}) =>
        (await client.mutate<T>({ mutation: document, variables }).catch(unwrap)).data as T;
    const offers = async (name: string) => Boolean((await describe()).queries[name]);
    const target = async (resource: string) => {
        const api = await describe();
        const model = api.byName[resource];
        return model?.process && api.queries.workflowActions ? model : undefined;
    };

    return {
        workflowActions: async (resource, id) => {
            const model = await target(resource);
            if (!model) return null;
            const data = await query<{ workflowActions: WorkflowAction[] | null }>(ACTIONS, { objectType: model.objectType, id });
            return data.workflowActions ?? [];
        },
        workflowHistory: async (resource, id) => {
            const model = await target(resource);
            if (!model || !(await offers('workflowHistory'))) return [];
            const data = await query<{ workflowHistory: HistoryEntry[] | null }>(HISTORY, { objectType: model.objectType, id });
            return data.workflowHistory ?? [];
        },
        supervisions: async (filter, page) => {
            if (!(await offers('supervisions'))) return { data: [], total: 0 };
            const data = await query<{ supervisions: { totalCount: number; results: Supervision[] } }>(SUPERVISIONS, {
                filters: exactFilters(filter),
                pagination: pagination(page),
            });
            return { data: data.supervisions.results, total: data.supervisions.totalCount };
        },
        decideSupervision: async values => {
            const data = await mutate<{ decideSupervision: any }>(DECIDE, { data: values });
            const result = data.decideSupervision;
            if (result.__typename === 'OperationInfo') {
                throw operationError(result.messages as OperationMessage[], ['measure', 'reason']);
            }
            return { data: result };
        },
        notifications: async (unreadOnly, page) => {
            if (!(await offers('myNotifications'))) return { data: [], total: 0 };
            const data = await query<{ myNotifications: { totalCount: number; results: Notification[] } }>(NOTIFICATIONS, {
                unreadOnly,
                pagination: pagination(page),
            });
            return { data: data.myNotifications.results, total: data.myNotifications.totalCount };
        },
        unreadNotificationCount: async () => {
            if (!(await offers('unreadNotificationCount'))) return 0;
            return (await query<{ unreadNotificationCount: number }>(UNREAD)).unreadNotificationCount;
        },
        markNotificationsRead: async ids => {
            if (ids === 'all') return (await mutate<{ markAllNotificationsRead: number }>(MARK_ALL_READ)).markAllNotificationsRead;
            return (await mutate<{ markNotificationsRead: number }>(MARK_READ, { ids })).markNotificationsRead;
        },
        legalRecommendations: async disputeId => {
            if (!(await offers('legalRecommendations'))) return null;
            return (await query<{ legalRecommendations: LegalRecommendation | null }>(RECOMMENDATIONS, { disputeId })).legalRecommendations;
        },
        markRecommendation: async (disputeId, provisionKey, useful) => {
            const data = await mutate<{ markRecommendation: any }>(MARK_RECOMMENDATION, { disputeId, provisionKey, useful });
            if (data.markRecommendation.__typename === 'OperationInfo') {
                throw operationError(data.markRecommendation.messages as OperationMessage[], []);
            }
        },
    };
}

/** The processes the server declares, for the model (none when it declares none). */
export async function loadProcesses(client: ApolloClient<unknown>, offered: boolean): Promise<ProcessModel[]> {
    if (!offered) return [];
    const { data } = await client.query<{ workflowProcesses: ProcessModel[] }>({ query: PROCESSES });
    return data.workflowProcesses;
}
