/**
 * 治汇一屏: the one-screen overview, always within the user's scope. Disputes, unit performance
 * (响应率 / 解决率 / 满意率) and task completion come from the API's statistics queries; where the
 * server does not offer one, the figures are the totalCount of filtered list queries (countBy), real
 * and scoped by the same policies as the lists. Charts the user may not see are left out.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Box, Skeleton, Typography } from '@mui/material';
import { Title, useDataProvider, usePermissions, useTranslate } from 'react-admin';
import type { ApiModel, Me, ZhiliDataProvider } from '../dataProvider';
import { useApiModel } from '../resources/useApiModel';
import { bars, pie, sum } from './charts';
import { ChartCard } from './ChartCard';
import type { ChartOption } from './EChart';
import { DisputeStatisticsCharts, TaskCompletionChart, UnitPerformanceChart } from './StatisticsCharts';

/** The widest area the user's grants cover (fewest significant digits). */
export function widestScope(me: Me | undefined): { code: string; name: string } | undefined {
    const significant = (code: string) => code.replace(/0+$/, '').length;
    const grant = [...(me?.grants ?? [])].sort((a, b) => significant(a.scopeCode) - significant(b.scopeCode))[0];
    return grant && { code: grant.scopeCode, name: grant.scopeName };
}

function useCounts(resource: string, groups: { key: string; filter: Record<string, unknown> }[], enabled: boolean) {
    const dataProvider = useDataProvider<ZhiliDataProvider>();
    return useQuery({
        queryKey: ['zhili', 'counts', resource, groups],
        queryFn: () => dataProvider.countBy(resource, groups),
        enabled: enabled && groups.length > 0,
        staleTime: 60_000,
    });
}

function useList(resource: string, filter: Record<string, unknown>, enabled: boolean, perPage = 100) {
    const dataProvider = useDataProvider<ZhiliDataProvider>();
    return useQuery({
        queryKey: ['zhili', 'dashboard-list', resource, filter, perPage],
        queryFn: () => dataProvider.getList(resource, { filter, pagination: { page: 1, perPage }, sort: { field: 'code', order: 'ASC' } }),
        enabled,
        staleTime: 60_000,
    });
}

function StatusPie({ api, resource, title, name }: { api: ApiModel; resource: string; title: string; name: string }) {
    const model = api.byName[resource];
    const choices = model?.fields.find(f => f.name === 'status')?.choices ?? [];
    const enabled = Boolean(model?.permissions.view && choices.length);
    const counts = useCounts(resource, choices.map(c => ({ key: c.value, filter: { status: c.value } })), enabled);
    if (!enabled) return null;
    const data = choices.map(c => ({ name: c.label, value: counts.data?.[c.value] ?? 0 })).filter(d => d.value > 0);
    return <ChartCard title={title} name={name} loading={counts.isPending} option={pie(data)} total={sum(data.map(d => d.value))} />;
}

function DisputeTypes({ api }: { api: ApiModel }) {
    const translate = useTranslate();
    const enabled = Boolean(api.byName.Dispute?.permissions.view && api.byName.Code?.list);
    const codes = useList('Code', { table: 'EventType', topLevel: true }, enabled);
    const types = codes.data?.data ?? [];
    const counts = useCounts('Dispute', types.map(t => ({ key: t.code, filter: { typeCode: t.code } })), enabled && types.length > 0);
    if (!enabled) return null;
    const rows = types.map(t => ({ name: t.name as string, value: counts.data?.[t.code] ?? 0 })).filter(r => r.value > 0).sort((a, b) => b.value - a.value);
    return (
        <ChartCard
            title={translate('zhili.dashboard.dispute_types')}
            name="dispute-types"
            loading={codes.isPending || counts.isPending}
            option={bars(rows.map(r => r.name), rows.map(r => r.value), translate('zhili.dashboard.count'), true)}
            total={sum(rows.map(r => r.value))}
        />
    );
}

function DisputeRegions({ api, scope }: { api: ApiModel; scope?: { code: string } }) {
    const translate = useTranslate();
    const enabled = Boolean(api.byName.Dispute?.permissions.view && api.byName.Area?.list && scope);
    const areas = useList('Area', { parent: scope?.code }, enabled, 40);
    const children = areas.data?.data ?? [];
    const groups = children.flatMap(a => [
        { key: `all:${a.id}`, filter: { area: a.id } },
        { key: `ok:${a.id}`, filter: { area: a.id, success: true } },
    ]);
    const counts = useCounts('Dispute', groups, enabled && children.length > 0);
    if (!enabled) return null;
    const loading = areas.isPending || counts.isPending;
    const rows = children.map(a => {
        const total = counts.data?.[`all:${a.id}`] ?? 0;
        const resolved = counts.data?.[`ok:${a.id}`] ?? 0;
        return { name: a.name as string, total, rate: total ? Math.round((resolved / total) * 1000) / 10 : 0 };
    });
    const withDisputes = rows.filter(r => r.total > 0);
    const ranking = [...withDisputes].sort((a, b) => b.rate - a.rate);
    return (
        <>
            <ChartCard
                title={translate('zhili.dashboard.dispute_regions')}
                name="dispute-regions"
                loading={loading}
                option={bars(withDisputes.map(r => r.name), withDisputes.map(r => r.total), translate('zhili.dashboard.count'))}
                total={sum(rows.map(r => r.total))}
                wide
            />
            <ChartCard
                title={translate('zhili.dashboard.county_ranking')}
                name="resolution-ranking"
                loading={loading}
                option={bars(ranking.map(r => r.name), ranking.map(r => r.rate), translate('zhili.dashboard.rate'), true, true)}
                total={sum(rows.map(r => r.total))}
            />
        </>
    );
}

