/** API 令牌 for the data provider: the tokens the user may see (their own; a city administrator's
 * grants reach all), a new token with its secret, and revoking one. The secret is answered once, by
 * createApiToken, and never cached: Apollo runs without a cache for it, and the caller must keep it
 * only as long as it shows it. */
import { gql, type ApolloClient } from '@apollo/client';
import { operationError, type OperationMessage } from './errors';

const TOKEN = 'id name prefix username scopeCode createdAt expiresAt revokedAt lastUsedAt';

export interface ApiToken {
    id: string;
    name: string;
    prefix: string;
    username: string;
    scopeCode: string | null;
    createdAt: string;
    expiresAt: string;
    revokedAt: string | null;
    lastUsedAt: string | null;
}
export interface NewApiTokenInput {
    name: string;
    days: number;
    /** the account the token acts as; empty for oneself */
    username?: string | null;
    /** a 12-digit division code the token is narrowed to; empty for the account's whole scope */
    scopeCode?: string | null;
}
export type TokenStatus = 'active' | 'expired' | 'revoked';

const TOKENS = gql`query ApiTokens { apiTokens { ${TOKEN} } }`;
const CREATE = gql`mutation CreateApiToken($data: CreateApiTokenInput!) {
    createApiToken(data: $data) {
        __typename
        ... on NewApiToken { secret token { ${TOKEN} } }
        ... on OperationInfo { messages { kind field message code } }
    }
}`;
const REVOKE = gql`mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
        __typename
        ... on ApiToken { ${TOKEN} }
        ... on OperationInfo { messages { kind field message code } }
    }
}`;
const INPUTS = ['name', 'days', 'username', 'scopeCode'];

export interface TokenMethods {
    /** newest first */
    apiTokens: () => Promise<ApiToken[]>;
    createApiToken: (input: NewApiTokenInput) => Promise<{ token: ApiToken; secret: string }>;
    revokeApiToken: (id: string) => Promise<ApiToken>;
}

export function tokenStatus(token: ApiToken, now: Date = new Date()): TokenStatus {
    if (token.revokedAt) return 'revoked';
    return new Date(token.expiresAt) <= now ? 'expired' : 'active';
}

/** A row as the page uses it, without the `__typename` Apollo adds. */
const plain = ({ __typename, ...token }: ApiToken & { __typename?: string }): ApiToken => token;

/** "账号不存在" comes without a field (an account the creator may not name looks like a missing
 * one): it is about the account asked for, so it belongs on that input. */
function onUsername(messages: OperationMessage[], input: NewApiTokenInput): OperationMessage[] {
    if (!input.username) return messages;
    return messages.map(m => (m.field === null && m.kind === 'ERROR' ? { ...m, field: 'username' } : m));
}

export function tokenMethods(client: ApolloClient<unknown>, unwrap: (error: unknown) => never): TokenMethods {
    return {
        apiTokens: async () => {
            const { data } = await client.query<{ apiTokens: ApiToken[] }>({ query: TOKENS, fetchPolicy: 'no-cache' }).catch(unwrap);
            return data.apiTokens.map(plain).sort((a, b) => b.createdAt.localeCompare(a.createdAt) || Number(b.id) - Number(a.id));
        },
        createApiToken: async input => {
            const data = {
                name: input.name.trim(),
                days: input.days,
                username: input.username?.trim() || null,
                scopeCode: input.scopeCode?.trim() || null,
            };
            const response = await client.mutate<{ createApiToken: any }>({ mutation: CREATE, variables: { data }, fetchPolicy: 'no-cache' }).catch(unwrap);
            const result = response.data!.createApiToken;
            if (result.__typename === 'OperationInfo') throw operationError(onUsername(result.messages, data), INPUTS);
            return { token: plain(result.token), secret: result.secret as string };
        },
        revokeApiToken: async id => {
            const response = await client.mutate<{ revokeApiToken: any }>({ mutation: REVOKE, variables: { id }, fetchPolicy: 'no-cache' }).catch(unwrap);
            const result = response.data!.revokeApiToken;
            if (result.__typename === 'OperationInfo') throw operationError(result.messages as OperationMessage[], []);
            return plain(result);
        },
    };
}
