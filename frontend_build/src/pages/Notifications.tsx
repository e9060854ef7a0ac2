/** 通知: my notifications and my unit's, newest first — each links to its record; read one by one
 * (opening it marks it read) or all at once. */
import { useState } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import {
    Box, Button, Card, Chip, FormControlLabel, Link as MuiLink, Stack, Switch, Table, TableBody, TableCell,
    TableHead, TablePagination, TableRow, Typography,
} from '@mui/material';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import { Link } from 'react-router-dom';
import { Title, useDataProvider, useLocaleState, useNotify, useTranslate } from 'react-admin';
import type { Notification, ZhiliDataProvider } from '../dataProvider';
import { intlLocale } from '../i18n';
import { UNREAD_KEY } from '../layout/NotificationBell';
import { useRecordRoute } from '../resources/recordLink';

const KIND_COLOURS: Record<string, 'default' | 'primary' | 'warning' | 'error' | 'info'> = {
    dispatched: 'primary',
    due_soon: 'warning',
    overdue: 'error',
    supervised: 'error',
    returned: 'info',
};

export function Notifications() {
    const translate = useTranslate();
    const dataProvider = useDataProvider<ZhiliDataProvider>();
    const queryClient = useQueryClient();
    const notify = useNotify();
    const [unreadOnly, setUnreadOnly] = useState(false);
    const [page, setPage] = useState(1);
    const [perPage, setPerPage] = useState(20);
    const list = useQuery({
        queryKey: ['zhili', 'notifications', unreadOnly, page, perPage],
        queryFn: () => dataProvider.notifications(unreadOnly, { page, perPage }),
        placeholderData: keepPreviousData,
    });
    const markRead = async (ids: string[] | 'all') => {
        try {
            const count = await dataProvider.markNotificationsRead(ids);
            if (ids === 'all') notify('zhili.notifications.all_marked', { type: 'success', messageArgs: { smart_count: count } });
        } catch (error: any) {
            notify('zhili.action.failed', { type: 'error', messageArgs: { message: error?.message ?? '' } });
        }
        await Promise.all([
            queryClient.invalidateQueries({ queryKey: ['zhili', 'notifications'] }),
            queryClient.invalidateQueries({ queryKey: UNREAD_KEY }),
        ]);
    };
    const rows = list.data?.data ?? [];
    return (
        <Box sx={{ mt: 1, mb: 2 }} data-testid="notifications">
            <Title title={translate('zhili.notifications.title')} />
            <Stack direction={{ xs: 'column', sm: 'row' }} justifyContent="space-between" alignItems={{ sm: 'center' }} spacing={1} sx={{ mb: 2 }}>
                <Box>
                    <Typography variant="h5">{translate('zhili.notifications.title')}</Typography>
                    <Typography color="text.secondary">{translate('zhili.notifications.intro')}</Typography>
                </Box>
                <Stack direction="row" spacing={2} alignItems="center">
                    <FormControlLabel
                        control={<Switch checked={unreadOnly} onChange={e => { setUnreadOnly(e.target.checked); setPage(1); }} />}
                        label={translate('zhili.notifications.unread_only')}
                    />
                    <Button variant="outlined" startIcon={<DoneAllIcon />} onClick={() => markRead('all')} data-testid="mark-all-read">
                        {translate('zhili.notifications.mark_all')}
                    </Button>
                </Stack>
            </Stack>
            <Card>
                {!list.isPending && !rows.length ? (
                    <Typography color="text.secondary" sx={{ p: 3 }} data-testid="notifications-empty">
                        {translate(unreadOnly ? 'zhili.notifications.none_unread' : 'zhili.notifications.none')}
                    </Typography>
                ) : (
                    <NotificationTable rows={rows} onRead={ids => markRead(ids)} />
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

function NotificationTable({ rows, onRead }: { rows: Notification[]; onRead: (ids: string[]) => void }) {
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const route = useRecordRoute();
    const time = (value: string | null) => (value ? new Date(value).toLocaleString(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short' }) : '—');
    return (
        <Table size="small">
            <TableHead>
                <TableRow>
                    <TableCell>{translate('zhili.notifications.kind')}</TableCell>
                    <TableCell>{translate('zhili.notifications.subject')}</TableCell>
                    <TableCell>{translate('zhili.notifications.unit')}</TableCell>
                    <TableCell>{translate('zhili.notifications.created_at')}</TableCell>
                    <TableCell>{translate('zhili.notifications.due_at')}</TableCell>
                    <TableCell />
                </TableRow>
            </TableHead>
            <TableBody>
                {rows.map(row => {
                    const target = route(row.objectType, row.objectId);
                    const unread = !row.readAt;
                    return (
                        <TableRow key={row.id} data-notification={row.id} data-unread={unread} sx={{ bgcolor: unread ? 'action.hover' : undefined }}>
                            <TableCell>
                                <Chip size="small" color={KIND_COLOURS[row.kind] ?? 'default'} variant={unread ? 'filled' : 'outlined'}
                                    label={translate(`zhili.notifications.kinds.${row.kind}`, { _: row.kind })} />
                            </TableCell>
                            <TableCell>
                                {target ? (
                                    <MuiLink component={Link} to={target.path} fontWeight={unread ? 600 : 400} underline="hover" onClick={() => unread && onRead([row.id])}>
                                        {row.title}
                                    </MuiLink>
                                ) : (
                                    <Typography variant="body2" fontWeight={unread ? 600 : 400}>{row.title}</Typography>
                                )}
                                {row.body && <Typography variant="body2" color="text.secondary">{row.body}</Typography>}
                            </TableCell>
                            <TableCell>{row.unitName ?? translate('zhili.notifications.personal')}</TableCell>
                            <TableCell sx={{ whiteSpace: 'nowrap' }}>{time(row.createdAt)}</TableCell>
                            <TableCell sx={{ whiteSpace: 'nowrap' }}>{time(row.dueAt)}</TableCell>
                            <TableCell align="right">
                                {unread ? (
                                    <Button size="small" onClick={() => onRead([row.id])} data-testid="mark-read">{translate('zhili.notifications.mark_read')}</Button>
                                ) : (
                                    <Typography variant="caption" color="text.secondary">{translate('zhili.notifications.read')}</Typography>
                                )}
                            </TableCell>
                        </TableRow>
                    );
                })}
            </TableBody>
        </Table>
    );
}
