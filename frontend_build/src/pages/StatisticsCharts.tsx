/** The dashboard's charts from the API's statistics queries: disputes by status, type and area with
 * the resolution-rate ranking (disputeStatistics), 响应率 / 解决率 / 满意率 by unit (unitPerformance)
 * and task completion by lead unit (taskCompletion). */
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useTranslate } from 'react-admin';
import type { ApiModel, ZhiliDataProvider } from '../dataProvider';
import { ChartCard } from './ChartCard';
import { bars, groupedBars, percent, pie, sum } from './charts';
import type { ChartOption } from './EChart';

const TOP = 15;
/** Room for `rows` units on the category axis, and the legend below. */
const heightFor = (rows: number, perRow: number) => Math.max(220, rows * perRow + 90);

function useStatistic<T>(name: 'disputeStatistics' | 'unitPerformance' | 'taskCompletion', enabled = true) {
    const dataProvider = useDataProvider<ZhiliDataProvider>();
    return useQuery({
        queryKey: ['zhili', 'statistics', name],
        queryFn: () => dataProvider[name]() as Promise<T | null>,
        enabled,
        staleTime: 60_000,
    });
}

export function DisputeStatisticsCharts({ api }: { api: ApiModel }) {
    const translate = useTranslate();
    const enabled = Boolean(api.byName.Dispute?.permissions.view);
    const stats = useStatistic<Awaited<ReturnType<ZhiliDataProvider['disputeStatistics']>>>('disputeStatistics', enabled);
    if (!enabled) return null;
    const data = stats.data;
    const loading = stats.isPending;
    const statuses = (data?.byStatus ?? []).filter(s => s.count > 0).map(s => ({ name: s.label, value: s.count }));
    const types = (data?.byType ?? []).filter(t => t.count > 0).slice(0, 12);
    // a city-wide reader compares counties; a county's reader, its townships
    const byCounty = (data?.byCounty.length ?? 0) > 1;
    const areas = (byCounty ? data?.byCounty : data?.byTownship) ?? [];
    const shown = [...areas].sort((a, b) => b.total - a.total).slice(0, TOP);
    const ranked = areas.filter(a => a.rate != null).slice(0, TOP);
    const level = byCounty ? 'county' : 'township';
    const total = data?.total;
    return (
        <>
            <ChartCard title={translate('zhili.dashboard.dispute_status')} name="dispute-status" loading={loading} option={pie(statuses)} total={total} />
            <ChartCard
                title={translate('zhili.dashboard.dispute_types')}
                name="dispute-types"
                loading={loading}
                option={bars(types.map(t => t.name), types.map(t => t.count), translate('zhili.dashboard.count'), true)}
                total={sum(types.map(t => t.count))}
            />
            <ChartCard
                title={translate(`zhili.dashboard.regions_${level}`)}
                name="dispute-regions"
                loading={loading}
                option={bars(shown.map(a => a.area.name), shown.map(a => a.total), translate('zhili.dashboard.count'))}
                total={sum(areas.map(a => a.total))}
                wide
            />
            <ChartCard
                title={translate(`zhili.dashboard.ranking_${level}`)}
                name="resolution-ranking"
                loading={loading}
                option={bars(ranked.map(a => a.area.name), ranked.map(a => percent(a.rate)), translate('zhili.dashboard.rate'), true, true)}
                total={sum(ranked.map(a => a.finished))}
                height={Math.max(280, ranked.length * 22)}
            />
        </>
    );
}

export function UnitPerformanceChart() {
    const translate = useTranslate();
    const stats = useStatistic<Awaited<ReturnType<ZhiliDataProvider['unitPerformance']>>>('unitPerformance');
    const rows = [...(stats.data ?? [])].filter(u => u.dispatched > 0).sort((a, b) => b.dispatched - a.dispatched).slice(0, TOP);
    const option = groupedBars(
        rows.map(u => u.unit.name),
        [
            { name: translate('zhili.dashboard.response_rate'), values: rows.map(u => percent(u.responseRate)), colour: '#1565c0' },
            { name: translate('zhili.dashboard.resolution_rate'), values: rows.map(u => percent(u.resolutionRate)), colour: '#2e7d32' },
            { name: translate('zhili.dashboard.satisfaction_rate'), values: rows.map(u => percent(u.satisfactionRate)), colour: '#ef6c00' },
        ],
        true
    );
    return (
        <ChartCard
            title={translate('zhili.dashboard.unit_performance')}
            name="unit-performance"
            loading={stats.isPending}
            option={option}
            total={sum((stats.data ?? []).map(u => u.dispatched))}
            height={heightFor(rows.length, 30)}
            wide
        />
    );
}

export function TaskCompletionChart({ api }: { api: ApiModel }) {
    const translate = useTranslate();
    const enabled = Boolean(api.byName.CreationTask?.permissions.view);
    const stats = useStatistic<Awaited<ReturnType<ZhiliDataProvider['taskCompletion']>>>('taskCompletion', enabled);
    if (!enabled) return null;
    const rows = (stats.data ?? []).slice(0, TOP);
    const stacked = (name: string, values: number[], colour: string) => ({ type: 'bar', stack: 'tasks', name, data: values, itemStyle: { color: colour }, barMaxWidth: 16 });
    const option: ChartOption = {
        tooltip: { trigger: 'axis' },
        legend: { bottom: 0 },
        grid: { left: 150, right: 56, top: 8, bottom: 56 },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: rows.map(r => r.unit.name), inverse: true, axisLabel: { width: 140, overflow: 'truncate' } },
        series: [
            stacked(translate('zhili.dashboard.completed'), rows.map(r => r.completed), '#2e7d32'),
            stacked(translate('zhili.dashboard.overdue'), rows.map(r => r.overdue), '#c62828'),
            {
                ...stacked(translate('zhili.dashboard.in_progress'), rows.map(r => Math.max(0, r.total - r.completed - r.overdue)), '#90caf9'),
                label: { show: true, position: 'right', formatter: ({ dataIndex }: { dataIndex: number }) => `${percent(rows[dataIndex].rate)}%`, color: '#555' },
            },
        ],
    };
    return (
        <ChartCard
            title={translate('zhili.dashboard.task_units')}
            name="task-units"
            loading={stats.isPending}
            option={option}
            total={sum(rows.map(r => r.total))}
            height={heightFor(rows.length, 24)}
        />
    );
}
