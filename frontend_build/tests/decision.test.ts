/** The decision-support pages' side of the data provider (事件图谱, 排查预警, 平安村庄) against a
 * fake server executing the committed API schema (../schema/schema.graphql), so every document is
 * checked against the real API; and the pure parts of the pages: the graph's ECharts option, the
 * place graph's list filters, and which assessment actions are offered to whom. */
import {
    getNamedType,
    isObjectType,
    parse,
    TypeInfo,
    visit,
    visitWithTypeInfo,
} from 'graphql';
import { describe as group, expect, it } from 'vitest';
import type { Me } from '../src/dataProvider';
import type { EventGraph } from '../src/graphql/decision';
import { graphOption, LINK_COLOURS, mergeGraphs, NODE_COLOURS } from '../src/eventgraph/graphOption';
import { placeFilters } from '../src/eventgraph/placeGraph';
import { realSchema, realServer } from './realServer';
import { APPROVE, assessmentActions, mayReview, periodChoices, RETURN, SUBMIT, withChecklist } from '../src/peacevillage/rules';

/** Every paginated list a document asks for, with the arguments it passes. */
function listCalls(query: string): { name: string; args: string[] }[] {
    const info = new TypeInfo(realSchema);
    const calls: { name: string; args: string[] }[] = [];
    visit(parse(query), visitWithTypeInfo(info, {
        Field(node) {
            const type = info.getType();
            const named = type && getNamedType(type);
            if (named && isObjectType(named) && named.name.endsWith('OffsetPaginated')) {
                calls.push({ name: node.name.value, args: (node.arguments ?? []).map(a => a.name.value) });
            }
        },
    }));
    return calls;
}

const item = (key: string, depth: number, extra = {}) => {
    const [objectType, id] = key.split(':');
    return { key, objectType, id, number: `N${id}`, title: `事项 ${id}`, areaCode: '130926100207', areaName: '西北街村', day: '2026-10-01', status: 'closed', statusLabel: '已办结', depth, ...extra };
};

const GRAPH: EventGraph = {
    nodes: [item('reports.report:1', 0), item('disputes.dispute:2', 1), item('reports.report:3', 2, { title: '<b>名称</b>' })],
    edges: [
        { source: 'disputes.dispute:2', target: 'reports.report:1', kind: 'place', kindLabel: '同一地点', weight: 0.5, reason: '同一村（社区）' },
        { source: 'disputes.dispute:2', target: 'reports.report:3', kind: 'party', kindLabel: '同一当事人', weight: 1, reason: '同一证件号码' },
    ],
};

