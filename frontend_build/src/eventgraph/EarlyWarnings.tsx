/** 排查预警: villages where linked items concentrate lately (risk level, reason), each opening the
 * event graph of its items or the lists filtered to it, and the ID numbers and phones that recur —
 * masked, as the API gives them. Everything within the reader's scope (the server's). */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
    Box, Button, Card, CardContent, Chip, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, Tab, Tabs,
    Table, TableBody, TableCell, TableHead, TableRow, TextField, Tooltip, Typography,
} from '@mui/material';
import { Title, useCreatePath, useDataProvider, useTranslate } from 'react-admin';
import type { EarlyWarning, RepeatedParty, ZhiliDataProvider } from '../dataProvider';
import { AreaPicker, SCROLL, useDefaultArea, type AreaRef } from '../pages/AreaPicker';
import { useRecordRoute } from '../resources/recordLink';
import { useApiModel } from '../resources/useApiModel';
import { GraphView } from './GraphView';
import { placeFilters, placeGraph } from './placeGraph';

const RISK_COLOURS = { high: 'error', medium: 'warning', low: 'info' } as const;
const DAYS = [7, 14, 30, 60, 90];

function useListLink() {
    const createPath = useCreatePath();
    return (resource: string, filter: object) =>
        `#${createPath({ resource, type: 'list' })}?filter=${encodeURIComponent(JSON.stringify(filter))}`;
}

function PlaceGraphDialog({ warning, onClose }: { warning: EarlyWarning; onClose: () => void }) {
    const translate = useTranslate();
    const api = useApiModel();
    const dataProvider = useDataProvider<ZhiliDataProvider>();
    const found = useQuery({
        queryKey: ['zhili', 'place-graph', warning.areaCode, warning.firstDay, warning.lastDay],
        queryFn: () => placeGraph(dataProvider, api!, warning.areaCode, warning.firstDay, warning.lastDay),
        enabled: Boolean(api),
    });
    return (
        <Dialog open onClose={onClose} fullWidth maxWidth="lg" data-dialog="place-graph">
            <DialogTitle>{translate('zhili.event_graph.warnings.graph_of', { name: `${warning.townshipName} ${warning.areaName}` })}</DialogTitle>
            <DialogContent>
                {found.isPending ? (
                    <CircularProgress />
                ) : found.error ? (
                    <Typography color="error">{translate('zhili.action.failed', { message: (found.error as Error).message })}</Typography>
                ) : !found.data?.graph.nodes.length ? (
                    <Typography color="text.secondary">{translate('zhili.event_graph.warnings.graph_empty')}</Typography>
                ) : (
                    <GraphView graph={found.data.graph} centres={found.data.centres} height={440} />
                )}
            </DialogContent>
            <DialogActions>
                <Button onClick={onClose}>{translate('zhili.event_graph.warnings.close')}</Button>
            </DialogActions>
        </Dialog>
    );
}