function TaskUnits({ api }: { api: ApiModel }) {
    const translate = useTranslate();
    const dataProvider = useDataProvider<ZhiliDataProvider>();
    const enabled = Boolean(api.byName.CreationTask?.permissions.view);
    // 170 tasks at most (two pages): counted here from the rows, by lead unit
    const tasks = useQuery({
        queryKey: ['zhili', 'dashboard-tasks'],
        queryFn: async () => {
            const first = await dataProvider.getList('CreationTask', { filter: {}, pagination: { page: 1, perPage: 100 }, sort: { field: 'code', order: 'ASC' } });
            const rest = (first.total ?? 0) > 100
                ? await dataProvider.getList('CreationTask', { filter: {}, pagination: { page: 2, perPage: 100 }, sort: { field: 'code', order: 'ASC' } })
                : { data: [] };
            return [...first.data, ...rest.data];
        },
        enabled,
        staleTime: 60_000,
    });
    if (!enabled) return null;
    const byUnit = new Map<string, { total: number; done: number }>();
    for (const task of tasks.data ?? []) {
        const unit = task.leadUnit?.name ?? '—';
        const entry = byUnit.get(unit) ?? { total: 0, done: 0 };
        entry.total += 1;
        if (['completed', 'accepted'].includes(task.status)) entry.done += 1;
        byUnit.set(unit, entry);
    }
    const rows = [...byUnit.entries()].sort((a, b) => b[1].total - a[1].total).slice(0, 15);
    const option: ChartOption = {
        color: ['#90caf9', '#2e7d32'],
        tooltip: { trigger: 'axis' },
        legend: { bottom: 0 },
        grid: { left: 130, right: 24, top: 16, bottom: 40 },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: rows.map(([unit]) => unit), inverse: true },
        series: [
            { type: 'bar', name: translate('zhili.dashboard.total'), data: rows.map(([, v]) => v.total) },
            { type: 'bar', name: translate('zhili.dashboard.completed'), data: rows.map(([, v]) => v.done) },
        ],
    };
    return <ChartCard title={translate('zhili.dashboard.task_units')} name="task-units" loading={tasks.isPending} option={option} total={tasks.data?.length} wide />;
}

export function Dashboard() {
    const translate = useTranslate();
    const api = useApiModel();
    const { permissions } = usePermissions<Me>();
    const scope = widestScope(permissions);
    return (
        <Box sx={{ mt: 1 }} data-testid="dashboard">
            <Title title={translate('zhili.dashboard.title')} />
            <Typography variant="h5" sx={{ mb: 0.5 }}>{translate('zhili.dashboard.title')}</Typography>
            <Typography color="text.secondary" sx={{ mb: 1 }}>
                {translate('zhili.dashboard.scope', { scope: scope?.name ?? translate('zhili.dashboard.all_scopes') })}
            </Typography>
            <Alert severity="info" sx={{ mb: 2 }}>
                {translate(api?.queries.disputeStatistics ? 'zhili.dashboard.note_statistics' : 'zhili.dashboard.note')}
            </Alert>
            {!api ? (
                <Skeleton variant="rectangular" height={300} />
            ) : (
                <Box display="grid" gridTemplateColumns={{ xs: '1fr', md: '1fr 1fr', xl: '1fr 1fr 1fr' }} gap={2} sx={{ gridAutoFlow: 'dense' }}>
                    {api.queries.disputeStatistics ? (
                        <DisputeStatisticsCharts api={api} />
                    ) : (
                        <>
                            <StatusPie api={api} resource="Dispute" title={translate('zhili.dashboard.dispute_status')} name="dispute-status" />
                            <DisputeTypes api={api} />
                            <DisputeRegions api={api} scope={scope} />
                        </>
                    )}
                    <StatusPie api={api} resource="Report" title={translate('zhili.dashboard.report_status')} name="report-status" />
                    <StatusPie api={api} resource="CreationTask" title={translate('zhili.dashboard.task_status')} name="task-status" />
                    {api.queries.unitPerformance && <UnitPerformanceChart />}
                    {api.queries.taskCompletion ? <TaskCompletionChart api={api} /> : <TaskUnits api={api} />}
                </Box>
            )}
        </Box>
    );
}
