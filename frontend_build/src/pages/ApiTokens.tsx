/** API 令牌: the tokens the user may see (their own; a city administrator's reach all), newest first;
 * a new token — its secret shown once, held only in this page's state while the dialog is open —
 * and revoking one. The server decides who may name another account and keeps a token within its
 * creator's grants; its messages show on the inputs they concern. */
import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
    Alert, Box, Button, Card, Chip, Dialog, DialogActions, DialogContent, DialogTitle, FormHelperText, Stack,
    Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import KeyIcon from '@mui/icons-material/Key';
import {
    Confirm, Form, NumberInput, SaveButton, TextInput, Title, required, useDataProvider, useInput, useLocaleState, useNotify,
    useTranslate,
} from 'react-admin';
import { tokenStatus, type ApiToken, type ZhiliDataProvider } from '../dataProvider';
import { intlLocale } from '../i18n';
import { AreaPicker, SCROLL, type AreaRef } from './AreaPicker';

const KEY = ['zhili', 'api-tokens'];
const STATUS_COLOURS = { active: 'success', expired: 'default', revoked: 'error' } as const;

export function ApiTokens() {
    const translate = useTranslate();
    const dataProvider = useDataProvider<ZhiliDataProvider>();
    const list = useQuery({ queryKey: KEY, queryFn: () => dataProvider.apiTokens() });
    const [creating, setCreating] = useState(false);
    // the secret lives here only while its dialog is open: never in a query cache, storage or URL
    const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
    const rows = list.data ?? [];
    return (
        <Box sx={{ mt: 1, mb: 2 }} data-testid="api-tokens">
            <Title title={translate('zhili.api_tokens.title')} />
            <Stack direction="row" alignItems="center" justifyContent="space-between" sx={{ mb: 1 }}>
                <Typography variant="h5">{translate('zhili.api_tokens.title')}</Typography>
                <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)} data-testid="create-token">
                    {translate('zhili.api_tokens.create')}
                </Button>
            </Stack>
            <Typography color="text.secondary" sx={{ mb: 2 }}>{translate('zhili.api_tokens.intro')}</Typography>
            <Card>
                {list.isError && <Alert severity="error">{translate('zhili.api_tokens.load_failed', { message: (list.error as Error).message })}</Alert>}
                {!list.isPending && !list.isError && !rows.length ? (
                    <Box textAlign="center" m={4} data-testid="empty-list">
                        <KeyIcon color="disabled" sx={{ fontSize: 64 }} />
                        <Typography color="text.secondary">{translate('zhili.api_tokens.empty')}</Typography>
                    </Box>
                ) : (
                    <TokenTable rows={rows} />
                )}
            </Card>
            {creating && (
                <CreateDialog
                    onClose={() => setCreating(false)}
                    onCreated={(name, secret) => {
                        setCreating(false);
                        setCreated({ name, secret });
                    }}
                />
            )}
            {created && <SecretDialog secret={created.secret} onClose={() => setCreated(null)} />}
        </Box>
    );
}

