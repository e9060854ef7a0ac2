/**
 * react-admin verbs → documents of the API's conventions (README, "The GraphQL API"):
 * `xs(filters:, ordering:, pagination:) { totalCount results }`, `x(id:)`, `createX(data:)`,
 * `updateX(data: {id, …})`, `deleteX(data: {id})` answering `X | OperationInfo`.
 */
import { gql } from '@apollo/client';
import type { DocumentNode } from 'graphql';
import {
    CREATE,
    DELETE,
    GET_LIST,
    GET_MANY,
    GET_MANY_REFERENCE,
    GET_ONE,
    HttpError,
    UPDATE,
} from 'ra-core';
import { NotFoundError, operationError, type OperationMessage } from './errors';
import { toFilterInput } from './filters';
import type { ApiModel, InputFieldModel, OperationModel, ResourceModel } from './model';
import { detailSelection, listSelection, payloadSelection } from './selection';

export interface BuiltQuery {
    query: DocumentNode;
    variables: Record<string, unknown>;
    parseResponse: (response: { data: Record<string, unknown> }) => unknown;
}

type Params = Record<string, any>;
const MAX_PAGE = 100; // the server's largest page (README, "Limits")

export function resourceOf(api: ApiModel, name: string): ResourceModel {
    const resource = api.byName[name];
    if (!resource) throw new HttpError(`未知的实体：${name}`, 404);
    return resource;
}

function declare(operation: OperationModel, only?: string[]): string {
    const args = operation.args.filter(([name]) => !only || only.includes(name));
    return args.length ? `(${args.map(([name, type]) => `$${name}: ${type}`).join(', ')})` : '';
}

function pass(operation: OperationModel, only?: string[]): string {
    const args = operation.args.filter(([name]) => !only || only.includes(name));
    return args.length ? `(${args.map(([name]) => `${name}: $${name}`).join(', ')})` : '';
}

function listDocument(api: ApiModel, resource: ResourceModel): DocumentNode {
    const list = resource.list;
    if (!list) throw new HttpError(`${resource.label.zh}没有列表`, 400);
    const used = ['filters', 'ordering', 'pagination'];
    return gql`query ${resource.name}List${declare(list, used)} {
        items: ${list.name}${pass(list, used)} { totalCount results ${listSelection(api, resource)} }
    }`;
}

function listVariables(
    api: ApiModel,
    resource: ResourceModel,
    filter: Params,
    pagination: { page: number; perPage: number } | undefined,
    sort: { field: string; order: string } | undefined
): Record<string, unknown> {
    const perPage = Math.min(pagination?.perPage ?? 25, MAX_PAGE);
    const page = pagination?.page ?? 1;
    const ordering =
        sort && resource.sortable.includes(sort.field)
            ? [{ [sort.field]: sort.order === 'DESC' ? 'DESC' : 'ASC' }]
            : [];
    return {
        filters: toFilterInput(api, resource, filter),
        ordering,
        pagination: { offset: (page - 1) * perPage, limit: perPage },
    };
}

const parseList = ({ data }: { data: Record<string, any> }) => ({
    data: data.items.results,
    total: data.items.totalCount,
});

export function buildGetList(api: ApiModel, resource: ResourceModel, params: Params): BuiltQuery {
    return {
        query: listDocument(api, resource),
        variables: listVariables(api, resource, params.filter ?? {}, params.pagination, params.sort),
        parseResponse: parseList,
    };
}

export function buildGetOne(api: ApiModel, resource: ResourceModel, params: Params): BuiltQuery {
    const detail = resource.detail;
    if (!detail) throw new HttpError(`${resource.label.zh}没有详情`, 400);
    return {
        query: gql`query ${resource.name}Detail${declare(detail)} {
            data: ${detail.name}${pass(detail)} ${detailSelection(api, resource)}
        }`,
        variables: { [detail.arg]: String(params.id) },
        parseResponse: ({ data }) => {
            // null when missing *or* forbidden: the API makes the two look the same
            if (!data.data) throw new NotFoundError();
            return { data: data.data };
        },
    };
}

/** Several records by id: through the list's `id` lookup, or (Area) one detail query per id. */
export function buildGetMany(api: ApiModel, resource: ResourceModel, params: Params): BuiltQuery {
    const ids: string[] = params.ids.map(String);
    if (resource.manyById || !resource.detail) {
        return {
            query: listDocument(api, resource),
            variables: {
                filters: { id: { inList: ids } },
                ordering: [],
                pagination: { offset: 0, limit: Math.min(ids.length, MAX_PAGE) },
            },
            parseResponse: parseList,
        };
    }
    const detail = resource.detail;
    const [, type] = detail.args[0];
    const aliases = ids.map(
        (_, i) => `r${i}: ${detail.name}(${detail.arg}: $id${i}) ${listSelection(api, resource)}`
    );
    return {
        query: gql`query ${resource.name}Many(${ids.map((_, i) => `$id${i}: ${type}`).join(', ')}) {
            ${aliases.join('\n')}
        }`,
        variables: Object.fromEntries(ids.map((id, i) => [`id${i}`, id])),
        parseResponse: ({ data }) => ({ data: ids.map((_, i) => data[`r${i}`]).filter(Boolean) }),
    };
}

