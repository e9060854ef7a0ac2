/** 事件图谱 tab of a dispute or a report: the items linked to it (one or two hops), drawn as an
 * interactive graph. The server leaves out every item the reader may not see. */
import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { CircularProgress, Stack, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import type { ResourceModel, ZhiliDataProvider } from '../dataProvider';
import { GraphView } from './GraphView';

export function EventGraphPanel({ model }: { model: ResourceModel }) {
    const record = useRecordContext();
    const translate = useTranslate();
    const dataProvider = useDataProvider<ZhiliDataProvider>();
    const [depth, setDepth] = useState<1 | 2>(1);
    const objectType = model.objectType ?? '';
    const graph = useQuery({
        queryKey: ['zhili', 'event-graph', objectType, String(record?.id), depth],
        queryFn: () => dataProvider.eventNeighbourhood(objectType, String(record!.id), depth),
        enabled: record?.id != null && Boolean(objectType),
    });
    const centres = useMemo(() => new Set([`${objectType}:${record?.id}`]), [objectType, record?.id]);
    return (
        <Stack spacing={2} data-testid="event-graph-panel">
            <Stack direction="row" spacing={2} alignItems="center">
                <Typography variant="body2">{translate('zhili.event_graph.hops')}</Typography>
                <ToggleButtonGroup size="small" exclusive value={depth} onChange={(_, value) => value && setDepth(value)}>
                    <ToggleButton value={1} data-depth="1">{translate('zhili.event_graph.one_hop')}</ToggleButton>
                    <ToggleButton value={2} data-depth="2">{translate('zhili.event_graph.two_hops')}</ToggleButton>
                </ToggleButtonGroup>
                {graph.isFetching && <CircularProgress size={20} />}
            </Stack>
            {graph.isPending ? null : graph.error || !graph.data ? (
                <Typography color="text.secondary">{translate('zhili.event_graph.unavailable')}</Typography>
            ) : graph.data.nodes.length <= 1 ? (
                <Typography color="text.secondary" data-testid="event-graph-empty">{translate('zhili.event_graph.empty')}</Typography>
            ) : (
                <GraphView graph={graph.data} centres={centres} />
            )}
        </Stack>
    );
}
