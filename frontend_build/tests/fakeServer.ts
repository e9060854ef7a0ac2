/**
 * A stand-in for Django: answers GET /auth/csrf and executes POST /graphql/ (JSON or multipart)
 * against tests/fixtures/api.graphql, so every document the provider sends is validated against a
 * schema of the API's shape. Root fields answer from `handlers`; each request is recorded.
 */
import { readFileSync } from 'node:fs';
import { buildSchema, graphql, type GraphQLSchema } from 'graphql';
import type { ResourceDescription } from '../src/graphql/model';

export const schema: GraphQLSchema = buildSchema(
    readFileSync(new URL('./fixtures/api.graphql', import.meta.url), 'utf8')
);

export interface Recorded {
    query: string;
    variables: Record<string, any>;
    headers: Record<string, string>;
    multipart: boolean;
    files: File[];
}

type Handler = (args: Record<string, any>) => unknown;

export function fakeServer(handlers: Record<string, Handler> = {}) {
    const requests: Recorded[] = [];
    const csrfCalls: number[] = [];
    const state = { refuseIntrospection: false, graphqlErrors: 0 };

    const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
        const url = String(input);
        if (url === '/auth/csrf') {
            csrfCalls.push(requests.length);
            return Response.json({ csrfToken: 'token-from-server' });
        }
        if (url !== '/graphql/') return new Response('not found', { status: 404 });
        const { body, multipart, files } = await readBody(init.body);
        const headers = Object.fromEntries(new Headers(init.headers).entries());
        requests.push({ query: body.query, variables: body.variables ?? {}, headers, multipart, files });
        if (state.refuseIntrospection && body.query.includes('__schema')) {
            return Response.json({ data: null, errors: [{ message: 'GraphQL introspection has been disabled' }] });
        }
        const result = await graphql({
            schema,
            source: body.query,
            variableValues: body.variables,
            rootValue: Object.fromEntries(
                Object.entries({ ...defaults, ...handlers }).map(([name, handler]) => [name, (args: any) => handler(args)])
            ),
        });
        return Response.json(result);
    };
    return { fetch, requests, csrfCalls, state };
}

async function readBody(body: BodyInit | null | undefined) {
    if (body instanceof FormData) {
        const operations = JSON.parse(String(body.get('operations')));
        const map = JSON.parse(String(body.get('map'))) as Record<string, string[]>;
        const files: File[] = [];
        for (const [key, paths] of Object.entries(map)) {
            const file = body.get(key) as File;
            files.push(file);
            for (const path of paths) setPath(operations, path, file);
        }
        return { body: operations, multipart: true, files };
    }
    return { body: JSON.parse(String(body)), multipart: false, files: [] as File[] };
}

function setPath(target: any, path: string, value: unknown) {
    const keys = path.split('.');
    const last = keys.pop()!;
    const parent = keys.reduce((node, key) => node[key], target);
    parent[last] = value;
}

const field = (name: string, type: string, labelZh: string, extra: Partial<ResourceDescription['fields'][number]> = {}) => ({
    name,
    type,
    labelZh,
    labelEn: name,
    required: type.endsWith('!'),
    choices: [],
    sensitive: false,
    reference: null,
    many: false,
    ...extra,
});

const all = { view: true, add: true, change: true, delete: true };

