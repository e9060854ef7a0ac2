/**
 * The only module of the portal that speaks GraphQL (with its helpers in ./graphql/). Everything
 * else asks it in react-admin's verbs, plus a few custom methods: the session, the resource model,
 * workflow actions and history, supervisions, notifications, legal recommendations (graphql/workflow),
 * evidence uploads, statistics and grouped counts for the dashboard (graphql/statistics), and the
 * event graph, early warnings and peace-village rankings (graphql/decision), API tokens (graphql/tokens).
 *
 * The model (the server's `resources` description joined with introspection) is loaded after login —
 * introspection is refused to anonymous callers — and dropped on login and logout, because the
 * permissions and actions in it belong to the user. ra-data-graphql runs with `introspection: false`
 * so that a refused first attempt is never cached.
 */
import { gql } from '@apollo/client';
import { getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { HttpError, type DataProvider } from 'ra-core';
import buildGraphQLProvider from 'ra-data-graphql';
import { buildMutation, buildQueryFactory, resourceOf, toInput } from './graphql/buildQuery';
import { operationError, type OperationMessage } from './graphql/errors';
import { toFilterInput } from './graphql/filters';
import { buildModel, mutationAction, type ApiModel, type ResourceDescription } from './graphql/model';
import { LOGIN, LOGOUT, ME, resourcesQuery } from './graphql/session';
import { createTransport, type TransportOptions } from './graphql/transport';
import { statisticsMethods, type StatisticsMethods } from './graphql/statistics';
import { decisionMethods, type DecisionMethods } from './graphql/decision';
import { loadProcesses, workflowMethods, type WorkflowMethods } from './graphql/workflow';
import { tokenMethods, type TokenMethods } from './graphql/tokens';

export type { ActionModel, ApiModel, FieldModel, FilterModel, InputFieldModel, Label, ProcessModel, ResourceModel } from './graphql/model';
export type { HistoryEntry, LegalRecommendation, Notification, Page, Supervision } from './graphql/workflow';
export type { AreaResolution, DisputeStatistics, TaskCompletion, UnitPerformance } from './graphql/statistics';
export type { ChecklistItem, EarlyWarning, EventEdge, EventGraph, EventItem, EventNode, PeaceVillageRank, RepeatedParty, WarningParams } from './graphql/decision';
export type { ApiToken, NewApiTokenInput, TokenStatus } from './graphql/tokens';
export { tokenStatus } from './graphql/tokens';
export { valueAt } from './graphql/buildQuery';
export { humanise, mutationAction } from './graphql/model';
export { resourceForObjectType } from './graphql/workflow';

export interface Grant {
    role: string;
    roleLabel: string;
    scopeCode: string;
    scopeName: string;
    unitId: string | null;
}
export interface Me {
    id: string;
    username: string;
    fullName: string;
    isSuperuser: boolean;
    permissions: string[];
    grants: Grant[];
}
export interface CountGroup {
    key: string;
    filter: Record<string, unknown>;
}
export interface TeamLoad {
    kind: string;
    label: string;
    members: { member: { id: string; name: string; title: string; isMediator: boolean; unit: { id: string; name: string } }; openDisputes: number }[];
}

export interface ZhiliDataProvider extends DataProvider, WorkflowMethods, StatisticsMethods, DecisionMethods, TokenMethods {
    describe: () => Promise<ApiModel>;
    reset: () => void;
    me: () => Promise<Me | null>;
    login: (username: string, password: string) => Promise<Me>;
    logout: () => Promise<void>;
    /** a mutation on a record; `aliases` name the input a server field's message belongs to */
    runAction: (resource: string, action: string, id: string | undefined, values: Record<string, unknown>, aliases?: Record<string, string>) => Promise<{ data: any }>;
    attachEvidence: (params: { resource: string; id: string; file: File; description?: string }) => Promise<{ data: any }>;
    countBy: (resource: string, groups: CountGroup[]) => Promise<Record<string, number>>;
    townshipTeams: (areaCode: string) => Promise<TeamLoad[]>;
}

const ALIASES_PER_DOCUMENT = 15; // the server refuses documents with more aliases (README, "Limits")

/** ra-data-graphql wraps whatever parseResponse throws; give react-admin our error back. */
function unwrap(error: any): never {
    if (error instanceof HttpError && error.body instanceof HttpError) throw error.body;
    const graphQLErrors = error?.body?.graphQLErrors ?? error?.graphQLErrors;
    if (graphQLErrors?.length) throw new HttpError(graphQLErrors.map((e: any) => e.message).join('；'), 400);
    throw error;
}

function chunks<T>(items: T[], size: number): T[][] {
    const result: T[][] = [];
    for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
    return result;
}

/** "SubsidyCase" → "SUBSIDY_CASE", the EvidenceParent value of a resource. */
export const evidenceParent = (resource: string) =>
    resource.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

export function createDataProvider(options: TransportOptions = {}): ZhiliDataProvider {
    const transport = createTransport(options);
    const { client } = transport;
    let api: ApiModel | undefined;
    let loading: Promise<ApiModel> | undefined;

    const describe = () => {
        loading ??= client
            .query<IntrospectionQuery>({ query: gql(getIntrospectionQuery()) })
            .then(async ({ data: { __schema: schema } }) => {
                const fieldsOf = (name?: string) =>
                    ((schema.types.find(t => t.name === name) as { fields?: { name: string }[] } | undefined)?.fields ?? []).map(f => f.name);
                const query = resourcesQuery(fieldsOf('ResourceAction'), fieldsOf('Resource'));
                const [described, processes] = await Promise.all([
                    client.query<{ resources: ResourceDescription[] }>({ query }),
                    loadProcesses(client, fieldsOf(schema.queryType?.name).includes('workflowProcesses')),
                ]);
                return (api = buildModel(schema, described.data.resources, processes));
            })
            .catch(error => {
                loading = undefined;
                throw error;
            });
        return loading;
    };
    const reset = () => {
        api = undefined;
        loading = undefined;
        transport.forgetCsrfToken();
    };

    const graphql = buildGraphQLProvider({
        client,
        introspection: false,
        buildQuery: buildQueryFactory(() => api!) as any,
        query: { fetchPolicy: 'no-cache' },
        mutation: { fetchPolicy: 'no-cache' },
    } as any) as DataProvider;

    const verb =
        (name: keyof DataProvider) =>
        async (resource: string, params: any): Promise<any> => {
            await describe();
            return (graphql[name] as any)(resource, params).catch(unwrap);
        };

    const mutate = async (document: ReturnType<typeof buildMutation>) => {
        const response = await client.mutate({ mutation: document.query, variables: document.variables }).catch(unwrap);
        return document.parseResponse(response as any) as { data: any };
    };

    return {
        getList: verb('getList'),
        getOne: verb('getOne'),
        getManyReference: verb('getManyReference'),
        create: verb('create'),
        update: verb('update'),
        delete: verb('delete'),
        getMany: async (resource, params) => {
            const model = resourceOf(await describe(), resource);
            const size = model.manyById ? 100 : ALIASES_PER_DOCUMENT;
            const pages = await Promise.all(
                chunks([...params.ids], size).map(ids => verb('getMany')(resource, { ...params, ids }))
            );
            return { data: pages.flatMap(page => page.data) };
        },
        // one mutation per record: the API has no bulk mutations, and a refusal names its record
        updateMany: async (resource, params) => {
            for (const id of params.ids) await verb('update')(resource, { id, data: params.data, previousData: {} });
            return { data: params.ids };
        },
        deleteMany: async (resource, params) => {
            for (const id of params.ids) await verb('delete')(resource, { id, previousData: { id } });
            return { data: params.ids };
        },

        describe,
        reset,
        me: async () => {
            await transport.csrfToken();
            const { data } = await client.query<{ me: Me | null }>({ query: ME });
            return data.me;
        },
        login: async (username, password) => {
            await transport.csrfToken();
            const { data } = await client
                .mutate({ mutation: LOGIN, variables: { username, password } })
                .catch(unwrap);
            reset(); // the session and its CSRF token are new
            if (data.login.__typename === 'OperationInfo') {
                throw operationError(data.login.messages as OperationMessage[], ['username', 'password']);
            }
            return data.login as Me;
        },
        logout: async () => {
            await transport.csrfToken();
            await client.mutate({ mutation: LOGOUT }).finally(reset);
        },
        runAction: async (resource, actionName, id, values, aliases = {}) => {
            const model = await describe();
            const action = mutationAction(model, resourceOf(model, resource), actionName);
            if (!action) throw new HttpError(`未知的操作：${actionName}`, 400);
            const data = { ...(action.takesId && id !== undefined ? { id: String(id) } : {}), ...toInput(action.inputs, values) };
            return mutate(buildMutation(model, action, action.returns, data, action.inputs.map(i => i.name), aliases));
        },
        attachEvidence: async ({ resource, id, file, description = '' }) => {
            const model = await describe();
            const operation = model.mutations.attachEvidence;
            if (!operation) throw new HttpError('服务器尚不支持上传佐证材料', 400);
            const args: [string, string][] = operation.args.map(a => [a.name, 'AttachEvidenceInput!']);
            const data = { parentType: evidenceParent(resource), parentId: String(id), file, description };
            return mutate(buildMutation(model, { name: 'attachEvidence', args }, 'Evidence', data, ['file', 'description']));
        },
        countBy: async (resource, groups) => {
            const model = await describe();
            const target = resourceOf(model, resource);
            if (!target.list) return {};
            const counts: Record<string, number> = {};
            for (const part of chunks(groups, ALIASES_PER_DOCUMENT)) {
                const variables = Object.fromEntries(part.map((g, i) => [`f${i}`, toFilterInput(model, target, g.filter)]));
                const filterType = target.list.args.find(([name]) => name === 'filters')?.[1] ?? 'JSON';
                const query = gql`query ${resource}Counts(${part.map((_, i) => `$f${i}: ${filterType}`).join(', ')}) {
                    ${part.map((_, i) => `c${i}: ${target.list!.name}(filters: $f${i}, pagination: {offset: 0, limit: 1}) { totalCount }`).join('\n')}
                }`;
                const { data } = await client.query<Record<string, { totalCount: number }>>({ query, variables }).catch(unwrap);
                part.forEach((g, i) => (counts[g.key] = data[`c${i}`].totalCount));
            }
            return counts;
        },
        ...workflowMethods(client, describe, unwrap),
        ...statisticsMethods(client, describe, unwrap),
        ...decisionMethods(client, describe, unwrap),
        ...tokenMethods(client, unwrap),
        townshipTeams: async areaCode => {
            const model = await describe();
            if (!model.queries.townshipTeams) return [];
            const { data } = await client.query<{ townshipTeams: TeamLoad[] }>({
                query: gql`query TownshipTeams($areaCode: String!) { townshipTeams(areaCode: $areaCode) {
                    kind label members { openDisputes member { id name title isMediator unit { id name } } } } }`,
                variables: { areaCode },
            }).catch(unwrap);
            return data.townshipTeams;
        },
    };
}

export const dataProvider = createDataProvider();
