/** The transitions table against the committed schema and the backend's process declarations, the
 * dialogs' inputs and payloads, and the data provider's workflow, supervision and notification calls. */
import { readFileSync, readdirSync } from 'node:fs';
import { buildSchema, getNamedType, isInputObjectType, type GraphQLInputObjectType } from 'graphql';
import { describe as group, expect, it } from 'vitest';
import { createDataProvider } from '../src/dataProvider';
import { fieldFor } from '../src/graphql/errors';
import type { ActionModel, InputFieldModel } from '../src/graphql/model';
import { dialogInputs, INPUT_CHOICES, offeredTransitions, transitionPayload, TRANSITIONS } from '../src/workflow/transitions';
import { dispute, fakeServer } from './fakeServer';

const schema = buildSchema(readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8'));
const mutations = schema.getMutationType()!.getFields();
const inputsOf = (mutation: string): string[] => {
    const data = mutations[mutation].args.find(a => a.name === 'data');
    const type = data && getNamedType(data.type);
    return type && isInputObjectType(type) ? Object.keys((type as GraphQLInputObjectType).getFields()) : mutations[mutation].args.map(a => a.name);
};

/** The processes as backend/<app>/workflow/__init__.py declares them: transition → required fields. */
const BACKEND = new URL('../../backend/', import.meta.url);
const PROCESS_FILES: Record<string, string> = {
    Report: 'reports',
    Dispute: 'disputes',
    CreationTask: 'creation',
    SubsidyCase: 'assistance',
    EnterpriseProblem: 'enterprise',
};
function declared(app: string): Record<string, string[]> {
    const source = readFileSync(new URL(`${app}/workflow/__init__.py`, BACKEND), 'utf8');
    const constants = Object.fromEntries(
        [...source.matchAll(/^(\w+) = \{([^}]*)\}/gm)].map(([, name, body]) => [name, [...body.matchAll(/"(\w+)":/g)].map(m => m[1])])
    );
    const found: Record<string, string[]> = {};
    const blocks = source.split(/(?=Transition\(")|(?=supervise_transition\()/).slice(1);
    for (const block of blocks) {
        const name = block.startsWith('supervise_transition') ? 'supervise' : /^Transition\("(\w+)"/.exec(block)![1];
        const required = /required=(\{[^}]*\}|\w+)/.exec(block)?.[1];
        found[name] =
            name === 'supervise'
                ? ['reason', 'level']
                : !required
                  ? []
                  : required.startsWith('{')
                    ? [...required.matchAll(/"(\w+)":/g)].map(m => m[1])
                    : constants[required] ?? [];
    }
    return found;
}

group('the transitions table', () => {
    it('names only mutations of the committed schema, with the inputs it fixes and aliases', () => {
        for (const [resource, entries] of Object.entries(TRANSITIONS)) {
            for (const [transition, entry] of Object.entries(entries)) {
                const where = `${resource}.${transition}`;
                expect(mutations[entry.mutation], where).toBeDefined();
                const inputs = inputsOf(entry.mutation);
                expect(inputs, where).toContain('id');
                for (const name of Object.keys(entry.fixed ?? {})) expect(inputs, where).toContain(name);
                for (const name of Object.values(entry.aliases ?? {})) expect(inputs, where).toContain(name);
            }
        }
    });

    it('covers every transition the backend declares, each required field on an input of its mutation', () => {
        expect(readdirSync(BACKEND)).toEqual(expect.arrayContaining(Object.values(PROCESS_FILES)));
        for (const [resource, app] of Object.entries(PROCESS_FILES)) {
            const transitions = declared(app);
            expect(Object.keys(transitions).length, app).toBeGreaterThan(3);
            expect(Object.keys(TRANSITIONS[resource]).sort(), app).toEqual(Object.keys(transitions).sort());
            for (const [name, required] of Object.entries(transitions)) {
                const entry = TRANSITIONS[resource][name];
                const inputs = inputsOf(entry.mutation);
                for (const field of required) {
                    expect(fieldFor(field, inputs, entry.aliases), `${resource}.${name}: ${field}`).toBeDefined();
                }
            }
        }
    });
});

const input = (name: string, extra: Partial<InputFieldModel> = {}): InputFieldModel => ({
    name,
    label: { zh: name, en: name },
    kind: 'string',
    typeName: 'String',
    many: false,
    nonNull: true,
    hasDefault: false,
    description: '',
    choices: [],
    recordPath: [name],
    ...extra,
});
const action = (name: string, inputs: InputFieldModel[]): ActionModel => ({
    name,
    label: { zh: name, en: name },
    args: [['data', `${name}Input!`]],
    inputs,
    takesId: true,
    allowed: true,
    returns: 'Report',
});
const choice = (name: string, value: string) => `${name}:${value}`;

group('a transition`s dialog', () => {
    it('asks the mutation`s inputs less the fixed ones, mandatory as the transition requires', () => {
        const review = action('reviewSubsidyCase', [input('decision'), input('opinion', { hasDefault: true, defaultValue: '' })]);
        const reject = TRANSITIONS.SubsidyCase.township_reject;
        const asked = dialogInputs(review, reject, ['opinion'], choice);
        expect(asked.map(a => [a.input.name, a.required])).toEqual([['opinion', true]]);
        const passing = dialogInputs(review, TRANSITIONS.SubsidyCase.township_pass, [], choice);
        expect(passing.map(a => [a.input.name, a.required])).toEqual([['opinion', false]]);
    });

    it('maps required model fields to their inputs: to_unit → toUnitId, opinion → reason by alias', () => {
        const transfer = action('transferReport', [input('toUnitId', { kind: 'reference', reference: 'Unit', nonNull: false }), input('reason', { hasDefault: true })]);
        expect(dialogInputs(transfer, TRANSITIONS.Report.transfer, ['reason', 'to_unit'], choice).every(a => a.required)).toBe(true);
        const end = action('endSubsidyCase', [input('reason', { hasDefault: true })]);
        expect(dialogInputs(end, TRANSITIONS.SubsidyCase.end, ['opinion'], choice)[0].required).toBe(true);
    });

    it('offers the closed lists the schema states in words (督办 level, 政策种类 measure), and the court as a unit', () => {
        const supervise = action('superviseReport', [input('level'), input('reason'), input('measure', { nonNull: false })]);
        const [level, , measure] = dialogInputs(supervise, TRANSITIONS.Report.supervise, ['reason', 'level'], choice);
        expect(level.input.choices.map(c => c.value)).toEqual(['ordinary', 'yellow', 'red']);
        expect(level.input.choices[2].label).toBe('level:red');
        expect(measure.input.choices.map(c => c.value)).toEqual(INPUT_CHOICES.measure);
        expect(measure.required).toBe(false);
        const apply = action('applyJudicialConfirmation', [input('courtId', { kind: 'id', typeName: 'ID' })]);
        expect(dialogInputs(apply, TRANSITIONS.Dispute.apply_confirmation, [], choice)[0].input).toMatchObject({ kind: 'reference', reference: 'Unit' });
    });

    it('sends what was asked plus what the transition fixes, nothing else', () => {
        const review = action('reviewSubsidyCase', [input('decision'), input('opinion')]);
        const entry = TRANSITIONS.SubsidyCase.township_reject;
        const asked = dialogInputs(review, entry, ['opinion'], choice);
        const values = { opinion: '收入超过标准', decision: 'pass', __evidence: [], stray: 1 };
        expect(transitionPayload(entry, asked, values)).toEqual({ opinion: '收入超过标准', decision: 'reject' });
        const sign = action('signReport', []);
        expect(transitionPayload(TRANSITIONS.Report.sign, dialogInputs(sign, TRANSITIONS.Report.sign, [], choice), { x: 1 })).toEqual({});
    });
});

function setup(handlers = {}) {
    const server = fakeServer(handlers);
    const provider = createDataProvider({ fetch: server.fetch as typeof fetch, cookies: () => 'csrftoken=t' });
    const sent = (name: string) => server.requests.filter(r => new RegExp(`\\b${name}\\b`).test(r.query));
    return { server, provider, sent };
}

group('the data provider`s workflow calls', () => {
    it('joins the declared process to its entity by the backend model', async () => {
        const { provider } = setup();
        const api = await provider.describe();
        expect(api.byName.Dispute.objectType).toBe('disputes.dispute');
        expect(api.byName.Dispute.process?.stateField).toBe('status');
        expect(api.byName.Unit.process).toBeUndefined();
    });

    it('asks workflowActions by object type, and offers only mapped transitions whose mutation exists', async () => {
        const listed = [
            { name: 'supervise', label: '督办', required: ['reason', 'level'], evidence: false, target: null, sources: [], actor: 'overseer' },
            { name: 'close', label: '办结', required: [], evidence: false, target: 'closed', sources: [], actor: 'holder' },
            { name: 'no_such', label: '？', required: [], evidence: false, target: null, sources: [], actor: 'any' },
        ];
        const { provider, sent } = setup({ workflowActions: () => listed });
        const transitions = await provider.workflowActions('Dispute', '5');
        expect(sent('workflowActions')[0].variables).toEqual({ objectType: 'disputes.dispute', id: '5' });
        const api = await provider.describe();
        const offered = offeredTransitions(api, api.byName.Dispute, transitions!, 'zh', v => v);
        // closeDispute is not in this schema: not offered, like a transition the table does not know
        expect(offered.map(o => [o.key, o.action.name, o.label])).toEqual([['supervise', 'superviseDispute', '督办']]);
        expect(await provider.workflowActions('Unit', '1')).toBeNull();
    });

    it('runs a transition`s mutation with the dialog`s payload', async () => {
        const { provider, sent } = setup({ superviseDispute: ({ data }: any) => ({ __typename: 'Dispute', ...dispute(data.id) }) });
        await provider.runAction('Dispute', 'superviseDispute', '5', { level: 'red', reason: '超期未化解', measure: '05' });
        expect(sent('superviseDispute')[0].variables).toEqual({ data: { id: '5', level: 'red', reason: '超期未化解', measure: '05' } });
    });

    it('puts the server`s messages on the dialog`s fields, through the entry`s aliases', async () => {
        const refusal = {
            __typename: 'OperationInfo',
            messages: [
                { kind: 'VALIDATION', field: 'level', message: '督办级别只能提高', code: null },
                { kind: 'VALIDATION', field: 'opinion', message: '请填写意见', code: null },
                { kind: 'PERMISSION', field: null, message: '您无权督办', code: null },
            ],
        };
        const { provider } = setup({ superviseDispute: () => refusal });
        const error: any = await provider
            .runAction('Dispute', 'superviseDispute', '5', { level: 'ordinary', reason: 'x' }, { opinion: 'reason' })
            .catch(e => e);
        expect(error.status).toBe(400);
        expect(error.body.errors).toEqual({ level: '督办级别只能提高', reason: '请填写意见', root: { serverError: '您无权督办' } });
    });

    it('reads the history of a record of a process', async () => {
        const step = { id: '1', process: 'dispute', transition: 'assign', label: '指派调解员', fromState: 'registered', toState: 'assigned', at: '2026-10-01T08:00:00+08:00', reason: '', payload: {}, deadline: null, unit: null, actorName: '王' };
        const { provider, sent } = setup({ workflowHistory: () => [step] });
        expect(await provider.workflowHistory('Dispute', '5')).toMatchObject([{ transition: 'assign', fromState: 'registered', toState: 'assigned', actorName: '王' }]);
        expect(sent('workflowHistory')[0].variables).toEqual({ objectType: 'disputes.dispute', id: '5' });
    });

    it('lists supervisions with exact filters and decides a proposal, errors on the dialog`s fields', async () => {
        const { provider, sent } = setup({
            supervisions: () => ({ totalCount: 0, results: [] }),
            decideSupervision: () => ({ __typename: 'OperationInfo', messages: [{ kind: 'VALIDATION', field: 'measure', message: '政策种类不正确', code: null }] }),
        });
        await provider.supervisions({ status: 'proposed', level: undefined }, { page: 2, perPage: 20 });
        expect(sent('supervisions')[0].variables).toEqual({ filters: { status: { exact: 'proposed' } }, pagination: { offset: 20, limit: 20 } });
        const error: any = await provider.decideSupervision({ id: '9', issue: true, measure: '09', reason: '' }).catch(e => e);
        expect(sent('decideSupervision')[0].variables).toEqual({ data: { id: '9', issue: true, measure: '09', reason: '' } });
        expect(error.body.errors).toEqual({ measure: '政策种类不正确' });
    });

    it('counts, lists and marks notifications', async () => {
        const { provider, sent } = setup({
            unreadNotificationCount: () => 3,
            myNotifications: () => ({ totalCount: 0, results: [] }),
            markNotificationsRead: ({ ids }: { ids: string[] }) => ids.length,
            markAllNotificationsRead: () => 3,
        });
        expect(await provider.unreadNotificationCount()).toBe(3);
        await provider.notifications(true, { page: 1, perPage: 10 });
        expect(sent('myNotifications')[0].variables).toEqual({ unreadOnly: true, pagination: { offset: 0, limit: 10 } });
        expect(await provider.markNotificationsRead(['1', '2'])).toBe(2);
        expect(await provider.markNotificationsRead('all')).toBe(3);
        expect(sent('markAllNotificationsRead')).toHaveLength(1);
    });

    it('answers empty where the server does not offer a query yet', async () => {
        const { provider, sent } = setup();
        expect(await provider.legalRecommendations('5')).toBeNull();
        expect(await provider.disputeStatistics()).toBeNull();
        expect(sent('legalRecommendations')).toHaveLength(0);
    });
});

group('the 流程记录 timeline', () => {
    it('labels each step`s states as the process`s state field names them', async () => {
        const { stepMoments } = await import('../src/resources/Timeline');
        const { provider } = setup();
        const model = (await provider.describe()).byName.Dispute;
        const step = (id: string, from: string, to: string, reason = '') => ({
            id, transition: 'x', label: '操作', fromState: from, toState: to, at: '2026-10-01T08:00:00+08:00', reason, payload: {}, unit: { id: '3', name: '肃宁镇司法所' }, actorName: '王',
        });
        const [changed, same] = stepMoments(model, [step('1', 'registered', 'closed', '已化解'), step('2', 'closed', 'closed')]);
        expect(changed).toMatchObject({ title: '操作', states: ['已登记', '已办结'], text: '已化解', by: '王 · 肃宁镇司法所', kind: 'step' });
        expect(same.states).toBeUndefined();
    });
});