function WarningTable({ rows, onGraph }: { rows: EarlyWarning[]; onGraph: (w: EarlyWarning) => void }) {
    const translate = useTranslate();
    const listLink = useListLink();
    const t = (key: string) => translate(`zhili.event_graph.warnings.${key}`);
    return (
        <Table size="small" data-testid="warning-table">
            <TableHead>
                <TableRow>
                    {['risk', 'village', 'township', 'items', 'disputes', 'reports', 'groups', 'repeated', 'reason', 'span', 'actions'].map(key => (
                        <TableCell key={key} sx={{ whiteSpace: 'nowrap' }}>{t(key)}</TableCell>
                    ))}
                </TableRow>
            </TableHead>
            <TableBody>
                {rows.map(w => {
                    const filters = placeFilters(w.areaCode, w.firstDay, w.lastDay);
                    return (
                        <TableRow key={w.areaCode} hover data-area={w.areaCode} data-risk={w.riskLevel} sx={{ cursor: 'pointer' }} onClick={() => onGraph(w)}>
                            <TableCell><Chip size="small" color={RISK_COLOURS[w.riskLevel] ?? 'default'} label={w.riskLabel} /></TableCell>
                            <TableCell>{w.areaName}</TableCell>
                            <TableCell>{w.townshipName}</TableCell>
                            <TableCell data-items>{w.itemCount}</TableCell>
                            <TableCell>{w.disputeCount}</TableCell>
                            <TableCell>{w.reportCount}</TableCell>
                            <TableCell>{w.generalGroupCount + w.majorGroupCount}</TableCell>
                            <TableCell>{w.repeatedPartyCount}</TableCell>
                            <TableCell sx={{ minWidth: 240 }}>{w.reason}</TableCell>
                            <TableCell sx={{ whiteSpace: 'nowrap' }}>{w.firstDay} ~ {w.lastDay}</TableCell>
                            <TableCell sx={{ whiteSpace: 'nowrap' }} onClick={e => e.stopPropagation()}>
                                <Button size="small" onClick={() => onGraph(w)} data-open="graph">{t('graph')}</Button>
                                <Button size="small" href={listLink('Dispute', filters.Dispute)} disabled={!w.disputeCount} data-open="disputes">{t('open_disputes')}</Button>
                                <Button size="small" href={listLink('Report', filters.Report)} disabled={!w.reportCount} data-open="reports">{t('open_reports')}</Button>
                            </TableCell>
                        </TableRow>
                    );
                })}
            </TableBody>
        </Table>
    );
}

function RepeatedTable({ rows }: { rows: RepeatedParty[] }) {
    const translate = useTranslate();
    const route = useRecordRoute();
    const t = (key: string) => translate(`zhili.event_graph.repeated.${key}`);
    return (
        <Stack spacing={1}>
            <Typography variant="caption" color="text.secondary">{t('masked')}</Typography>
            <Table size="small" data-testid="repeated-table">
                <TableHead>
                    <TableRow>
                        {['kind', 'label', 'items', 'span', 'examples'].map(key => <TableCell key={key}>{t(key)}</TableCell>)}
                    </TableRow>
                </TableHead>
                <TableBody>
                    {rows.map(party => (
                        <TableRow key={`${party.kind}-${party.label}-${party.firstDay}`} data-party={party.label}>
                            <TableCell>{party.kindLabel}</TableCell>
                            <TableCell sx={{ fontFamily: 'monospace' }}>{party.label}</TableCell>
                            <TableCell>{party.itemCount}（{translate('zhili.event_graph.kinds.dispute')} {party.disputeCount} / {translate('zhili.event_graph.kinds.report')} {party.reportCount}）</TableCell>
                            <TableCell sx={{ whiteSpace: 'nowrap' }}>{party.firstDay} ~ {party.lastDay}</TableCell>
                            <TableCell>
                                <Stack direction="row" gap={0.5} flexWrap="wrap">
                                    {party.items.map(item => {
                                        const target = route(item.objectType, item.id);
                                        return (
                                            <Tooltip key={item.key} title={`${item.title} · ${item.areaName} · ${item.day}`}>
                                                <Chip size="small" label={item.number} clickable={Boolean(target)} component={target ? 'a' : 'div'} href={target ? `#${target.path}` : undefined} />
                                            </Tooltip>
                                        );
                                    })}
                                </Stack>
                            </TableCell>
                        </TableRow>
                    ))}
                </TableBody>
            </Table>
        </Stack>
    );
}

