/** The data provider against a fake server of the API's shape: every react-admin verb's document
 * and variables, the CSRF handshake, lazy description, and OperationInfo → form errors. */
import { describe as group, expect, it } from 'vitest';
import { createDataProvider } from '../src/dataProvider';
import { DESCRIPTION, dispute, fakeServer } from './fakeServer';

function setup(handlers = {}, cookies = '') {
    const server = fakeServer(handlers);
    const provider = createDataProvider({ fetch: server.fetch as typeof fetch, cookies: () => cookies });
    const sent = (name: string) => server.requests.filter(r => new RegExp(`\\b${name}\\b`).test(r.query));
    return { server, provider, sent };
}

const squash = (text: string) => text.replace(/\s*__typename\s*/g, ' ').replace(/\s+/g, ' ');

group('session and CSRF', () => {
    it('fetches the CSRF token before the first POST and sends it on every POST', async () => {
        const { server, provider } = setup({ disputes: () => ({ totalCount: 0, results: [] }) });
        await provider.me();
        await provider.getList('Dispute', { pagination: { page: 1, perPage: 10 }, sort: { field: 'id', order: 'ASC' }, filter: {} });
        expect(server.csrfCalls).toEqual([0]);
        expect(server.requests.length).toBeGreaterThan(1);
        for (const request of server.requests) expect(request.headers['x-csrftoken']).toBe('token-from-server');
    });

    it('prefers the csrftoken cookie, which login rotates', async () => {
        const { server, provider } = setup({}, 'sessionid=abc; csrftoken=from-cookie');
        await provider.me();
        expect(server.requests[0].headers['x-csrftoken']).toBe('from-cookie');
    });

    it('logs in, answers me and logs out through the session mutations', async () => {
        const { provider, sent } = setup();
        const me = await provider.login('unit_handler', 'right');
        expect(me.grants[0].unitId).toBe('12');
        expect(sent('login')[0].variables).toEqual({ username: 'unit_handler', password: 'right' });
        await provider.logout();
        expect(sent('logout')).toHaveLength(1);
    });

    it('rejects a wrong password with the server message', async () => {
        const { provider } = setup();
        await expect(provider.login('unit_handler', 'wrong')).rejects.toThrow('用户名或密码错误');
    });
});

