/** 平安村庄考评排名: within an area (the reader's widest grant, a county or a township picked by
 * name, or reached by drilling down), the next level down ranked by average score for a period — as
 * a bar chart and a table. Villages open their assessments; the server counts only what the reader
 * may see. */
import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
    Box, Breadcrumbs, Button, Card, CardContent, CircularProgress, FormControlLabel, Link, MenuItem, Stack, Switch,
    Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography,
} from '@mui/material';
import { Title, useCreatePath, useDataProvider, useTranslate } from 'react-admin';
import type { PeaceVillageRank, ZhiliDataProvider } from '../dataProvider';
import { AreaPicker, SCROLL, significantDigits, useDefaultArea, type AreaRef } from '../pages/AreaPicker';
import { bars } from '../pages/charts';
import { EChart } from '../pages/EChart';
import { periodChoices } from './rules';

const coverage = (row: PeaceVillageRank) => (row.villageCount ? `${Math.round((1000 * row.assessedCount) / row.villageCount) / 10}%` : '—');

function usePeriodLabel() {
    const translate = useTranslate();
    return (period: string) => {
        const [year, part] = period.split('-');
        if (!part) return translate('zhili.peace_village.ranking.year', { year });
        if (part.startsWith('H')) {
            const half = translate(part === 'H1' ? 'zhili.peace_village.ranking.upper' : 'zhili.peace_village.ranking.lower');
            return translate('zhili.peace_village.ranking.half', { year, half });
        }
        return translate('zhili.peace_village.ranking.quarter', { year, quarter: part.slice(1) });
    };
}

function RankingTable({ rows, period, drill }: { rows: PeaceVillageRank[]; period: string; drill?: (row: PeaceVillageRank) => void }) {
    const translate = useTranslate();
    const createPath = useCreatePath();
    const t = (key: string) => translate(`zhili.peace_village.ranking.${key}`);
    const assessments = (row: PeaceVillageRank) =>
        `#${createPath({ resource: 'PeaceVillageAssessment', type: 'list' })}?filter=${encodeURIComponent(JSON.stringify({ area: row.areaCode, period }))}`;
    return (
        <Table size="small" data-testid="ranking-table">
            <TableHead>
                <TableRow>
                    {['rank', 'name', 'average', 'assessed', 'villages', 'coverage', 'qualified'].map(key => <TableCell key={key} sx={{ whiteSpace: 'nowrap' }}>{t(key)}</TableCell>)}
                    <TableCell />
                </TableRow>
            </TableHead>
            <TableBody>
                {rows.map(row => (
                    <TableRow key={row.areaCode} data-area={row.areaCode} hover>
                        <TableCell>{row.rank}</TableCell>
                        <TableCell sx={{ whiteSpace: 'nowrap' }}>{drill ? <Link component="button" onClick={() => drill(row)}>{row.areaName}</Link> : row.areaName}</TableCell>
                        <TableCell data-score>{row.averageScore}</TableCell>
                        <TableCell>{row.assessedCount}</TableCell>
                        <TableCell>{row.villageCount}</TableCell>
                        <TableCell>{coverage(row)}</TableCell>
                        <TableCell>{row.qualifiedCount}</TableCell>
                        <TableCell sx={{ whiteSpace: 'nowrap' }}>
                            {drill && <Button size="small" onClick={() => drill(row)}>{t('drill')}</Button>}
                            <Button size="small" href={assessments(row)}>{t('assessments')}</Button>
                        </TableCell>
                    </TableRow>
                ))}
            </TableBody>
        </Table>
    );
}