group('the data provider, against the committed schema', () => {
    it('asks an item`s neighbourhood by object type, id and depth', async () => {
        const { provider, named } = realServer({ eventNeighbourhood: () => GRAPH });
        const graph = await provider.eventNeighbourhood('reports.report', '1', 2);
        expect(named('eventNeighbourhood')[0].variables).toEqual({ objectType: 'reports.report', id: '1', depth: 2 });
        expect(graph?.nodes.map(n => n.key)).toEqual(['reports.report:1', 'disputes.dispute:2', 'reports.report:3']);
        expect(graph?.edges[1]).toMatchObject({ kind: 'party', kindLabel: '同一当事人', reason: '同一证件号码' });
    });

    it('answers null for an item the reader may not see', async () => {
        const { provider } = realServer({ eventNeighbourhood: () => null });
        expect(await provider.eventNeighbourhood('disputes.dispute', '9', 1)).toBeNull();
    });

    it('asks early warnings with the area, days and threshold; no date means today on the server', async () => {
        const warning = {
            areaCode: '130926100218', areaName: '东郭家庄村', townshipName: '肃宁镇', itemCount: 4, disputeCount: 1, reportCount: 3,
            generalGroupCount: 0, majorGroupCount: 0, repeatedPartyCount: 1, riskLevel: 'medium', riskLabel: '中', reason: '近30天…',
            firstDay: '2026-10-03', lastDay: '2026-11-01',
        };
        const { provider, named } = realServer({ earlyWarnings: () => [warning] });
        expect(await provider.earlyWarnings({ areaCode: '130926000000', days: 30, minItems: 3 })).toMatchObject([warning]);
        await provider.earlyWarnings({ areaCode: '130926000000', asOf: '2026-11-01', days: 90, minItems: 2 });
        expect(named('earlyWarnings').map(r => r.variables)).toEqual([
            { areaCode: '130926000000', asOf: null, days: 30, minItems: 3 },
            { areaCode: '130926000000', asOf: '2026-11-01', days: 90, minItems: 2 },
        ]);
    });

    it('lists repeated parties by their masked label, with their latest items', async () => {
        const party = { kind: 'phone', kindLabel: '联系电话', label: '138****5678', itemCount: 3, disputeCount: 1, reportCount: 2, firstDay: '2026-01-01', lastDay: '2026-10-01', items: [item('reports.report:1', 0)] };
        const { provider, named } = realServer({ repeatedParties: () => [party] });
        const [found] = await provider.repeatedParties('130926000000', 2);
        expect(found.label).toBe('138****5678');
        expect(found.items[0].key).toBe('reports.report:1');
        expect(named('repeatedParties')[0].variables).toEqual({ areaCode: '130926000000', minItems: 2, limit: 50 });
    });

    it('ranks an area`s next level for a period, approved only unless asked', async () => {
        const row = { rank: 1, areaCode: '130926100000', areaName: '肃宁镇', assessedCount: 2, qualifiedCount: 0, averageScore: '90.9', villageCount: 47 };
        const { provider, named } = realServer({ peaceVillageRanking: () => [row] });
        expect(await provider.peaceVillageRanking('130926000000', '2026-H1', false)).toMatchObject([row]);
        expect(named('peaceVillageRanking')[0].variables).toEqual({ areaCode: '130926000000', period: '2026-H1', includeSubmitted: false });
    });

    it('finds the latest approved period through the paginated list, with filters and pagination', async () => {
        const { provider, sent } = realServer({
            peaceVillageAssessments: () => ({ totalCount: 3, pageInfo: { offset: 0, limit: 1 }, results: [{ id: '7', period: '2026-H1' }] }),
        });
        expect(await provider.latestAssessmentPeriod()).toBe('2026-H1');
        const request = sent.find(r => /peaceVillageAssessments\(/.test(r.query))!;
        expect(request.variables).toEqual({ filters: { status: { exact: 'approved' } }, pagination: { offset: 0, limit: 1 } });
        expect(request.query).toMatch(/ordering: \[\{ ?period: DESC ?\}\]/);
    });

    it('reads the checklist and sets a manual result; a refusal comes back in Chinese on its field', async () => {
        const checklist = [{ id: '1', code: 'WY01', group: 'five_have', text: '有坚强有力的村（社区）党组织', autoRule: '', weight: 10, active: true }];
        let answer: unknown = { __typename: 'AssessmentItem', id: '5', passed: true, auto: false, note: '现场查看' };
        const { provider, named } = realServer({ peaceVillageChecklist: () => checklist, setPeaceVillageItem: () => answer });
        expect(await provider.peaceVillageChecklist()).toMatchObject(checklist);
        expect(await provider.setPeaceVillageItem('5', true, '现场查看')).toMatchObject({ id: '5', passed: true });
        expect(named('setPeaceVillageItem')[0].variables).toEqual({ data: { id: '5', passed: true, note: '现场查看' } });
        answer = { __typename: 'OperationInfo', messages: [{ kind: 'VALIDATION', field: 'passed', message: '该项由系统根据业务数据自动核验，不能手工修改', code: null }] };
        const refused = await provider.setPeaceVillageItem('6', false, '').catch(error => error);
        expect(refused.message).toBe('该项由系统根据业务数据自动核验，不能手工修改');
        expect(refused.body.errors).toEqual({ passed: '该项由系统根据业务数据自动核验，不能手工修改' });
    });

    it('passes filters and pagination to every paginated list it asks', async () => {
        const { provider, sent } = realServer({
            peaceVillageAssessments: () => ({ totalCount: 0, pageInfo: { offset: 0, limit: 1 }, results: [] }),
        });
        await provider.latestAssessmentPeriod();
        const calls = sent.flatMap(r => listCalls(r.query));
        expect(calls.length).toBeGreaterThan(0);
        for (const call of calls) expect(call.args, call.name).toEqual(expect.arrayContaining(['filters', 'pagination']));
    });
});

group('the graph', () => {
    const labels = { kind: (t: string) => (t === 'reports.report' ? '民意诉求' : '矛盾纠纷'), centre: '本事项' };

    it('draws a draggable force graph: nodes coloured by kind, edges labelled and coloured by link kind', () => {
        const option = graphOption(GRAPH, labels, new Set(['reports.report:1']), { x: 300, y: 200 }) as any;
        const series = option.series[0];
        expect(series).toMatchObject({ type: 'graph', layout: 'force', draggable: true, roam: true });
        expect(series.categories.map((c: any) => [c.name, c.itemStyle.color])).toEqual([
            ['矛盾纠纷', NODE_COLOURS['disputes.dispute']],
            ['民意诉求', NODE_COLOURS['reports.report']],
        ]);
        expect(series.data.map((n: any) => n.category)).toEqual([1, 0, 1]);
        expect(series.links.map((l: any) => [l.value, l.lineStyle.color])).toEqual([
            ['同一地点', LINK_COLOURS.place],
            ['同一当事人', LINK_COLOURS.party],
        ]);
        expect(series.edgeLabel).toMatchObject({ show: true, formatter: '{c}' });
    });

    it('holds the one centre in the middle, larger than one-hop nodes, larger than two-hop ones', () => {
        const [centre, near, far] = (graphOption(GRAPH, labels, new Set(['reports.report:1']), { x: 300, y: 200 }) as any).series[0].data;
        expect(centre).toMatchObject({ id: 'reports.report:1', fixed: true, x: 300, y: 200 });
        expect(centre.symbolSize).toBeGreaterThan(near.symbolSize);
        expect(near.symbolSize).toBeGreaterThan(far.symbolSize);
        expect(near.fixed).toBeUndefined();
        const several = (graphOption(GRAPH, labels, new Set(['reports.report:1', 'disputes.dispute:2']), { x: 1, y: 1 }) as any).series[0].data;
        expect(several.some((n: any) => n.fixed)).toBe(false);
    });

    it('escapes titles in tooltips and shows edge labels only when the graph is not crowded', () => {
        const option = graphOption(GRAPH, labels, new Set()) as any;
        expect(option.series[0].data[2].tip).toContain('&#60;b&#62;名称&#60;/b&#62;');
        expect(option.series[0].data[2].tip).not.toContain('<b>');
        const crowded: EventGraph = { nodes: GRAPH.nodes, edges: Array.from({ length: 41 }, () => GRAPH.edges[0]) };
        expect((graphOption(crowded, labels, new Set()) as any).series[0].edgeLabel.show).toBe(false);
    });

    it('merges neighbourhoods: each node and link once, at the smallest depth found', () => {
        const other: EventGraph = { nodes: [item('reports.report:3', 0), item('disputes.dispute:2', 1)], edges: [GRAPH.edges[1]] };
        const merged = mergeGraphs([GRAPH, other]);
        expect(merged.nodes.map(n => [n.key, n.depth])).toEqual([
            ['reports.report:1', 0],
            ['disputes.dispute:2', 1],
            ['reports.report:3', 0],
        ]);
        expect(merged.edges).toHaveLength(2);
    });

    it('filters a place`s lists to its items of the warning`s days (reports by local time)', () => {
        expect(placeFilters('130926100218', '2026-10-03', '2026-11-01')).toEqual({
            Dispute: { area: '130926100218', registeredOn__gte: '2026-10-03', registeredOn__lte: '2026-11-01' },
            Report: { area: '130926100218', registeredAt__gte: '2026-10-03T00:00:00+08:00', registeredAt__lte: '2026-11-01T23:59:59+08:00' },
        });
    });
});

group('assessment actions', () => {
    const me = (scopeCode: string, permissions = ['peacevillage.assessment:change'], isSuperuser = false): Me => ({
        id: '1', username: 'u', fullName: 'u', isSuperuser, permissions,
        grants: [{ role: 'r', roleLabel: 'r', scopeCode, scopeName: '', unitId: null }],
    });
    const village = '130926100207';

    it('lets county- and city-level grants over the village review, not township ones or other counties', () => {
        expect(mayReview(me('130926000000'), village)).toBe(true);
        expect(mayReview(me('130900000000'), village)).toBe(true);
        expect(mayReview(me('130926100000'), village)).toBe(false);
        expect(mayReview(me('130929000000'), village)).toBe(false);
        expect(mayReview(me('130926000000', ['peacevillage.assessment:view']), village)).toBe(false);
        expect(mayReview(me('130929100000', [], true), village)).toBe(true);
        expect(mayReview(undefined, village)).toBe(false);
    });

    it('offers submit on a draft to those who may change it, review on a submitted one, nothing once approved', () => {
        const record = (status: string) => ({ status, area: { id: village, code: village } });
        expect(assessmentActions(record('draft'), me('130926100000'), true)).toEqual([SUBMIT]);
        expect(assessmentActions(record('draft'), me('130926100000'), false)).toEqual([]);
        expect(assessmentActions(record('submitted'), me('130926100000'), true)).toEqual([]);
        expect(assessmentActions(record('submitted'), me('130926000000'), true)).toEqual([APPROVE, RETURN]);
        expect(assessmentActions(record('approved'), me('130926000000'), true)).toEqual([]);
    });

    it('takes the server\'s availableActions over its own guess when the record carries them', () => {
        const record = { status: 'submitted', area: { code: village }, availableActions: [] as string[] };
        expect(assessmentActions(record, me('130926000000'), true)).toEqual([]);
        expect(assessmentActions({ ...record, availableActions: [APPROVE, RETURN] }, me('130926100000'), false)).toEqual([APPROVE, RETURN]);
    });

    it('joins each result to its checklist item, keeping what the record gives', () => {
        const rows = withChecklist(
            [{ id: '9', passed: null, auto: false, note: '', item: { id: '1', code: 'WY01' } }],
            [{ id: '1', code: 'WY01', group: 'five_have', text: '有坚强有力的村（社区）党组织', autoRule: '', weight: 10, active: true }]
        );
        expect(rows[0]).toMatchObject({ id: '9', passed: null, item: { code: 'WY01', group: 'five_have', weight: 10 } });
    });

    it('offers this year`s and last year`s periods in the API`s formats', () => {
        const periods = periodChoices(2026);
        expect(periods).toHaveLength(14);
        expect(periods.slice(0, 3)).toEqual(['2026-H2', '2026-H1', '2026']);
        for (const period of periods) expect(period).toMatch(/^\d{4}(-H[12]|-Q[1-4])?$/);
    });
});
