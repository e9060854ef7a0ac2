/**
 * Selection sets built from the schema: a list asks for its columns, a detail page for every field
 * with its child records; a linked record is always `{ id <name> code }`, so nothing is fetched twice
 * and the documents stay inside the server's depth and token limits.
 */
import type { IntrospectionField, IntrospectionObjectType } from 'graphql';
import { namedType, type ApiModel, type ResourceModel } from './model';

const LABEL_FIELDS = ['name', 'title', 'number', 'originalName', 'label', 'code', 'username'];

function objectFields(api: ApiModel, typeName: string): IntrospectionField[] {
    const type = api.types[typeName] as IntrospectionObjectType | undefined;
    return type?.kind === 'OBJECT' ? [...type.fields] : [];
}

function isLeaf(api: ApiModel, typeName: string): boolean {
    const kind = api.types[typeName]?.kind;
    return kind === 'SCALAR' || kind === 'ENUM';
}

/** `{ id name code }` for a record of another resource. */
export function referenceSelection(api: ApiModel, typeName: string): string {
    const names = objectFields(api, typeName).map(f => f.name);
    const label = LABEL_FIELDS.find(n => names.includes(n));
    const picked = ['id', label, names.includes('code') ? 'code' : undefined];
    return `{ ${[...new Set(picked.filter((n): n is string => Boolean(n && names.includes(n))))].join(' ')} }`;
}

/** A record of a listed resource is fetched as a link ({ id name code }); one without a list of its
 * own (evidence) only ever shows inside its parent, so all its fields come along. */
function isLinkable(api: ApiModel, typeName: string): boolean {
    return Boolean(api.byName[typeName]?.list);
}

/** Every field of a type: scalars, linked records as references, child records `depth` deep. */
export function fullSelection(api: ApiModel, typeName: string, depth: number): string {
    const parts: string[] = [];
    for (const field of objectFields(api, typeName)) {
        const target = namedType(field.type);
        if (field.args.some(a => a.type.kind === 'NON_NULL')) continue;
        if (isLeaf(api, target)) parts.push(field.name);
        else if (isLinkable(api, target) && objectFields(api, target).some(f => f.name === 'id'))
            parts.push(`${field.name} ${referenceSelection(api, target)}`);
        else if (depth > 0) parts.push(`${field.name} ${fullSelection(api, target, depth - 1)}`);
    }
    return `{ ${parts.join(' ')} }`;
}

/** What a list page needs: the id, the name and the columns. */
export function listSelection(api: ApiModel, resource: ResourceModel): string {
    const wanted = new Set(['id', resource.representation, ...resource.listColumns]);
    const parts: string[] = [];
    for (const field of objectFields(api, resource.name)) {
        if (!wanted.has(field.name)) continue;
        const target = namedType(field.type);
        if (isLeaf(api, target)) parts.push(field.name);
        else if (objectFields(api, target).some(f => f.name === 'id'))
            parts.push(`${field.name} ${referenceSelection(api, target)}`);
    }
    return `{ ${parts.join(' ')} }`;
}

export function detailSelection(api: ApiModel, resource: ResourceModel): string {
    return fullSelection(api, resource.name, 2);
}

/** The result of a mutation: the record (as on a detail page) or the OperationInfo messages. */
export function payloadSelection(api: ApiModel, returns: string): string {
    const record = objectFields(api, returns).length
        ? `... on ${returns} ${api.byName[returns] ? detailSelection(api, api.byName[returns]) : fullSelection(api, returns, 1)}`
        : '';
    return `{ __typename ${record} ... on OperationInfo { messages { kind field message code } } }`;
}
