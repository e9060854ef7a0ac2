/** An event graph with what explains it: the counts, a legend of link kinds, the interactive chart
 * and the same items as a table (keyboard- and screen-reader-friendly), each linked to its record. */
import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { Box, Chip, Link, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { SCROLL } from '../pages/AreaPicker';
import type { EventGraph, EventNode } from '../graphql/decision';
import { useRecordRoute } from '../resources/recordLink';
import { GraphChart } from './GraphChart';
import { LINK_COLOURS, NODE_COLOURS } from './graphOption';

const KIND_KEYS: Record<string, string> = { 'disputes.dispute': 'dispute', 'reports.report': 'report' };

export function useKindLabel() {
    const translate = useTranslate();
    return (objectType: string) => translate(`zhili.event_graph.kinds.${KIND_KEYS[objectType] ?? 'dispute'}`);
}

function LinkLegend({ graph }: { graph: EventGraph }) {
    const kinds = new Map(graph.edges.map(edge => [edge.kind, edge.kindLabel]));
    return (
        <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
            {[...kinds].map(([kind, label]) => (
                <Chip key={kind} size="small" variant="outlined" label={label} data-link-kind={kind}
                    sx={{ borderColor: LINK_COLOURS[kind], color: LINK_COLOURS[kind], borderWidth: 2 }} />
            ))}
        </Stack>
    );
}

function NodeTable({ graph, centres }: { graph: EventGraph; centres: Set<string> }) {
    const translate = useTranslate();
    const kindLabel = useKindLabel();
    const route = useRecordRoute();
    const degree = (key: string) => graph.edges.filter(e => e.source === key || e.target === key).length;
    const t = (key: string) => translate(`zhili.event_graph.${key}`);
    return (
        <Table size="small" data-testid="event-graph-items">
            <TableHead>
                <TableRow>
                    {['kind', 'number', 'title', 'area', 'day', 'status', 'distance', 'links'].map(key => <TableCell key={key}>{t(key)}</TableCell>)}
                </TableRow>
            </TableHead>
            <TableBody>
                {graph.nodes.map(node => {
                    const target = route(node.objectType, node.id);
                    return (
                        <TableRow key={node.key} data-node={node.key} selected={centres.has(node.key)}>
                            <TableCell><Box component="span" sx={{ color: NODE_COLOURS[node.objectType] }}>●</Box> {kindLabel(node.objectType)}</TableCell>
                            <TableCell sx={{ whiteSpace: 'nowrap' }}>{target ? <Link href={`#${target.path}`}>{node.number}</Link> : node.number}</TableCell>
                            <TableCell>{node.title}</TableCell>
                            <TableCell>{node.areaName}</TableCell>
                            <TableCell sx={{ whiteSpace: 'nowrap' }}>{node.day}</TableCell>
                            <TableCell sx={{ whiteSpace: 'nowrap' }}>{node.statusLabel}</TableCell>
                            <TableCell sx={{ whiteSpace: 'nowrap' }}>{centres.has(node.key) ? t('center') : translate('zhili.event_graph.depth', { depth: node.depth })}</TableCell>
                            <TableCell>{degree(node.key)}</TableCell>
                        </TableRow>
                    );
                })}
            </TableBody>
        </Table>
    );
}

export function GraphView({ graph, centres, height }: { graph: EventGraph; centres: Set<string>; height?: number }) {
    const translate = useTranslate();
    const kindLabel = useKindLabel();
    const route = useRecordRoute();
    const navigate = useNavigate();
    const labels = useMemo(() => ({ kind: kindLabel, centre: translate('zhili.event_graph.center') }), [translate]);
    const open = (node: EventNode) => {
        const target = route(node.objectType, node.id);
        if (target) navigate(target.path);
    };
    return (
        <Stack spacing={1.5} data-testid="event-graph" sx={{ minWidth: 0 }}>
            <Stack direction="row" spacing={2} alignItems="center" flexWrap="wrap" useFlexGap>
                <Typography variant="body2" fontWeight={600} data-testid="event-graph-counts">
                    {translate('zhili.event_graph.counts', { nodes: graph.nodes.length, edges: graph.edges.length })}
                </Typography>
                <LinkLegend graph={graph} />
            </Stack>
            <Typography variant="caption" color="text.secondary">{translate('zhili.event_graph.hint')}</Typography>
            <Box sx={{ border: 1, borderColor: 'divider', borderRadius: 1 }}>
                <GraphChart graph={graph} centres={centres} labels={labels} onOpen={open} height={height} />
            </Box>
            <Typography variant="subtitle2">{translate('zhili.event_graph.list')}</Typography>
            <Box sx={SCROLL}>
                <NodeTable graph={graph} centres={centres} />
            </Box>
        </Stack>
    );
}
