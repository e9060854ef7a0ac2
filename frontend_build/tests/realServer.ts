/**
 * Django stood in for by the committed API schema (../schema/schema.graphql): answers GET
 * /auth/csrf and executes every POST /graphql/ against the real schema, so each document the data
 * provider sends is validated against the API as it is. Root fields answer from `handlers`
 * (`resources` and `workflowProcesses` empty unless given); each request is recorded.
 */
import { readFileSync } from 'node:fs';
import { buildSchema, graphql } from 'graphql';
import { createDataProvider } from '../src/dataProvider';

export const realSchema = buildSchema(readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8'));

export interface Sent {
    query: string;
    variables: Record<string, any>;
}

type Handler = (args: any) => unknown;

export function realServer(handlers: Record<string, Handler>) {
    const sent: Sent[] = [];
    const all: Record<string, Handler> = { resources: () => [], workflowProcesses: () => [], ...handlers };
    const rootValue = Object.fromEntries(Object.entries(all).map(([name, handler]) => [name, (args: any) => handler(args)]));
    const fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
        if (String(input) === '/auth/csrf') return Response.json({ csrfToken: 'token' });
        const body = JSON.parse(String(init.body));
        sent.push({ query: body.query, variables: body.variables ?? {} });
        return Response.json(await graphql({ schema: realSchema, source: body.query, variableValues: body.variables, rootValue }));
    };
    const provider = createDataProvider({ fetch: fetch as typeof globalThis.fetch, cookies: () => 'csrftoken=token' });
    /** the requests that call root field `name` (with arguments or a selection) */
    const named = (name: string) => sent.filter(r => new RegExp(`\\b${name}\\s*[({]`).test(r.query));
    return { provider, sent, named };
}
