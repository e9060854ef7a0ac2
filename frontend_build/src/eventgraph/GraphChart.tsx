/** An event graph drawn by ECharts (graph series, force layout): drag, zoom, click a node to open
 * it. Only the graph parts of ECharts are bundled here, with the event-graph pages. */
import { useEffect, useRef } from 'react';
import { GraphChart as Graph } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { EventGraph, EventNode } from '../graphql/decision';
import { graphOption, type GraphLabels } from './graphOption';

echarts.use([Graph, LegendComponent, TooltipComponent, CanvasRenderer]);

interface Props {
    graph: EventGraph;
    centres: Set<string>;
    labels: GraphLabels;
    onOpen: (node: EventNode) => void;
    height?: number;
}

export function GraphChart({ graph, centres, labels, onOpen, height = 480 }: Props) {
    const element = useRef<HTMLDivElement>(null);
    const open = useRef(onOpen);
    open.current = onOpen;
    useEffect(() => {
        if (!element.current) return undefined;
        const chart = echarts.init(element.current, undefined, { renderer: 'canvas' });
        const pin = { x: chart.getWidth() / 2, y: chart.getHeight() / 2 };
        chart.setOption(graphOption(graph, labels, centres, pin) as echarts.EChartsCoreOption);
        const byKey = new Map(graph.nodes.map(node => [node.key, node]));
        chart.on('click', (params: any) => {
            const node = params.dataType === 'node' ? byKey.get(params.data?.id) : undefined;
            if (node) open.current(node);
        });
        const resize = () => chart.resize();
        window.addEventListener('resize', resize);
        return () => {
            window.removeEventListener('resize', resize);
            chart.dispose();
        };
    }, [graph, labels, centres]);
    return (
        <div
            ref={element}
            data-chart="event-graph"
            data-nodes={graph.nodes.length}
            data-edges={graph.edges.length}
            style={{ width: '100%', height, cursor: 'pointer' }}
        />
    );
}
