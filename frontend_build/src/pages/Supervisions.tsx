/** 督办: supervisions issued and the periodic check's proposals within the user's scope, filtered by
 * status and level. A supervisor issues a proposal (with its 政策种类 measure, 01–07) or dismisses
 * it; the buttons show only to who may decide, and the server still checks each decision. */
import { useState } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import {
    Box, Button, Card, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Link as MuiLink, MenuItem, Stack,
    Table, TableBody, TableCell, TableHead, TablePagination, TableRow, TextField, Typography,
} from '@mui/material';
import { Link } from 'react-router-dom';
import {
    Form, SaveButton, SelectInput, TextInput, Title, useDataProvider, useLocaleState, useNotify, usePermissions, useTranslate,
} from 'react-admin';
import type { Me, Supervision, ZhiliDataProvider } from '../dataProvider';
import { intlLocale } from '../i18n';
import { useRecordRoute } from '../resources/recordLink';
import { useApiModel } from '../resources/useApiModel';
import { INPUT_CHOICES } from '../workflow/transitions';

const STATUSES = ['proposed', 'issued', 'dismissed'];
const LEVEL_COLOURS: Record<string, 'default' | 'warning' | 'error'> = { ordinary: 'default', yellow: 'warning', red: 'error' };
const KEY = ['zhili', 'supervisions'];

export const maySupervise = (me: Me | undefined) =>
    Boolean(me?.isSuperuser || me?.permissions.includes('workflow.supervision:change'));

export function Supervisions() {
    const translate = useTranslate();
    const dataProvider = useDataProvider<ZhiliDataProvider>();
    const { permissions } = usePermissions<Me>();
    const [filter, setFilter] = useState<{ status?: string; level?: string }>({ status: 'proposed' });
    const [page, setPage] = useState(1);
    const [perPage, setPerPage] = useState(20);
    const list = useQuery({
        queryKey: [...KEY, filter, page, perPage],
        queryFn: () => dataProvider.supervisions(filter, { page, perPage }),
        placeholderData: keepPreviousData,
    });
    const rows = list.data?.data ?? [];
    const choose = (name: 'status' | 'level') => (e: { target: { value: string } }) => {
        setFilter({ ...filter, [name]: e.target.value || undefined });
        setPage(1);
    };
    return (
        <Box sx={{ mt: 1, mb: 2 }} data-testid="supervisions">
            <Title title={translate('zhili.supervision.title')} />
            <Typography variant="h5">{translate('zhili.supervision.title')}</Typography>
            <Typography color="text.secondary" sx={{ mb: 2 }}>{translate('zhili.supervision.intro')}</Typography>
            <Stack direction="row" spacing={2} sx={{ mb: 2 }}>
                <TextField select size="small" fullWidth={false} sx={{ width: 220 }} label={translate('zhili.supervision.status')} value={filter.status ?? ''} onChange={choose('status')} data-testid="filter-status">
                    <MenuItem value="">{translate('zhili.supervision.any')}</MenuItem>
                    {STATUSES.map(s => <MenuItem key={s} value={s}>{translate(`zhili.supervision.statuses.${s}`)}</MenuItem>)}
                </TextField>
                <TextField select size="small" fullWidth={false} sx={{ width: 220 }} label={translate('zhili.supervision.level')} value={filter.level ?? ''} onChange={choose('level')} data-testid="filter-level">
                    <MenuItem value="">{translate('zhili.supervision.any')}</MenuItem>
                    {INPUT_CHOICES.level.map(l => <MenuItem key={l} value={l}>{translate(`zhili.choices.level.${l}`)}</MenuItem>)}
                </TextField>
            </Stack>
            <Card>
                {!list.isPending && !rows.length ? (
                    <Typography color="text.secondary" sx={{ p: 3 }}>{translate('zhili.supervision.none')}</Typography>
                ) : (
                    <SupervisionTable rows={rows} mayDecide={maySupervise(permissions)} />
                )}
                <TablePagination
                    component="div"
                    count={list.data?.total ?? 0}
                    page={page - 1}
                    rowsPerPage={perPage}
                    rowsPerPageOptions={[10, 20, 50]}
                    onPageChange={(_, next) => setPage(next + 1)}
                    onRowsPerPageChange={e => { setPerPage(Number(e.target.value)); setPage(1); }}
                    labelRowsPerPage={translate('ra.navigation.page_rows_per_page')}
                    labelDisplayedRows={({ from, to, count }) => translate('ra.navigation.page_range_info', { offsetBegin: from, offsetEnd: to, total: count })}
                />
            </Card>
        </Box>
    );
}

/** The supervised records' numbers and titles, asked once per page (those the user may see). */
function useSubjects(rows: Supervision[]) {
    const api = useApiModel();
    const dataProvider = useDataProvider<ZhiliDataProvider>();
    const route = useRecordRoute();
    const wanted = new Map<string, Set<string>>();
    for (const row of rows) {
        const resource = route(row.objectType, row.objectId)?.resource.name;
        if (resource) wanted.set(resource, (wanted.get(resource) ?? new Set()).add(row.objectId));
    }
    const asked = [...wanted.entries()].map(([resource, ids]) => [resource, [...ids].sort()] as const);
    return useQuery({
        queryKey: ['zhili', 'supervised', asked],
        queryFn: async () => {
            const found: Record<string, Record<string, any>> = {};
            for (const [resource, ids] of asked) {
                const { data } = await dataProvider.getMany(resource, { ids: [...ids] });
                for (const record of data) found[`${resource}:${record.id}`] = record;
            }
            return found;
        },
        enabled: Boolean(api && asked.length),
    });
}

