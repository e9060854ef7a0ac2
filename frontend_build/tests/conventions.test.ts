/** The committed schema (../schema/schema.graphql, checked against the code in CI) still follows the
 * conventions the data provider is built on — so an API change that would break the portal fails here. */
import { readFileSync } from 'node:fs';
import {
    buildSchema,
    getNamedType,
    isInputObjectType,
    isObjectType,
    isUnionType,
    type GraphQLField,
    type GraphQLObjectType,
} from 'graphql';
import { describe, expect, it } from 'vitest';

const schema = buildSchema(readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8'));
const queries = schema.getQueryType()!.getFields();
const mutations = schema.getMutationType()!.getFields();
const resultTypes = (field: GraphQLField<unknown, unknown>) => {
    const named = getNamedType(field.type);
    return isUnionType(named) ? named.getTypes().map(t => t.name) : [named.name];
};

describe('the committed schema', () => {
    const lists = Object.values(queries).filter(f => getNamedType(f.type).name.endsWith('OffsetPaginated'));

    it('has paginated lists: filters, pagination, totalCount and results', () => {
        expect(lists.length).toBeGreaterThan(3);
        for (const list of lists) {
            const page = getNamedType(list.type) as GraphQLObjectType;
            expect(Object.keys(page.getFields()), list.name).toEqual(expect.arrayContaining(['totalCount', 'results']));
            const args = list.args.map(a => a.name);
            expect(args, list.name).toEqual(expect.arrayContaining(['pagination', 'filters']));
        }
    });

    it('answers create, update and delete with the record or OperationInfo, taking `data`', () => {
        const writes = Object.values(mutations).filter(m => /^(create|update|delete)[A-Z]/.test(m.name) && m.name !== 'createApiToken');
        expect(writes.length).toBeGreaterThan(3);
        for (const mutation of writes) {
            expect(mutation.args.map(a => a.name), mutation.name).toEqual(['data']);
            expect(resultTypes(mutation), mutation.name).toContain('OperationInfo');
            if (/^(update|delete)/.test(mutation.name)) {
                const input = getNamedType(mutation.args[0].type);
                expect(isInputObjectType(input) && input.getFields().id?.type.toString(), mutation.name).toBe('ID!');
            }
        }
    });

    it('has the one error shape: OperationInfo.messages { kind field message code }', () => {
        const info = schema.getType('OperationInfo') as GraphQLObjectType;
        const message = getNamedType(info.getFields().messages.type) as GraphQLObjectType;
        expect(Object.keys(message.getFields())).toEqual(expect.arrayContaining(['kind', 'field', 'message', 'code']));
    });

    it('has the session operations and the evidence upload the portal calls', () => {
        expect(queries.me && isObjectType(getNamedType(queries.me.type))).toBe(true);
        expect(mutations.login.args.map(a => a.name)).toEqual(['username', 'password']);
        expect(mutations.logout).toBeDefined();
        const upload = getNamedType(mutations.attachEvidence.args[0].type);
        expect(isInputObjectType(upload) && Object.keys(upload.getFields())).toEqual(['parentType', 'parentId', 'file', 'description']);
    });

    it('has a detail query beside each list, returning the list`s record', () => {
        for (const list of lists) {
            const record = getNamedType((getNamedType(list.type) as GraphQLObjectType).getFields().results.type).name;
            const detail = Object.values(queries).find(q => getNamedType(q.type).name === record && q.args.length === 1);
            if (detail) expect(detail.args[0].type.toString(), detail.name).toMatch(/^(ID|String)!$/);
        }
    });
});