export const DESCRIPTION: ResourceDescription[] = [
    {
        name: 'Dispute',
        model: 'disputes.dispute',
        labelZh: '矛盾纠纷',
        labelEn: 'Dispute',
        listQuery: 'disputes',
        detailQuery: 'dispute',
        createMutation: 'createDispute',
        updateMutation: 'updateDispute',
        deleteMutation: 'deleteDispute',
        listColumns: ['number', 'title', 'area', 'handlingUnit', 'status', 'deadline'],
        sortable: ['id', 'number', 'deadline'],
        fields: [
            field('id', 'ID!', '编号'),
            field('number', 'String!', '纠纷编号'),
            field('title', 'String!', '事件名称'),
            field('occurredOn', 'Date!', '发生日期'),
            field('area', 'Area!', '所属区划', { reference: 'Area' }),
            field('type', 'Code!', '事件类型', { reference: 'Code' }),
            field('handlingUnit', 'Unit!', '化解组织', { reference: 'Unit' }),
            field('status', 'String!', '状态', {
                choices: [
                    { value: 'registered', label: '已登记' },
                    { value: 'closed', label: '已办结' },
                ],
            }),
            field('deadline', 'Date!', '化解期限'),
            field('peopleCount', 'Int!', '涉及人数'),
            field('responsiblePhone', 'String!', '责任人联系电话', { sensitive: true }),
            field('parties', '[DisputeParty!]!', '当事人', { reference: 'DisputeParty', many: true }),
            field('records', '[MediationRecord!]!', '调解记录', { reference: 'MediationRecord', many: true }),
            field('evidence', '[Evidence!]!', '佐证材料', { reference: 'Evidence', many: true }),
        ],
        filters: [
            { name: 'id', type: 'IDBaseFilterLookup', label: '编号' },
            { name: 'status', type: 'StrFilterLookup', label: '状态' },
            { name: 'deadline', type: 'DateFilterLookup', label: '化解期限' },
            { name: 'handlingUnit', type: 'ID', label: '化解组织' },
            { name: 'area', type: 'String', label: '区划代码' },
            { name: 'overdue', type: 'Boolean', label: '逾期未办结' },
            { name: 'search', type: 'String', label: '按编号、事件名称搜索' },
        ],
        actions: [{ name: 'assignMediators', label: '指派调解员' }],
        permissions: all,
    },
    {
        name: 'Unit',
        model: 'org.unit',
        labelZh: '单位',
        labelEn: 'Unit',
        listQuery: 'units',
        detailQuery: 'unit',
        createMutation: null,
        updateMutation: null,
        deleteMutation: null,
        listColumns: ['code', 'name'],
        sortable: [],
        fields: [field('id', 'ID!', '编号'), field('code', 'String!', '单位代码'), field('name', 'String!', '名称')],
        filters: [{ name: 'search', type: 'String', label: '搜索' }],
        actions: [],
        permissions: { ...all, add: false, change: false, delete: false },
    },
    {
        name: 'Area',
        model: 'areas.area',
        labelZh: '行政区划',
        labelEn: 'Area',
        listQuery: 'areas',
        detailQuery: 'area',
        createMutation: null,
        updateMutation: null,
        deleteMutation: null,
        listColumns: ['code', 'name', 'level'],
        sortable: [],
        fields: [field('id', 'ID!', '编号'), field('code', 'String!', '区划代码'), field('name', 'String!', '名称')],
        filters: [{ name: 'search', type: 'String', label: '搜索' }],
        actions: [],
        permissions: { ...all, add: false, change: false, delete: false },
    },
    {
        name: 'Evidence',
        model: 'evidence.evidence',
        labelZh: '佐证材料',
        labelEn: 'Evidence',
        listQuery: null,
        detailQuery: null,
        createMutation: null,
        updateMutation: null,
        deleteMutation: null,
        listColumns: ['originalName'],
        sortable: [],
        fields: [field('id', 'ID!', '编号'), field('originalName', 'String!', '文件名')],
        filters: [],
        actions: [{ name: 'attachEvidence', label: '上传佐证材料' }],
        permissions: all,
    },
];

const ME = {
    id: '7',
    username: 'unit_handler',
    fullName: '演示用户（市司法局）',
    isSuperuser: false,
    grants: [{ role: 'unit_handler', roleLabel: '成员单位经办人', scopeCode: '130900000000', scopeName: '沧州市', unitId: '12' }],
    permissions: ['creation.creationtask:view'],
};

export const PROCESSES = [
    { name: 'dispute', label: '矛盾纠纷调解', objectType: 'disputes.dispute', stateField: 'status', closedStates: ['closed'], transitions: [] },
];

const defaults: Record<string, Handler> = {
    me: () => ME,
    resources: () => DESCRIPTION,
    workflowProcesses: () => PROCESSES,
    login: ({ password }) =>
        password === 'right'
            ? { __typename: 'Me', ...ME }
            : { __typename: 'OperationInfo', messages: [{ kind: 'VALIDATION', field: null, message: '用户名或密码错误', code: null }] },
    logout: () => true,
};

export const dispute = (id: string, extra: Record<string, unknown> = {}) => ({
    id,
    number: `MD${id}`,
    title: `纠纷 ${id}`,
    occurredOn: '2026-10-01',
    area: { id: '130926100000', code: '130926100000', name: '肃宁镇', level: 3 },
    type: { id: '5', code: '0902', name: '婚姻家庭纠纷' },
    handlingUnit: { id: '12', code: 'U12', name: '肃宁镇司法所', area: null },
    status: 'registered',
    deadline: '2026-11-30',
    peopleCount: 2,
    responsiblePhone: '138****5678',
    parties: [],
    records: [],
    evidence: [],
    ...extra,
});
