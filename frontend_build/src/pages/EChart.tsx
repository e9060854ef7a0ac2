/** A chart of Apache ECharts (only the parts the dashboard uses are bundled). */
import { useEffect, useRef } from 'react';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

export function EChart({ option, height = 300, name }: { option: ChartOption; height?: number; name: string }) {
    const element = useRef<HTMLDivElement>(null);
    useEffect(() => {
        if (!element.current) return undefined;
        const chart = echarts.init(element.current, undefined, { renderer: 'canvas' });
        chart.setOption(option);
        const resize = () => chart.resize();
        window.addEventListener('resize', resize);
        return () => {
            window.removeEventListener('resize', resize);
            chart.dispose();
        };
    }, [option]);
    return <div ref={element} data-chart={name} style={{ width: '100%', height }} />;
}