group('the resource model', () => {
    it('is loaded once, after login, from introspection and `resources`', async () => {
        const { provider, sent } = setup();
        const api = await provider.describe();
        await provider.describe();
        expect(sent('__schema')).toHaveLength(1);
        expect(sent('resources')).toHaveLength(1);
        const disputes = api.byName.Dispute;
        expect(disputes.list?.name).toBe('disputes');
        expect(disputes.detail?.arg).toBe('id');
        expect(api.byName.Area.detail?.arg).toBe('code');
        expect(disputes.manyById).toBe(true);
        expect(api.byName.Area.manyById).toBe(false);
        const inputs = Object.fromEntries(disputes.create!.inputs.map(i => [i.name, i]));
        expect(inputs.handlingUnitId).toMatchObject({ kind: 'reference', reference: 'Unit', recordPath: ['handlingUnit', 'id'] });
        expect(inputs.handlingUnitId.label.zh).toBe('化解组织');
        expect(inputs.areaCode).toMatchObject({ kind: 'reference', reference: 'Area', recordPath: ['area', 'id'] });
        expect(inputs.typeCode).toMatchObject({ kind: 'string', recordPath: ['type', 'code'] });
        expect(inputs.parties.fields?.map(f => f.name)).toEqual(['role', 'name', 'idNumber']);
        expect(inputs.parties.label.zh).toBe('当事人');
        expect(disputes.actions[0]).toMatchObject({ name: 'assignMediators', takesId: true, returns: 'Dispute' });
        expect(disputes.actions[0].evidenceOn).toBeUndefined();
        const filters = Object.fromEntries(disputes.filters.map(f => [f.name, f]));
        expect(filters.handlingUnit).toMatchObject({ kind: 'reference', reference: 'Unit' });
        expect(filters.area).toMatchObject({ kind: 'reference', reference: 'Area' });
        expect(filters.status).toMatchObject({ kind: 'string', lookups: expect.arrayContaining(['exact', 'inList']) });
        expect(filters.status.choices.map(c => c.value)).toEqual(['registered', 'closed']);
        expect(filters.deadline).toMatchObject({ kind: 'date', lookups: ['exact', 'gte', 'lte'] });
        expect(filters.overdue).toMatchObject({ kind: 'boolean', lookups: [] });
    });

    it('adds the mutations that create a child record as actions of the parent', async () => {
        const { provider } = setup();
        const action = (await provider.describe()).byName.Dispute.actions.find(a => a.name === 'recordMediation');
        expect(action).toMatchObject({ takesId: true, returns: 'MediationRecord', evidenceOn: 'MediationRecord' });
        expect(action?.label.zh).toBe('记录调解');
        expect(action?.inputs.map(i => i.name)).toEqual(['content']);
    });

    it('asks whether each action is allowed once the server says, and keeps the answer', async () => {
        const refused = DESCRIPTION.map(d => ({ ...d, actions: d.actions.map(a => ({ ...a, allowed: false })) }));
        const { provider, sent } = setup({ resources: () => refused });
        const api = await provider.describe();
        expect(sent('resources')[0].query.replace(/\s+/g, ' ')).toMatch(/actions \{ name label allowed/);
        expect(api.byName.Dispute.actions.find(a => a.name === 'assignMediators')?.allowed).toBe(false);
        expect(api.byName.Dispute.actions.find(a => a.name === 'recordMediation')?.allowed).toBe(true);
    });

    it('does not keep a refused introspection: the next call tries again', async () => {
        const { server, provider } = setup();
        server.state.refuseIntrospection = true;
        await expect(provider.describe()).rejects.toThrow();
        server.state.refuseIntrospection = false;
        await expect(provider.describe()).resolves.toHaveProperty('byName.Dispute');
    });

    it('is dropped on login, since permissions and actions belong to the user', async () => {
        const { provider, sent } = setup();
        await provider.describe();
        await provider.login('unit_handler', 'right');
        await provider.describe();
        expect(sent('resources')).toHaveLength(2);
    });
});

group('reading', () => {
    it('getList: filters, ordering and offset pagination; totalCount', async () => {
        const { provider, sent } = setup({
            disputes: () => ({ totalCount: 42, results: [dispute('1'), dispute('2')] }),
        });
        const result = await provider.getList('Dispute', {
            pagination: { page: 3, perPage: 10 },
            sort: { field: 'deadline', order: 'DESC' },
            filter: { q: '邻里', status: 'registered', deadline__lte: '2026-12-31', handlingUnit: '12', unknown: 'x', overdue: '' },
        });
        expect(result.total).toBe(42);
        expect(result.data.map(r => r.id)).toEqual(['1', '2']);
        const [request] = sent('disputes');
        expect(squash(request.query)).toMatch(/items: disputes\((pagination|filters|ordering): .*\) \{ totalCount results \{/);
        expect(request.variables).toEqual({
            filters: { search: '邻里', status: { exact: 'registered' }, deadline: { lte: '2026-12-31' }, handlingUnit: '12' },
            ordering: [{ deadline: 'DESC' }],
            pagination: { offset: 20, limit: 10 },
        });
        // a list asks for its columns with linked records as { id name code }, and no sensitive field
        expect(squash(request.query)).toContain('handlingUnit { id name code }');
        expect(request.query).not.toContain('responsiblePhone');
        expect(request.query).not.toContain('parties');
    });

    it('getList: a column the API cannot sort by is not sent; a page never exceeds 100', async () => {
        const { provider, sent } = setup({ disputes: () => ({ totalCount: 0, results: [] }) });
        await provider.getList('Dispute', { pagination: { page: 1, perPage: 500 }, sort: { field: 'title', order: 'ASC' }, filter: { status: ['registered', 'closed'] } });
        expect(sent('disputes')[0].variables).toMatchObject({
            ordering: [],
            pagination: { offset: 0, limit: 100 },
            filters: { status: { inList: ['registered', 'closed'] } },
        });
    });

    it('getOne: the detail query with child records; null means not found', async () => {
        const { provider, sent } = setup({ dispute: ({ id }: { id: string }) => (id === '1' ? dispute('1') : null) });
        const { data } = await provider.getOne('Dispute', { id: '1' });
        expect(data.handlingUnit.name).toBe('肃宁镇司法所');
        const query = squash(sent('dispute')[0].query);
        expect(query).toContain('data: dispute(id: $id)');
        expect(query).toContain('responsiblePhone');
        expect(query).toContain('records { id content mediators { id name code } evidence { id originalName size downloadUrl } }');
        expect(query).toContain('evidence { id originalName size downloadUrl }');
        await expect(provider.getOne('Dispute', { id: '999' })).rejects.toMatchObject({ status: 404 });
    });

    it('getMany: through the id lookup of the list', async () => {
        const { provider, sent } = setup({ disputes: () => ({ totalCount: 2, results: [dispute('1'), dispute('2')] }) });
        const { data } = await provider.getMany('Dispute', { ids: ['1', '2'] });
        expect(data).toHaveLength(2);
        expect(sent('disputes')[0].variables).toEqual({
            filters: { id: { inList: ['1', '2'] } },
            ordering: [],
            pagination: { offset: 0, limit: 2 },
        });
    });

    it('getMany: one aliased detail query per id where the list has no id lookup, 15 per document', async () => {
        const { provider, sent } = setup({ area: ({ code }: { code: string }) => ({ id: code, code, name: `区划${code}`, level: 3 }) });
        const ids = Array.from({ length: 20 }, (_, i) => `1309261${String(i).padStart(2, '0')}000`);
        const { data } = await provider.getMany('Area', { ids });
        expect(data.map(a => a.id)).toEqual(ids);
        const requests = sent('area');
        expect(requests).toHaveLength(2);
        expect(Object.keys(requests[0].variables)).toHaveLength(15);
        expect(squash(requests[0].query)).toMatch(/r0: area\(code: \$id0\) \{ (id|name|code) /);
    });

    it('getManyReference: the target is a filter of the list', async () => {
        const { provider, sent } = setup({ disputes: () => ({ totalCount: 1, results: [dispute('1')] }) });
        const result = await provider.getManyReference('Dispute', {
            target: 'handlingUnit',
            id: '12',
            pagination: { page: 1, perPage: 5 },
            sort: { field: 'number', order: 'ASC' },
            filter: { status: 'registered' },
        });
        expect(result.total).toBe(1);
        expect(sent('disputes')[0].variables).toEqual({
            filters: { status: { exact: 'registered' }, handlingUnit: '12' },
            ordering: [{ number: 'ASC' }],
            pagination: { offset: 0, limit: 5 },
        });
    });
});

group('writing', () => {
    it('create: only the input fields, in the types the API expects', async () => {
        const { provider, sent } = setup({ createDispute: () => ({ __typename: 'Dispute', ...dispute('9') }) });
        const { data } = await provider.create('Dispute', {
            data: {
                title: '邻里纠纷',
                occurredOn: '2026-10-20T00:00:00',
                areaCode: '130926100000',
                typeCode: '0902',
                handlingUnitId: 12,
                peopleCount: '3',
                parties: [{ role: 'applicant', name: '张三', extra: 'dropped' }],
                deadline: '',
                status: 'not an input',
            },
        });
        expect(data.id).toBe('9');
        const [request] = sent('createDispute');
        expect(squash(request.query)).toContain('data: createDispute(data: $data) { ... on Dispute {');
        expect(squash(request.query)).toContain('... on OperationInfo { messages { kind field message code } }');
        expect(request.variables.data).toEqual({
            title: '邻里纠纷',
            occurredOn: '2026-10-20',
            areaCode: '130926100000',
            typeCode: '0902',
            handlingUnitId: '12',
            peopleCount: 3,
            parties: [{ role: 'applicant', name: '张三' }],
            deadline: null,
        });
    });

    it('create: OperationInfo messages land on their form fields; the rest is the form error', async () => {
        const { provider } = setup({
            createDispute: () => ({
                __typename: 'OperationInfo',
                messages: [
                    { kind: 'VALIDATION', field: 'handlingUnitId', message: '编号格式不正确', code: null },
                    { kind: 'VALIDATION', field: 'occurred_on', message: '发生日期不能晚于今天', code: null },
                    { kind: 'VALIDATION', field: 'handling_unit', message: '单位已停用', code: null },
                    { kind: 'ERROR', field: null, message: '单位不存在', code: null },
                ],
            }),
        });
        const data = { title: 'x', occurredOn: '2026-10-01', areaCode: '1', typeCode: '0902', handlingUnitId: 'x', peopleCount: 1, parties: [] };
        const error = await provider.create('Dispute', { data }).catch(e => e);
        expect(error.status).toBe(400);
        expect(error.message).toContain('编号格式不正确');
        expect(error.body.errors).toEqual({
            handlingUnitId: '编号格式不正确',
            occurredOn: '发生日期不能晚于今天',
            root: { serverError: '单位已停用；单位不存在' },
        });
    });

    it('update: the id and only what changed, compared through the record (handlingUnit.id)', async () => {
        const { provider, sent } = setup({ updateDispute: () => ({ __typename: 'Dispute', ...dispute('1', { title: '新' }) }) });
        const previousData = dispute('1');
        await provider.update('Dispute', {
            id: '1',
            data: { ...previousData, title: '新', handlingUnitId: '12', peopleCount: 2, deadline: '2026-11-30' },
            previousData,
        });
        const [request] = sent('updateDispute');
        expect(squash(request.query)).toContain('data: updateDispute(data: $data)');
        expect(request.variables).toEqual({ data: { id: '1', title: '新' } });
    });

    it('delete: deleteX(data: {id})', async () => {
        const { provider, sent } = setup({ deleteDispute: () => ({ __typename: 'Dispute', ...dispute('1') }) });
        const { data } = await provider.delete('Dispute', { id: '1', previousData: dispute('1') });
        expect(data.id).toBe('1');
        expect(sent('deleteDispute')[0].variables).toEqual({ data: { id: '1' } });
    });

    it('delete: a refusal is an error, not a success', async () => {
        const { provider } = setup({
            deleteDispute: () => ({ __typename: 'OperationInfo', messages: [{ kind: 'PERMISSION', field: null, message: '记录不存在', code: null }] }),
        });
        await expect(provider.delete('Dispute', { id: '1' })).rejects.toMatchObject({ message: '记录不存在', status: 400 });
    });

    it('deleteMany and updateMany: one mutation per record', async () => {
        const { provider, sent } = setup({
            deleteDispute: ({ data }: any) => ({ __typename: 'Dispute', ...dispute(data.id) }),
            updateDispute: ({ data }: any) => ({ __typename: 'Dispute', ...dispute(data.id) }),
        });
        expect(await provider.deleteMany('Dispute', { ids: ['1', '2', '3'] })).toEqual({ data: ['1', '2', '3'] });
        expect(sent('deleteDispute').map(r => r.variables.data.id)).toEqual(['1', '2', '3']);
        await provider.updateMany('Dispute', { ids: ['4', '5'], data: { deadline: '2026-12-31' } });
        expect(sent('updateDispute').map(r => r.variables.data)).toEqual([
            { id: '4', deadline: '2026-12-31' },
            { id: '5', deadline: '2026-12-31' },
        ]);
    });
});

group('workflow actions, evidence and counts', () => {
    it('runAction: the record id and the action inputs in `data`', async () => {
        const { provider, sent } = setup({ assignMediators: () => ({ __typename: 'Dispute', ...dispute('1') }) });
        await provider.runAction('Dispute', 'assignMediators', '1', { memberIds: [3, 4], ignored: true });
        expect(sent('assignMediators')[0].variables).toEqual({ data: { id: '1', memberIds: ['3', '4'] } });
    });

    it('attachEvidence: a GraphQL multipart request carrying the file', async () => {
        const { provider, sent } = setup({
            attachEvidence: ({ data }: any) => ({ __typename: 'Evidence', id: '5', originalName: data.file.name, size: data.file.size, downloadUrl: '/evidence/5/download' }),
        });
        const file = new File(['%PDF-1.4 demo'], '进度说明.pdf', { type: 'application/pdf' });
        const { data } = await provider.attachEvidence({ resource: 'Dispute', id: '1', file, description: '现场照片' });
        expect(data).toMatchObject({ id: '5', originalName: '进度说明.pdf' });
        const [request] = sent('attachEvidence');
        expect(request.multipart).toBe(true);
        expect(request.files[0].name).toBe('进度说明.pdf');
        expect(request.variables.data).toMatchObject({ parentType: 'DISPUTE', parentId: '1', description: '现场照片' });
        expect(request.headers['x-csrftoken']).toBe('token-from-server');
    });

    it('countBy: totalCounts of filtered lists, at most 15 aliases per document', async () => {
        const { provider, sent } = setup({ disputes: ({ filters }: any) => ({ totalCount: filters?.status?.exact === 'closed' ? 7 : 3, results: [] }) });
        const groups = Array.from({ length: 17 }, (_, i) => ({ key: `k${i}`, filter: { status: i === 0 ? 'closed' : 'registered' } }));
        const counts = await provider.countBy('Dispute', groups);
        expect(counts.k0).toBe(7);
        expect(counts.k16).toBe(3);
        const requests = sent('disputes');
        expect(requests).toHaveLength(2);
        expect(requests[0].query.match(/totalCount/g)).toHaveLength(15);
        expect(requests[0].variables.f0).toEqual({ status: { exact: 'closed' } });
    });
});
