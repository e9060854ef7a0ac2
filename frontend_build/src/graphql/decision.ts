/** The decision-support side of the API, for the data provider: 事件图谱 (an item's neighbourhood,
 * 排查预警, repeated parties) and 平安村庄 (a manual checklist result, rankings). Each query answers
 * empty when the server does not offer it; every row is within the caller's scope (the server's). */
import { gql, type ApolloClient } from '@apollo/client';
import { operationError, type OperationMessage } from './errors';
import type { ApiModel } from './model';

const ITEM = 'key objectType id number title areaCode areaName day status statusLabel';

export interface EventItem {
    key: string;
    objectType: string;
    id: string;
    number: string;
    title: string;
    areaCode: string;
    areaName: string;
    day: string;
    status: string;
    statusLabel: string;
}
export interface EventNode extends EventItem {
    depth: number;
}
export interface EventEdge {
    source: string;
    target: string;
    kind: string;
    kindLabel: string;
    weight: number;
    reason: string;
}
export interface EventGraph {
    nodes: EventNode[];
    edges: EventEdge[];
}
export interface EarlyWarning {
    areaCode: string;
    areaName: string;
    townshipName: string;
    itemCount: number;
    disputeCount: number;
    reportCount: number;
    generalGroupCount: number;
    majorGroupCount: number;
    repeatedPartyCount: number;
    riskLevel: 'high' | 'medium' | 'low';
    riskLabel: string;
    reason: string;
    firstDay: string;
    lastDay: string;
}
export interface RepeatedParty {
    kind: string;
    kindLabel: string;
    label: string;
    itemCount: number;
    disputeCount: number;
    reportCount: number;
    firstDay: string;
    lastDay: string;
    items: EventItem[];
}
export interface PeaceVillageRank {
    rank: number;
    areaCode: string;
    areaName: string;
    assessedCount: number;
    qualifiedCount: number;
    averageScore: string;
    villageCount: number;
}
export interface ChecklistItem {
    id: string;
    code: string;
    group: string;
    text: string;
    autoRule: string;
    weight: number;
    active: boolean;
}
export interface WarningParams {
    areaCode: string;
    asOf?: string;
    days: number;
    minItems: number;
}

const NEIGHBOURHOOD = gql`query EventNeighbourhood($objectType: String!, $id: ID!, $depth: Int!) {
    eventNeighbourhood(objectType: $objectType, id: $id, depth: $depth) {
        nodes { ${ITEM} depth }
        edges { source target kind kindLabel weight reason }
    }
}`;
const WARNINGS = gql`query EarlyWarnings($areaCode: String!, $asOf: Date, $days: Int!, $minItems: Int!) {
    earlyWarnings(areaCode: $areaCode, asOf: $asOf, days: $days, minItems: $minItems) {
        areaCode areaName townshipName itemCount disputeCount reportCount generalGroupCount
        majorGroupCount repeatedPartyCount riskLevel riskLabel reason firstDay lastDay
    }
}`;
const REPEATED = gql`query RepeatedParties($areaCode: String!, $minItems: Int!, $limit: Int!) {
    repeatedParties(areaCode: $areaCode, minItems: $minItems, limit: $limit) {
        kind kindLabel label itemCount disputeCount reportCount firstDay lastDay items { ${ITEM} }
    }
}`;
const RANKING = gql`query PeaceVillageRanking($areaCode: String!, $period: String!, $includeSubmitted: Boolean!) {
    peaceVillageRanking(areaCode: $areaCode, period: $period, includeSubmitted: $includeSubmitted) {
        rank areaCode areaName assessedCount qualifiedCount averageScore villageCount
    }
}`;
const PERIODS = gql`query PeaceVillagePeriods($filters: PeaceVillageAssessmentFilter, $pagination: OffsetPaginationInput) {
    peaceVillageAssessments(filters: $filters, pagination: $pagination, ordering: [{ period: DESC }]) {
        totalCount results { id period }
    }
}`;
const CHECKLIST = gql`query PeaceVillageChecklist { peaceVillageChecklist { id code group text autoRule weight active } }`;
const SET_ITEM = gql`mutation SetPeaceVillageItem($data: PeaceVillageItemInput!) {
    setPeaceVillageItem(data: $data) {
        __typename
        ... on AssessmentItem { id passed auto note }
        ... on OperationInfo { messages { kind field message code } }
    }
}`;