export function buildGetManyReference(
    api: ApiModel,
    resource: ResourceModel,
    params: Params
): BuiltQuery {
    const filter = { ...(params.filter ?? {}), [params.target]: params.id };
    return {
        query: listDocument(api, resource),
        variables: listVariables(api, resource, filter, params.pagination, params.sort),
        parseResponse: parseList,
    };
}

/** Form values → the mutation's input: known fields only, in the types the API expects. */
export function toInput(
    inputs: InputFieldModel[],
    values: Params,
    previous?: Params
): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    for (const input of inputs) {
        if (!(input.name in values)) continue;
        const value = convert(input, values[input.name]);
        if (value === undefined) continue;
        if (previous && same(value, convert(input, valueAt(previous, input.recordPath)))) continue;
        if (value === null && input.nonNull) continue;
        result[input.name] = value;
    }
    return result;
}

export function valueAt(record: Params | undefined, path: string[]): unknown {
    let current: unknown = record;
    for (const key of path) {
        if (Array.isArray(current)) current = current.map(item => item?.[key]);
        else current = (current as Params | undefined)?.[key];
    }
    return current;
}

function convert(input: InputFieldModel, value: unknown): unknown {
    if (value === undefined) return undefined;
    if (input.many && Array.isArray(value)) {
        return value.map(item => convert({ ...input, many: false }, item));
    }
    if (value === '' || value === null) return input.kind === 'string' ? value : null;
    switch (input.kind) {
        case 'int':
            return Math.trunc(Number(value));
        case 'float':
            return Number(value);
        case 'decimal':
        case 'id':
        case 'reference':
            return String(typeof value === 'object' ? (value as Params).id : value);
        case 'date':
            return String(value).slice(0, 10);
        case 'datetime':
            return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
        case 'object':
            return input.fields ? toInput(input.fields, value as Params) : value;
        case 'upload': // react-admin's FileInput holds { rawFile, src, title }
            return (value as Params).rawFile ?? value;
        default:
            return value;
    }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A mutation answering `X | OperationInfo`; OperationInfo becomes a form error. */
export function buildMutation(
    api: ApiModel,
    operation: OperationModel,
    returns: string,
    data: Record<string, unknown>,
    inputs: string[],
    aliases: Record<string, string> = {}
): BuiltQuery {
    const takesData = operation.args.some(([name]) => name === 'data');
    return {
        query: gql`mutation ${operation.name[0].toUpperCase()}${operation.name.slice(1)}${declare(operation)} {
            data: ${operation.name}${pass(operation)} ${payloadSelection(api, returns)}
        }`,
        variables: takesData ? { data } : data,
        parseResponse: ({ data: response }) => {
            const result = response.data as Params | null;
            if (result?.__typename === 'OperationInfo') {
                throw operationError(result.messages as OperationMessage[], inputs, aliases);
            }
            return { data: result };
        },
    };
}

export function buildCreate(api: ApiModel, resource: ResourceModel, params: Params): BuiltQuery {
    const create = resource.create;
    if (!create) throw new HttpError(`${resource.label.zh}不能新建`, 400);
    const names = create.inputs.map(i => i.name);
    return buildMutation(api, create, resource.name, toInput(create.inputs, params.data), names);
}

export function buildUpdate(api: ApiModel, resource: ResourceModel, params: Params): BuiltQuery {
    const update = resource.update;
    if (!update) throw new HttpError(`${resource.label.zh}不能修改`, 400);
    const changed = toInput(update.inputs, params.data, params.previousData);
    const names = update.inputs.map(i => i.name);
    return buildMutation(api, update, resource.name, { id: String(params.id), ...changed }, names);
}

export function buildDelete(api: ApiModel, resource: ResourceModel, params: Params): BuiltQuery {
    const remove = resource.delete;
    if (!remove) throw new HttpError(`${resource.label.zh}不能删除`, 400);
    const built = buildMutation(api, remove, resource.name, { id: String(params.id) }, []);
    return {
        ...built,
        parseResponse: response => {
            const { data } = built.parseResponse(response) as { data: Params | null };
            return { data: { ...(params.previousData ?? {}), ...(data ?? {}), id: params.id } };
        },
    };
}

const BUILDERS: Record<string, (api: ApiModel, resource: ResourceModel, params: Params) => BuiltQuery> = {
    [GET_LIST]: buildGetList,
    [GET_ONE]: buildGetOne,
    [GET_MANY]: buildGetMany,
    [GET_MANY_REFERENCE]: buildGetManyReference,
    [CREATE]: buildCreate,
    [UPDATE]: buildUpdate,
    [DELETE]: buildDelete,
};

/** ra-data-graphql's buildQuery; updateMany and deleteMany are loops in dataProvider.ts. */
export const buildQueryFactory =
    (model: () => ApiModel) => () => (verb: string, resourceName: string, params: Params) => {
        const builder = BUILDERS[verb];
        if (!builder) throw new HttpError(`不支持的操作：${verb}`, 400);
        const api = model();
        return builder(api, resourceOf(api, resourceName), params);
    };
