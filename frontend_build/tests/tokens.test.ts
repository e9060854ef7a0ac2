/** API 令牌 in the data provider, against a fake server executing the committed API schema
 * (../schema/schema.graphql), so every document is checked against the real API: the list (newest
 * first), a new token and its secret, OperationInfo messages on the inputs they concern, revoking;
 * and the status a row shows. */
import { describe as group, expect, it } from 'vitest';
import { tokenStatus, type ApiToken } from '../src/dataProvider';
import { realServer } from './realServer';

const token = (id: string, extra: Partial<ApiToken> = {}): ApiToken => ({
    id,
    name: `令牌 ${id}`,
    prefix: `ab${id}cd`,
    username: 'integrator',
    scopeCode: '130926000000',
    createdAt: `2026-10-0${id}T09:00:00+08:00`,
    expiresAt: '2027-01-01T09:00:00+08:00',
    revokedAt: null,
    lastUsedAt: null,
    ...extra,
});

const info = (...messages: { kind: string; field: string | null; message: string }[]) => ({
    __typename: 'OperationInfo',
    messages: messages.map(m => ({ code: null, ...m })),
});

/** The rejection of `promise`: react-admin's HttpError with the messages placed on inputs. */
async function refusal(promise: Promise<unknown>): Promise<{ message: string; status: number; errors: Record<string, any> }> {
    const error: any = await promise.then(
        () => expect.fail('expected a refusal'),
        (e: unknown) => e
    );
    return { message: error.message, status: error.status, errors: error.body?.errors ?? {} };
}

group('API tokens in the data provider', () => {
    it('lists the tokens newest first, with every field the page shows', async () => {
        const { provider, named } = realServer({ apiTokens: () => [token('1'), token('3'), token('2', { scopeCode: null })] });
        const rows = await provider.apiTokens();
        expect(rows.map(r => r.id)).toEqual(['3', '2', '1']);
        expect(rows[1]).toEqual(token('2', { scopeCode: null }));
        expect(named('apiTokens')).toHaveLength(1);
    });

    it('creates a token for an account within an area and answers its secret', async () => {
        const created = token('4', { name: '法院系统对接' });
        const { provider, named } = realServer({
            createApiToken: () => ({ __typename: 'NewApiToken', token: created, secret: 'zl_ab4cd_secret' }),
        });
        const answer = await provider.createApiToken({ name: ' 法院系统对接 ', days: 30, username: 'integrator', scopeCode: '130926000000' });
        expect(answer).toEqual({ token: created, secret: 'zl_ab4cd_secret' });
        expect(named('createApiToken')[0].variables).toEqual({
            data: { name: '法院系统对接', days: 30, username: 'integrator', scopeCode: '130926000000' },
        });
    });

    it('sends no account and no area when they are left empty: the server then means oneself, unlimited', async () => {
        const { provider, named } = realServer({
            createApiToken: () => ({ __typename: 'NewApiToken', token: token('5'), secret: 'zl_x' }),
        });
        await provider.createApiToken({ name: '大屏', days: 90, username: '  ', scopeCode: '' });
        expect(named('createApiToken')[0].variables.data).toEqual({ name: '大屏', days: 90, username: null, scopeCode: null });
    });

    it('puts the server`s validation messages on their inputs and the rest on the form', async () => {
        const { provider } = realServer({
            createApiToken: () =>
                info(
                    { kind: 'VALIDATION', field: 'days', message: '有效期须在 1 到 365 天之间' },
                    { kind: 'VALIDATION', field: 'scopeCode', message: '区划代码不存在' },
                    { kind: 'VALIDATION', field: null, message: '令牌的权限不能超出创建人自己的授权范围' }
                ),
        });
        const { message, status, errors } = await refusal(provider.createApiToken({ name: '对接', days: 400, scopeCode: '130999999999' }));
        expect(status).toBe(400);
        expect(message).toContain('有效期须在 1 到 365 天之间');
        expect(errors).toEqual({
            days: '有效期须在 1 到 365 天之间',
            scopeCode: '区划代码不存在',
            root: { serverError: '令牌的权限不能超出创建人自己的授权范围' },
        });
    });

    it('shows an account the creator may not name ("账号不存在", without a field) on the account input', async () => {
        const { provider } = realServer({ createApiToken: () => info({ kind: 'ERROR', field: null, message: '账号不存在' }) });
        const named = await refusal(provider.createApiToken({ name: '对接', days: 90, username: 'city_admin' }));
        expect(named.errors).toEqual({ username: '账号不存在' });
        // without an account asked for, such a message stays the form's
        const own = await refusal(provider.createApiToken({ name: '对接', days: 90 }));
        expect(own.errors).toEqual({ root: { serverError: '账号不存在' } });
    });

    it('revokes a token by id and answers it revoked', async () => {
        const revoked = token('6', { revokedAt: '2026-11-01T10:00:00+08:00' });
        const { provider, named } = realServer({ revokeApiToken: () => ({ __typename: 'ApiToken', ...revoked }) });
        expect(await provider.revokeApiToken('6')).toEqual(revoked);
        expect(named('revokeApiToken')[0].variables).toEqual({ id: '6' });
    });

    it('reports a token that is not there (or not the user`s) as the form`s error', async () => {
        const { provider } = realServer({ revokeApiToken: () => info({ kind: 'ERROR', field: null, message: '记录不存在' }) });
        const { message, errors } = await refusal(provider.revokeApiToken('99'));
        expect(message).toBe('记录不存在');
        expect(errors).toEqual({ root: { serverError: '记录不存在' } });
    });
});

group('a token`s status', () => {
    const now = new Date('2026-11-01T09:00:00+08:00');

    it('is active until it expires, expired after, revoked once revoked', () => {
        expect(tokenStatus(token('1'), now)).toBe('active');
        expect(tokenStatus(token('1', { expiresAt: '2026-11-01T08:59:00+08:00' }), now)).toBe('expired');
        expect(tokenStatus(token('1', { revokedAt: '2026-10-30T09:00:00+08:00' }), now)).toBe('revoked');
        expect(tokenStatus(token('1', { revokedAt: '2026-10-30T09:00:00+08:00', expiresAt: '2026-10-31T00:00:00+08:00' }), now)).toBe('revoked');
    });
});