export interface DecisionMethods {
    eventNeighbourhood: (objectType: string, id: string, depth: 1 | 2) => Promise<EventGraph | null>;
    earlyWarnings: (params: WarningParams) => Promise<EarlyWarning[]>;
    repeatedParties: (areaCode: string, minItems: number, limit?: number) => Promise<RepeatedParty[]>;
    peaceVillageRanking: (areaCode: string, period: string, includeSubmitted: boolean) => Promise<PeaceVillageRank[]>;
    /** the latest period of the approved assessments the user may see (the ranking page starts there) */
    latestAssessmentPeriod: () => Promise<string | null>;
    /** the 五有 / 六无 items (inactive ones too: old assessments still name them) */
    peaceVillageChecklist: () => Promise<ChecklistItem[]>;
    setPeaceVillageItem: (id: string, passed: boolean, note: string) => Promise<{ id: string; passed: boolean | null; note: string }>;
}

export function decisionMethods(
    client: ApolloClient<unknown>,
    describe: () => Promise<ApiModel>,
    unwrap: (error: unknown) => never
): DecisionMethods {
    const query = async <T>(document: ReturnType<typeof gql>, variables: Record<string, unknown>) =>
        (await client.query<T>({ query: document, variables }).catch(unwrap)).data;
    const offers = async (name: string) => Boolean((await describe()).queries[name]);

    return {
        eventNeighbourhood: async (objectType, id, depth) => {
            if (!(await offers('eventNeighbourhood'))) return null;
            return (await query<{ eventNeighbourhood: EventGraph | null }>(NEIGHBOURHOOD, { objectType, id, depth })).eventNeighbourhood;
        },
        earlyWarnings: async ({ areaCode, asOf, days, minItems }) => {
            if (!(await offers('earlyWarnings'))) return [];
            const variables = { areaCode, asOf: asOf || null, days, minItems };
            return (await query<{ earlyWarnings: EarlyWarning[] }>(WARNINGS, variables)).earlyWarnings;
        },
        repeatedParties: async (areaCode, minItems, limit = 50) => {
            if (!(await offers('repeatedParties'))) return [];
            return (await query<{ repeatedParties: RepeatedParty[] }>(REPEATED, { areaCode, minItems, limit })).repeatedParties;
        },
        peaceVillageRanking: async (areaCode, period, includeSubmitted) => {
            if (!(await offers('peaceVillageRanking'))) return [];
            return (await query<{ peaceVillageRanking: PeaceVillageRank[] }>(RANKING, { areaCode, period, includeSubmitted })).peaceVillageRanking;
        },
        latestAssessmentPeriod: async () => {
            if (!(await offers('peaceVillageAssessments'))) return null;
            const data = await query<{ peaceVillageAssessments: { results: { period: string }[] } }>(PERIODS, {
                filters: { status: { exact: 'approved' } },
                pagination: { offset: 0, limit: 1 },
            });
            return data.peaceVillageAssessments.results[0]?.period ?? null;
        },
        peaceVillageChecklist: async () => {
            if (!(await offers('peaceVillageChecklist'))) return [];
            return (await query<{ peaceVillageChecklist: ChecklistItem[] }>(CHECKLIST, {})).peaceVillageChecklist;
        },
        setPeaceVillageItem: async (id, passed, note) => {
            const { data } = await client.mutate<{ setPeaceVillageItem: any }>({ mutation: SET_ITEM, variables: { data: { id, passed, note } } }).catch(unwrap);
            const result = data!.setPeaceVillageItem;
            if (result.__typename === 'OperationInfo') throw operationError(result.messages as OperationMessage[], ['passed', 'note']);
            return result;
        },
    };
}