function useTime() {
    const [locale] = useLocaleState();
    return (value: string | null) =>
        value ? new Date(value).toLocaleString(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short' }) : null;
}

/** The names of the areas tokens are limited to, asked once for the codes on the page. */
function useAreaNames(codes: string[]) {
    const dataProvider = useDataProvider<ZhiliDataProvider>();
    const wanted = [...new Set(codes)].sort();
    const { data } = useQuery({
        queryKey: ['zhili', 'api-token-areas', wanted],
        queryFn: async () => {
            const { data: areas } = await dataProvider.getMany('Area', { ids: wanted });
            return Object.fromEntries(areas.map(a => [String(a.code ?? a.id), String(a.name)]));
        },
        enabled: wanted.length > 0,
        staleTime: Infinity,
    });
    return data ?? {};
}

function TokenTable({ rows }: { rows: ApiToken[] }) {
    const translate = useTranslate();
    const time = useTime();
    const areaNames = useAreaNames(rows.flatMap(r => (r.scopeCode ? [r.scopeCode] : [])));
    const [revoking, setRevoking] = useState<ApiToken | null>(null);
    const field = (name: string) => translate(`zhili.api_tokens.fields.${name}`);
    return (
        <Box sx={SCROLL}>
            <Table size="small">
                <TableHead>
                    <TableRow>
                        {['name', 'prefix', 'username', 'scope', 'created_at', 'expires_at', 'last_used_at', 'status'].map(name => (
                            <TableCell key={name}>{field(name)}</TableCell>
                        ))}
                        <TableCell />
                    </TableRow>
                </TableHead>
                <TableBody>
                    {rows.map(row => {
                        const status = tokenStatus(row);
                        return (
                            <TableRow key={row.id} data-token={row.prefix} data-status={status}>
                                <TableCell sx={{ minWidth: 120 }}>{row.name}</TableCell>
                                <TableCell sx={{ fontFamily: 'monospace' }}>{row.prefix}</TableCell>
                                <TableCell>{row.username}</TableCell>
                                <TableCell data-scope={row.scopeCode ?? ''}>
                                    {row.scopeCode ? (
                                        <>
                                            {areaNames[row.scopeCode] ?? ''}
                                            <Typography variant="caption" color="text.secondary" display="block">{row.scopeCode}</Typography>
                                        </>
                                    ) : (
                                        <Typography variant="body2" color="text.secondary">{translate('zhili.api_tokens.whole_scope')}</Typography>
                                    )}
                                </TableCell>
                                <TableCell sx={{ whiteSpace: 'nowrap' }}>{time(row.createdAt)}</TableCell>
                                <TableCell sx={{ whiteSpace: 'nowrap' }}>{time(row.expiresAt)}</TableCell>
                                <TableCell sx={{ whiteSpace: 'nowrap' }} data-last-used={row.lastUsedAt ?? ''}>
                                    {time(row.lastUsedAt) ?? translate('zhili.api_tokens.never')}
                                </TableCell>
                                <TableCell>
                                    <Chip size="small" color={STATUS_COLOURS[status]} label={translate(`zhili.api_tokens.statuses.${status}`)} />
                                </TableCell>
                                <TableCell align="right">
                                    {status === 'active' && (
                                        <Button size="small" color="error" onClick={() => setRevoking(row)} data-revoke={row.prefix}>
                                            {translate('zhili.api_tokens.revoke.button')}
                                        </Button>
                                    )}
                                </TableCell>
                            </TableRow>
                        );
                    })}
                </TableBody>
            </Table>
            {revoking && <RevokeDialog token={revoking} onClose={() => setRevoking(null)} />}
        </Box>
    );
}

function RevokeDialog({ token, onClose }: { token: ApiToken; onClose: () => void }) {
    const translate = useTranslate();
    const dataProvider = useDataProvider<ZhiliDataProvider>();
    const queryClient = useQueryClient();
    const notify = useNotify();
    const [busy, setBusy] = useState(false);
    const revoke = async () => {
        setBusy(true);
        try {
            const revoked = await dataProvider.revokeApiToken(token.id);
            queryClient.setQueryData<ApiToken[]>(KEY, rows => rows?.map(r => (r.id === revoked.id ? revoked : r)));
            notify('zhili.api_tokens.revoke.done', { type: 'success', messageArgs: { name: token.name } });
            onClose();
            await queryClient.invalidateQueries({ queryKey: KEY });
        } catch (error: any) {
            notify('zhili.action.failed', { type: 'error', messageArgs: { message: error?.message ?? '' } });
            setBusy(false);
        }
    };
    return (
        <Confirm
            isOpen
            loading={busy}
            title={translate('zhili.api_tokens.revoke.title')}
            content={translate('zhili.api_tokens.revoke.confirm', { name: token.name, prefix: token.prefix })}
            confirm={translate('zhili.api_tokens.revoke.button')}
            confirmColor="warning"
            onConfirm={revoke}
            onClose={onClose}
        />
    );
}

function CreateDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (name: string, secret: string) => void }) {
    const translate = useTranslate();
    const dataProvider = useDataProvider<ZhiliDataProvider>();
    const queryClient = useQueryClient();
    const notify = useNotify();
    const [serverError, setServerError] = useState<string | null>(null);
    const label = (name: string) => translate(`zhili.api_tokens.fields.${name}`);
    const hint = (name: string) => translate(`zhili.api_tokens.hints.${name}`);
    const submit = async (values: Record<string, any>) => {
        setServerError(null);
        try {
            const { token, secret } = await dataProvider.createApiToken({
                name: values.name ?? '',
                days: Number(values.days),
                username: values.username,
                scopeCode: values.scopeCode,
            });
            notify('zhili.api_tokens.created', { type: 'success', messageArgs: { name: token.name } });
            onCreated(token.name, secret);
            await queryClient.invalidateQueries({ queryKey: KEY });
            return undefined;
        } catch (error: any) {
            const { root, ...onFields } = error?.body?.errors ?? {};
            if (root?.serverError || !Object.keys(onFields).length) setServerError(root?.serverError ?? error?.message ?? '');
            return Object.keys(onFields).length ? onFields : undefined;
        }
    };
    return (
        <Dialog open onClose={onClose} fullWidth maxWidth="sm" data-dialog="createApiToken">
            <Form onSubmit={submit} record={{ name: '', days: 90, username: '', scopeCode: '' }}>
                <DialogTitle>{translate('zhili.api_tokens.create')}</DialogTitle>
                <DialogContent>
                    <TextInput source="name" label={label('name')} helperText={hint('name')} validate={required()} fullWidth autoFocus />
                    <NumberInput source="days" label={label('days')} helperText={hint('days')} validate={required()} step={1} fullWidth />
                    <TextInput source="username" label={label('username')} helperText={hint('username')} fullWidth />
                    <ScopeInput label={label('scope_code')} />
                    {serverError && (
                        <Typography color="error" variant="body2" sx={{ mt: 2 }} data-testid="server-error">
                            {translate('zhili.action.failed', { message: serverError })}
                        </Typography>
                    )}
                </DialogContent>
                <DialogActions>
                    <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
                    <SaveButton label={translate('zhili.api_tokens.create')} alwaysEnable icon={<></>} />
                </DialogActions>
            </Form>
        </Dialog>
    );
}