function SupervisionTable({ rows, mayDecide }: { rows: Supervision[]; mayDecide: boolean }) {
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const route = useRecordRoute();
    const subjects = useSubjects(rows);
    const [deciding, setDeciding] = useState<{ row: Supervision; issue: boolean } | null>(null);
    const time = (value: string | null) => (value ? new Date(value).toLocaleString(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short' }) : '—');
    return (
        <>
            <Table size="small">
                <TableHead>
                    <TableRow>
                        <TableCell>{translate('zhili.supervision.subject')}</TableCell>
                        <TableCell>{translate('zhili.supervision.level')}</TableCell>
                        <TableCell>{translate('zhili.supervision.status')}</TableCell>
                        <TableCell>{translate('zhili.supervision.unit')}</TableCell>
                        <TableCell>{translate('zhili.supervision.reason')}</TableCell>
                        <TableCell>{translate('zhili.supervision.created_at')}</TableCell>
                        <TableCell />
                    </TableRow>
                </TableHead>
                <TableBody>
                    {rows.map(row => {
                        const target = route(row.objectType, row.objectId);
                        const subject = target && subjects.data?.[`${target.resource.name}:${row.objectId}`];
                        const name = subject ? subject.number ?? subject.code ?? subject.title : `#${row.objectId}`;
                        return (
                            <TableRow key={row.id} data-supervision={row.id} data-status={row.status}>
                                <TableCell sx={{ minWidth: 240 }}>
                                    <Typography variant="caption" color="text.secondary" display="block">{target?.resource.label[locale === 'en' ? 'en' : 'zh'] ?? row.objectType}</Typography>
                                    {target ? <MuiLink component={Link} to={target.path} underline="hover">{name}</MuiLink> : name}
                                    {subject?.title && <Typography variant="body2">{subject.title}</Typography>}
                                    <Typography variant="caption" color="text.secondary" display="block">{row.area.name}</Typography>
                                </TableCell>
                                <TableCell>
                                    <Chip size="small" color={LEVEL_COLOURS[row.level] ?? 'default'} label={translate(`zhili.choices.level.${row.level}`, { _: row.level })} />
                                    {row.measure && <Typography variant="caption" display="block">{translate(`zhili.choices.measure.${row.measure}`, { _: row.measure })}</Typography>}
                                </TableCell>
                                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                                    {translate(`zhili.supervision.statuses.${row.status}`, { _: row.status })}
                                    {row.byName && <Typography variant="caption" display="block" color="text.secondary">{row.byName}</Typography>}
                                </TableCell>
                                <TableCell>{row.unit?.name ?? '—'}</TableCell>
                                <TableCell sx={{ maxWidth: 280 }}>{row.reason}</TableCell>
                                <TableCell sx={{ whiteSpace: 'nowrap' }}>{time(row.createdAt)}</TableCell>
                                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                                    {mayDecide && row.status === 'proposed' && (
                                        <>
                                            <Button size="small" variant="contained" onClick={() => setDeciding({ row, issue: true })} data-decide="issue">
                                                {translate('zhili.supervision.issue')}
                                            </Button>
                                            <Button size="small" onClick={() => setDeciding({ row, issue: false })} data-decide="dismiss" sx={{ ml: 1 }}>
                                                {translate('zhili.supervision.dismiss')}
                                            </Button>
                                        </>
                                    )}
                                </TableCell>
                            </TableRow>
                        );
                    })}
                </TableBody>
            </Table>
            {deciding && <DecideDialog {...deciding} onClose={() => setDeciding(null)} />}
        </>
    );
}

function DecideDialog({ row, issue, onClose }: { row: Supervision; issue: boolean; onClose: () => void }) {
    const translate = useTranslate();
    const dataProvider = useDataProvider<ZhiliDataProvider>();
    const notify = useNotify();
    const queryClient = useQueryClient();
    const [serverError, setServerError] = useState<string | null>(null);
    const title = translate(issue ? 'zhili.supervision.issue' : 'zhili.supervision.dismiss');
    const measures = INPUT_CHOICES.measure.map(value => ({ id: value, name: `${value} ${translate(`zhili.choices.measure.${value}`)}` }));
    const submit = async (values: Record<string, any>) => {
        setServerError(null);
        try {
            await dataProvider.decideSupervision({ id: row.id, issue, measure: issue ? values.measure ?? '' : '', reason: values.reason ?? '' });
        } catch (error: any) {
            const { root, ...onFields } = error?.body?.errors ?? {};
            if (root?.serverError || !Object.keys(onFields).length) setServerError(root?.serverError ?? error?.message ?? '');
            return Object.keys(onFields).length ? onFields : undefined;
        }
        notify('zhili.action.done', { type: 'success', messageArgs: { name: title } });
        await queryClient.invalidateQueries({ queryKey: KEY });
        onClose();
        return undefined;
    };
    return (
        <Dialog open onClose={onClose} fullWidth maxWidth="sm" data-dialog="decideSupervision">
            <Form onSubmit={submit} record={{ reason: row.reason, measure: '' }}>
                <DialogTitle>{title}</DialogTitle>
                <DialogContent>
                    <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
                        {translate(`zhili.choices.level.${row.level}`, { _: row.level })} · {row.unit?.name ?? row.area.name}
                    </Typography>
                    {issue && <SelectInput source="measure" label={translate('zhili.supervision.measure')} choices={measures} fullWidth emptyText={translate('zhili.supervision.no_measure')} />}
                    <TextInput source="reason" label={translate('zhili.supervision.reason')} multiline minRows={2} fullWidth />
                    {serverError && <Typography color="error" variant="body2">{translate('zhili.action.failed', { message: serverError })}</Typography>}
                </DialogContent>
                <DialogActions>
                    <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
                    <SaveButton label={title} alwaysEnable icon={<></>} />
                </DialogActions>
            </Form>
        </Dialog>
    );
}