export function PeaceVillageRanking() {
    const translate = useTranslate();
    const dataProvider = useDataProvider<ZhiliDataProvider>();
    const periodLabel = usePeriodLabel();
    const start = useDefaultArea();
    const [trail, setTrail] = useState<AreaRef[]>([]);
    const [period, setPeriod] = useState<string>('');
    const [includeSubmitted, setIncludeSubmitted] = useState(false);
    const t = (key: string) => translate(`zhili.peace_village.ranking.${key}`);
    const latest = useQuery({ queryKey: ['zhili', 'peace-village', 'latest-period'], queryFn: () => dataProvider.latestAssessmentPeriod() });
    useEffect(() => {
        if (start && !trail.length) setTrail([start]);
    }, [start, trail.length]);
    useEffect(() => {
        if (!period && latest.isSuccess) setPeriod(latest.data ?? periodChoices(new Date().getFullYear())[1]);
    }, [latest.isSuccess, latest.data, period]);
    const area = trail[trail.length - 1];
    const ranking = useQuery({
        queryKey: ['zhili', 'peace-village', 'ranking', area?.code, period, includeSubmitted],
        queryFn: () => dataProvider.peaceVillageRanking(area!.code, period, includeSubmitted),
        enabled: Boolean(area && period),
    });
    const rows = ranking.data ?? [];
    const option = useMemo(() => bars(rows.map(r => r.areaName), rows.map(r => Number(r.averageScore)), t('chart'), true), [ranking.data, translate]);
    const childrenAreVillages = area ? significantDigits(area.code) >= 9 : false;
    const drill = childrenAreVillages ? undefined : (row: PeaceVillageRank) => setTrail([...trail, { code: row.areaCode, name: row.areaName }]);
    const periods = periodChoices(new Date().getFullYear());
    return (
        <Box p={{ xs: 1, md: 2 }} data-testid="peace-village-ranking">
            <Title title={t('title')} />
            <Typography variant="body2" color="text.secondary" mb={2}>{t('intro')}</Typography>
            <Card sx={{ mb: 2 }}>
                <CardContent>
                    <Stack direction="row" flexWrap="wrap" useFlexGap gap={2} alignItems="center">
                        <AreaPicker label={t('pick')} value={area ?? null} onChange={picked => setTrail([picked])} />
                        <TextField select size="small" fullWidth={false} label={t('period')} value={period} onChange={e => setPeriod(e.target.value)} sx={{ width: 220 }}
                            SelectProps={{ SelectDisplayProps: { 'data-testid': 'period' } as object }}>
                            {[...new Set([period, ...periods].filter(Boolean))].map(p => <MenuItem key={p} value={p}>{periodLabel(p)}</MenuItem>)}
                        </TextField>
                        <FormControlLabel control={<Switch checked={includeSubmitted} onChange={e => setIncludeSubmitted(e.target.checked)} />} label={t('include_submitted')} sx={{ whiteSpace: 'nowrap' }} />
                        {ranking.isFetching && <CircularProgress size={20} />}
                    </Stack>
                    <Breadcrumbs sx={{ mt: 2 }} data-testid="ranking-trail">
                        {trail.map((step, index) =>
                            index < trail.length - 1 ? (
                                <Link key={step.code} component="button" onClick={() => setTrail(trail.slice(0, index + 1))}>{step.name}</Link>
                            ) : (
                                <Typography key={step.code} color="text.primary" fontWeight={600}>{t('area')}：{step.name} · {period && periodLabel(period)}</Typography>
                            )
                        )}
                    </Breadcrumbs>
                </CardContent>
            </Card>
            {ranking.error ? (
                <Typography color="error">{translate('zhili.action.failed', { message: (ranking.error as Error).message })}</Typography>
            ) : ranking.isSuccess && !rows.length ? (
                <Typography color="text.secondary" data-testid="ranking-empty">{t('empty')}</Typography>
            ) : rows.length ? (
                <Stack spacing={2}>
                    <Card><CardContent><EChart option={option} name="peace-village-ranking" height={Math.max(200, Math.min(rows.length, 40) * 28 + 50)} /></CardContent></Card>
                    <Card><CardContent sx={SCROLL}><RankingTable rows={rows} period={period} drill={drill} /></CardContent></Card>
                </Stack>
            ) : null}
        </Box>
    );
}
