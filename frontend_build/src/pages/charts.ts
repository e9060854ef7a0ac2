/** ECharts options of the dashboard: pies, single bars, and grouped bars of rates by unit. */
import type { ChartOption } from './EChart';

export const PALETTE = ['#1565c0', '#2e7d32', '#ef6c00', '#6a1b9a', '#c62828', '#00838f', '#9e9d24', '#4e342e', '#ad1457', '#37474f'];

export const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** A rate (0–1, or null for none) as a percentage with one decimal. */
export const percent = (rate: number | null | undefined) => (rate == null ? 0 : Math.round(rate * 1000) / 10);

export const pie = (data: { name: string; value: number }[]): ChartOption => ({
    color: PALETTE,
    tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
    legend: { type: 'scroll', bottom: 0 },
    series: [{ type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'], data, label: { formatter: '{b}\n{c}' } }],
});

export const bars = (names: string[], values: number[], seriesName: string, horizontal = false, isPercent = false): ChartOption => {
    const category = { type: 'category', data: names, axisLabel: { interval: 0, rotate: horizontal ? 0 : 30 } };
    const value = { type: 'value', minInterval: 1, max: isPercent ? 100 : undefined, axisLabel: { formatter: isPercent ? '{value}%' : '{value}' } };
    return {
        color: PALETTE,
        tooltip: { trigger: 'axis', valueFormatter: (v: number) => (isPercent ? `${v}%` : v.toLocaleString('zh-CN')) },
        grid: { left: horizontal ? 110 : 40, right: 40, top: 16, bottom: horizontal ? 24 : 70 },
        xAxis: horizontal ? value : category,
        yAxis: horizontal ? { ...category, inverse: true } : value,
        series: [{ type: 'bar', name: seriesName, data: values, label: { show: true, position: horizontal ? 'right' : 'top', formatter: isPercent ? '{c}%' : '{c}' } }],
    };
};

/** Several series per unit, horizontal (unit names are long): rates in %, or counts. */
export const groupedBars = (units: string[], series: { name: string; values: number[]; colour: string }[], isPercent: boolean): ChartOption => ({
    color: series.map(s => s.colour),
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => (isPercent ? `${v}%` : String(v)) },
    legend: { bottom: 0 },
    grid: { left: 150, right: 40, top: 8, bottom: 56 },
    xAxis: { type: 'value', minInterval: 1, max: isPercent ? 100 : undefined, axisLabel: { formatter: isPercent ? '{value}%' : '{value}' } },
    yAxis: { type: 'category', data: units, inverse: true, axisLabel: { width: 140, overflow: 'truncate' } },
    series: series.map(s => ({ type: 'bar', name: s.name, data: s.values, barMaxWidth: 12 })),
});