/** 限定区划代码: a county or township picked by name (AreaPicker), cleared for no limit; the
 * server's message on `scopeCode` shows under it. */
function ScopeInput({ label }: { label: string }) {
    const translate = useTranslate();
    const { field, fieldState } = useInput({ source: 'scopeCode' });
    const [area, setArea] = useState<AreaRef | null>(null);
    const choose = (next: AreaRef | null) => {
        setArea(next);
        field.onChange(next?.code ?? '');
    };
    const error = fieldState.error?.message;
    return (
        <Box sx={{ mt: 1 }} data-testid="scope-input">
            <Stack direction="row" spacing={1} alignItems="center">
                <AreaPicker value={area} onChange={choose} label={label} />
                {area && <Button size="small" onClick={() => choose(null)}>{translate('zhili.api_tokens.clear_scope')}</Button>}
                {area && <Typography variant="caption" color="text.secondary" data-scope-code={area.code}>{area.code}</Typography>}
            </Stack>
            <FormHelperText error={Boolean(error)} sx={{ mx: 1.75 }}>{error ? translate(error, { _: error }) : translate('zhili.api_tokens.hints.scope')}</FormHelperText>
        </Box>
    );
}

function SecretDialog({ secret, onClose }: { secret: string; onClose: () => void }) {
    const translate = useTranslate();
    const notify = useNotify();
    const copy = async () => {
        try {
            await navigator.clipboard.writeText(secret);
            notify('zhili.api_tokens.secret.copied', { type: 'success' });
        } catch {
            notify('zhili.api_tokens.secret.copy_failed', { type: 'warning' });
        }
    };
    // closed only by its button: a stray click beside it must not lose the secret
    return (
        <Dialog open fullWidth maxWidth="md" data-dialog="apiTokenSecret" disableEscapeKeyDown>
            <DialogTitle>{translate('zhili.api_tokens.secret.title')}</DialogTitle>
            <DialogContent>
                <Alert severity="warning" sx={{ mb: 2 }} data-testid="secret-warning">{translate('zhili.api_tokens.secret.warning')}</Alert>
                <Stack direction="row" spacing={1} alignItems="center">
                    <TextField
                        label={translate('zhili.api_tokens.secret.label')}
                        value={secret}
                        fullWidth
                        slotProps={{ htmlInput: { readOnly: true, 'data-testid': 'token-secret', style: { fontFamily: 'monospace' } } }}
                        onFocus={event => event.target.select()}
                    />
                    <Button variant="contained" startIcon={<ContentCopyIcon />} onClick={copy} data-testid="copy-secret" sx={{ flexShrink: 0 }}>
                        {translate('zhili.api_tokens.secret.copy')}
                    </Button>
                </Stack>
                <Typography variant="body2" sx={{ mt: 2 }}>{translate('zhili.api_tokens.secret.usage')}</Typography>
                <Box component="pre" sx={{ p: 1.5, bgcolor: 'action.hover', borderRadius: 1, overflowX: 'auto', fontSize: 13 }} data-testid="secret-header">
                    Authorization: Bearer {secret}
                </Box>
            </DialogContent>
            <DialogActions>
                <Button variant="contained" onClick={onClose} data-testid="secret-done">{translate('zhili.api_tokens.secret.done')}</Button>
            </DialogActions>
        </Dialog>
    );
}
