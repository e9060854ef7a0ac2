/** The ECharts option of an event graph: a force-directed `graph` series, nodes coloured by kind
 * (dispute / report), the centre larger and outlined, two-hop nodes smaller, edges coloured and
 * labelled by link kind. Pure data, so it is tested without a browser. */
import type { EventGraph, EventNode } from '../graphql/decision';

export const NODE_COLOURS: Record<string, string> = { 'disputes.dispute': '#1565c0', 'reports.report': '#ef6c00' };
export const LINK_COLOURS: Record<string, string> = { party: '#c62828', phone: '#ad1457', place: '#2e7d32', type: '#78909c' };
export const NODE_KINDS = ['disputes.dispute', 'reports.report'] as const;
const FALLBACK = '#546e7a';
/** above this many edges, labels show on hover only: a crowded graph stays legible */
const LABELLED_EDGES = 40;

export interface GraphLabels {
    kind: (objectType: string) => string;
    centre: string;
}

/** tooltips are HTML: the titles are people's words */
const escape = (text: string) => text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
const shortTitle = (title: string) => (title.length > 12 ? `${title.slice(0, 11)}…` : title);

function nodeOf(node: EventNode, labels: GraphLabels, centres: Set<string>, pin?: { x: number; y: number }) {
    const centre = centres.has(node.key);
    // a single centre stays in the middle, where the reader looks first
    const pinned = centre && centres.size === 1 && pin ? { fixed: true, x: pin.x, y: pin.y } : {};
    return {
        ...pinned,
        id: node.key,
        name: shortTitle(node.title),
        value: node.number,
        category: Math.max(0, NODE_KINDS.indexOf(node.objectType as (typeof NODE_KINDS)[number])),
        symbolSize: centre ? 46 : node.depth === 1 ? 30 : 20,
        itemStyle: centre ? { borderColor: '#212121', borderWidth: 3 } : undefined,
        label: { show: true, fontWeight: centre ? ('bold' as const) : ('normal' as const) },
        tip: [
            `${centre ? `【${labels.centre}】` : ''}${labels.kind(node.objectType)} ${node.number}`,
            node.title,
            `${node.areaName} · ${node.day} · ${node.statusLabel}`,
        ].map(escape).join('<br/>'),
    };
}

/** `centres`: the node keys drawn as centres (the item of the page, or a place's items); `pin`: where
 * a single centre is held (the chart's middle, in pixels). */
export function graphOption(graph: EventGraph, labels: GraphLabels, centres: Set<string>, pin?: { x: number; y: number }) {
    const labelled = graph.edges.length <= LABELLED_EDGES;
    return {
        color: NODE_KINDS.map(kind => NODE_COLOURS[kind]),
        tooltip: { trigger: 'item', confine: true, formatter: (params: { data?: { tip?: string } }) => params.data?.tip ?? '' },
        legend: { data: NODE_KINDS.map(labels.kind), bottom: 0 },
        series: [
            {
                type: 'graph',
                layout: 'force',
                roam: true,
                draggable: true,
                force: { repulsion: 320, edgeLength: [90, 180], gravity: 0.06, layoutAnimation: true },
                categories: NODE_KINDS.map(kind => ({ name: labels.kind(kind), itemStyle: { color: NODE_COLOURS[kind] } })),
                label: { position: 'bottom', fontSize: 11 },
                edgeLabel: { show: labelled, fontSize: 10, formatter: '{c}' },
                emphasis: { focus: 'adjacency', edgeLabel: { show: true }, lineStyle: { width: 4 } },
                data: graph.nodes.map(node => nodeOf(node, labels, centres, pin)),
                links: graph.edges.map(edge => ({
                    source: edge.source,
                    target: edge.target,
                    value: edge.kindLabel,
                    lineStyle: { color: LINK_COLOURS[edge.kind] ?? FALLBACK, width: 1 + 3 * edge.weight, opacity: 0.8, curveness: 0.08 },
                    tip: escape(`${edge.kindLabel}：${edge.reason}`),
                })),
            },
        ],
    };
}

/** Several neighbourhoods as one graph (the items of a place): nodes and edges once each, a node at
 * the smallest depth it was found at. */
export function mergeGraphs(graphs: EventGraph[]): EventGraph {
    const nodes = new Map<string, EventNode>();
    const edges = new Map<string, EventGraph['edges'][number]>();
    for (const graph of graphs) {
        for (const node of graph.nodes) {
            const known = nodes.get(node.key);
            if (!known || node.depth < known.depth) nodes.set(node.key, node);
        }
        for (const edge of graph.edges) edges.set(`${edge.kind} ${edge.source} ${edge.target}`, edge);
    }
    return { nodes: [...nodes.values()], edges: [...edges.values()] };
}
