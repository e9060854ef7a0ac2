/**
 * The HTTP side: Apollo over the GraphQL multipart request spec (file uploads), with the session
 * cookie and Django's CSRF token. The token comes from the `csrftoken` cookie once GET /auth/csrf has
 * set it — before the first POST, and again after login, which rotates it.
 */
import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { setContext } from '@apollo/client/link/context';
import createUploadLink from 'apollo-upload-client/createUploadLink.mjs';

export interface TransportOptions {
    /** for tests: a fetch that answers /auth/csrf and /graphql/ */
    fetch?: typeof fetch;
    /** for tests: the document's cookies */
    cookies?: () => string;
}

export interface Transport {
    client: ApolloClient<unknown>;
    /** the CSRF token, fetched from /auth/csrf when the cookie is not there yet */
    csrfToken: () => Promise<string>;
    /** after login or logout: the server has rotated the token */
    forgetCsrfToken: () => void;
}

const browserCookies = () => (typeof document === 'undefined' ? '' : document.cookie);

export function cookieValue(cookies: string, name: string): string | undefined {
    const pair = cookies.split(/;\s*/).find(part => part.startsWith(`${name}=`));
    return pair ? decodeURIComponent(pair.slice(name.length + 1)) : undefined;
}

export function createTransport(options: TransportOptions = {}): Transport {
    const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
    const cookies = options.cookies ?? browserCookies;
    let fetched: Promise<string> | undefined;

    const csrfToken = async () => {
        if (!fetched) {
            fetched = doFetch('/auth/csrf', { credentials: 'same-origin' })
                .then(response => response.json())
                .then(body => body.csrfToken as string)
                .catch(error => {
                    fetched = undefined;
                    throw error;
                });
        }
        const fromServer = await fetched;
        return cookieValue(cookies(), 'csrftoken') ?? fromServer;
    };

    const withCsrf = setContext(async (_, { headers }) => ({
        headers: { ...headers, 'X-CSRFToken': await csrfToken() },
    }));
    const http = createUploadLink({ uri: '/graphql/', credentials: 'same-origin', fetch: doFetch });
    const client = new ApolloClient({
        link: ApolloLink.from([withCsrf, http as unknown as ApolloLink]),
        cache: new InMemoryCache(),
        devtools: { enabled: false },
        defaultOptions: {
            query: { fetchPolicy: 'no-cache' },
            mutate: { fetchPolicy: 'no-cache' },
            watchQuery: { fetchPolicy: 'no-cache' },
        },
    });
    return { client, csrfToken, forgetCsrfToken: () => (fetched = undefined) };
}