export function EarlyWarnings() {
    const translate = useTranslate();
    const dataProvider = useDataProvider<ZhiliDataProvider>();
    const start = useDefaultArea();
    const [picked, setPicked] = useState<AreaRef | null>(null);
    const [asOf, setAsOf] = useState('');
    const [days, setDays] = useState(30);
    const [minItems, setMinItems] = useState(3);
    const [tab, setTab] = useState<'warnings' | 'repeated'>('warnings');
    const [graphOf, setGraphOf] = useState<EarlyWarning | null>(null);
    const area = picked ?? start;
    const t = (key: string) => translate(`zhili.event_graph.warnings.${key}`);
    const bounded = Math.min(50, Math.max(2, minItems || 2));
    const warnings = useQuery({
        queryKey: ['zhili', 'early-warnings', area?.code, asOf, days, bounded],
        queryFn: () => dataProvider.earlyWarnings({ areaCode: area!.code, asOf, days, minItems: bounded }),
        enabled: Boolean(area) && tab === 'warnings',
    });
    const repeated = useQuery({
        queryKey: ['zhili', 'repeated-parties', area?.code],
        queryFn: () => dataProvider.repeatedParties(area!.code, 2),
        enabled: Boolean(area) && tab === 'repeated',
    });
    const current = tab === 'warnings' ? warnings : repeated;
    return (
        <Box p={{ xs: 1, md: 2 }} data-testid="early-warnings">
            <Title title={t('title')} />
            <Typography variant="body2" color="text.secondary" mb={2}>{t('intro')}</Typography>
            <Card sx={{ mb: 2 }}>
                <CardContent>
                    <Stack direction="row" flexWrap="wrap" useFlexGap gap={2} alignItems="center">
                        <AreaPicker label={t('pick')} value={area} onChange={setPicked} />
                        <TextField type="date" size="small" fullWidth={false} sx={{ width: 180 }} label={t('as_of')} value={asOf} onChange={e => setAsOf(e.target.value)}
                            InputLabelProps={{ shrink: true }} inputProps={{ 'data-testid': 'as-of' }} disabled={tab !== 'warnings'} />
                        <TextField select size="small" fullWidth={false} label={t('days')} value={days} onChange={e => setDays(Number(e.target.value))} sx={{ width: 120 }}
                            disabled={tab !== 'warnings'} SelectProps={{ SelectDisplayProps: { 'data-testid': 'days' } as object }}>
                            {DAYS.map(d => <MenuItem key={d} value={d} data-days={d}>{d}</MenuItem>)}
                        </TextField>
                        <TextField type="number" size="small" fullWidth={false} label={t('min_items')} value={minItems} onChange={e => setMinItems(Number(e.target.value))}
                            inputProps={{ min: 2, max: 50, 'data-testid': 'min-items' }} sx={{ width: 140 }} disabled={tab !== 'warnings'} />
                        {current.isFetching && <CircularProgress size={20} />}
                    </Stack>
                </CardContent>
            </Card>
            <Card>
                <Tabs value={tab} onChange={(_, value) => setTab(value)} sx={{ px: 2, borderBottom: 1, borderColor: 'divider' }}>
                    <Tab value="warnings" label={t('tab_warnings')} data-tab="warnings" />
                    <Tab value="repeated" label={t('tab_repeated')} data-tab="repeated" />
                </Tabs>
                <CardContent sx={SCROLL}>
                    {current.error ? (
                        <Typography color="error" data-testid="warning-error">{translate('zhili.action.failed', { message: (current.error as Error).message })}</Typography>
                    ) : current.isPending ? null : tab === 'warnings' ? (
                        warnings.data?.length ? (
                            <WarningTable rows={warnings.data} onGraph={setGraphOf} />
                        ) : (
                            <Typography color="text.secondary" data-testid="warnings-empty">{t('empty')}</Typography>
                        )
                    ) : repeated.data?.length ? (
                        <RepeatedTable rows={repeated.data} />
                    ) : (
                        <Typography color="text.secondary" data-testid="repeated-empty">{translate('zhili.event_graph.repeated.empty')}</Typography>
                    )}
                </CardContent>
            </Card>
            {graphOf && <PlaceGraphDialog warning={graphOf} onClose={() => setGraphOf(null)} />}
        </Box>
    );
}
