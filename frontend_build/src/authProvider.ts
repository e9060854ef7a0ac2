/**
 * Sessions through the API's login / logout / me (asked of the data provider, the only module that
 * speaks GraphQL). `me` is kept for a minute so that page changes do not each ask the server; an
 * HTTP 401 or 403 (an expired session, a stale CSRF token) logs out. A refused action does not: the
 * API answers it with OperationInfo, which the data provider reports as a 400.
 */
import type { AuthProvider } from 'ra-core';
import type { Me, ZhiliDataProvider } from './dataProvider';

const FRESH_MS = 60_000;

export function createAuthProvider(data: ZhiliDataProvider, now: () => number = Date.now): AuthProvider {
    let cached: { me: Me | null; at: number } | undefined;

    const current = async (): Promise<Me | null> => {
        if (!cached || now() - cached.at > FRESH_MS) cached = { me: await data.me(), at: now() };
        return cached.me;
    };

    return {
        login: async ({ username, password }: { username: string; password: string }) => {
            cached = { me: await data.login(username, password), at: now() };
        },
        logout: async () => {
            const signedIn = cached?.me;
            cached = { me: null, at: now() };
            if (signedIn) await data.logout().catch(() => undefined);
            else data.reset();
        },
        checkAuth: async () => {
            if (!(await current())) throw new Error('ra.auth.auth_check_error');
        },
        checkError: async (error: { status?: number }) => {
            if (error?.status === 401 || error?.status === 403) {
                cached = undefined;
                throw new Error('ra.notification.logged_out');
            }
        },
        getIdentity: async () => {
            const me = await current();
            if (!me) throw new Error('ra.auth.auth_check_error');
            return { id: me.id, fullName: me.fullName || me.username };
        },
        // the user's grants and effective permissions: the portal hides what they may not do
        getPermissions: async () => (await current()) ?? undefined,
    };
}
