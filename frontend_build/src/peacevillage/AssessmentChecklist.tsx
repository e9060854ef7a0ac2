/** 考评项目 tab of a peace-village assessment: the 五有 / 六无 items with their results. Automatic
 * items show 自动核验 and the reason the data gives; manual items are set here while the assessment
 * is a draft and the reader may change it (setPeaceVillageItem); the server's refusals show in Chinese. */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Box, Button, Chip, CircularProgress, Paper, Stack, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { ResourceModel, ZhiliDataProvider } from '../dataProvider';
import { GROUPS, itemsOf, pendingCount, withChecklist, type AssessmentItemRow } from './rules';

function ResultChip({ passed }: { passed: boolean | null }) {
    const translate = useTranslate();
    if (passed === null) return <Chip size="small" label={translate('zhili.peace_village.pending')} data-result="pending" />;
    return passed ? (
        <Chip size="small" color="success" label={translate('zhili.peace_village.passed')} data-result="passed" />
    ) : (
        <Chip size="small" color="error" label={translate('zhili.peace_village.failed')} data-result="failed" />
    );
}

function ManualEditor({ row }: { row: AssessmentItemRow }) {
    const translate = useTranslate();
    const dataProvider = useDataProvider<ZhiliDataProvider>();
    const notify = useNotify();
    const refresh = useRefresh();
    const [passed, setPassed] = useState<boolean | null>(row.passed);
    const [note, setNote] = useState(row.note);
    const [error, setError] = useState<string | null>(null);
    const [saving, setSaving] = useState(false);
    const changed = passed !== row.passed || note !== row.note;
    const save = async () => {
        if (passed === null) return;
        setSaving(true);
        setError(null);
        try {
            await dataProvider.setPeaceVillageItem(row.id, passed, note);
            notify('zhili.peace_village.saved', { type: 'success', messageArgs: { code: row.item.code } });
            refresh();
        } catch (failure: any) {
            setError(failure?.message ?? '');
        } finally {
            setSaving(false);
        }
    };
    return (
        <Stack spacing={1} sx={{ mt: 1 }}>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} alignItems={{ sm: 'center' }}>
                <ToggleButtonGroup size="small" exclusive value={passed} onChange={(_, value) => value !== null && setPassed(value)}>
                    <ToggleButton value={true} color="success" data-set="passed">{translate('zhili.peace_village.passed')}</ToggleButton>
                    <ToggleButton value={false} color="error" data-set="failed">{translate('zhili.peace_village.failed')}</ToggleButton>
                </ToggleButtonGroup>
                <TextField size="small" label={translate('zhili.peace_village.note')} value={note} onChange={e => setNote(e.target.value)}
                    inputProps={{ maxLength: 500, 'data-note': row.item.code }} sx={{ flex: 1 }} />
                <Button variant="contained" size="small" disabled={!changed || passed === null || saving} onClick={save} data-save={row.item.code}>
                    {translate('zhili.peace_village.save')}
                </Button>
            </Stack>
            {error && <Alert severity="error" data-testid="item-error">{translate('zhili.action.failed', { message: error })}</Alert>}
        </Stack>
    );
}

function ItemRow({ row, editable }: { row: AssessmentItemRow; editable: boolean }) {
    const translate = useTranslate();
    return (
        <Paper variant="outlined" sx={{ p: 1.5 }} data-item={row.item.code} data-auto={row.auto ? 'true' : 'false'}>
            <Stack direction="row" spacing={1} alignItems="flex-start" justifyContent="space-between">
                <Box>
                    <Typography variant="body2" fontWeight={600} component="span">{row.item.code}</Typography>{' '}
                    <Typography variant="body2" component="span">{row.item.text}</Typography>
                    <Typography variant="caption" color="text.secondary" display="block">
                        {translate('zhili.peace_village.weight', { weight: row.item.weight })}
                    </Typography>
                </Box>
                <Stack direction="row" spacing={1} flexShrink={0}>
                    <Chip size="small" variant="outlined" color={row.auto ? 'info' : 'default'}
                        label={translate(row.auto ? 'zhili.peace_village.auto' : 'zhili.peace_village.manual')} />
                    <ResultChip passed={row.passed} />
                </Stack>
            </Stack>
            {row.auto ? (
                <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }} data-reason>
                    {translate('zhili.peace_village.reason', { reason: row.note || '—' })}
                    <Typography variant="caption" display="block">{translate('zhili.peace_village.auto_hint')}</Typography>
                </Typography>
            ) : editable ? (
                <ManualEditor key={`${row.passed}-${row.note}`} row={row} />
            ) : (
                row.note && <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>{translate('zhili.peace_village.note')}：{row.note}</Typography>
            )}
        </Paper>
    );
}

export function AssessmentChecklist({ model }: { model: ResourceModel }) {
    const record = useRecordContext();
    const translate = useTranslate();
    const dataProvider = useDataProvider<ZhiliDataProvider>();
    const checklist = useQuery({
        queryKey: ['zhili', 'peace-village', 'checklist'],
        queryFn: () => dataProvider.peaceVillageChecklist(),
        staleTime: 10 * 60 * 1000,
    });
    if (checklist.isPending) return <CircularProgress size={24} />;
    const rows = withChecklist(record?.items ?? [], checklist.data ?? []);
    if (!rows.length) return <Typography color="text.secondary">{translate('zhili.peace_village.empty')}</Typography>;
    const editable = record?.status === 'draft' && model.permissions.change;
    const status = model.fields.find(f => f.name === 'status')?.choices.find(c => c.value === record?.status)?.label ?? record?.status;
    const pending = pendingCount(rows);
    return (
        <Stack spacing={2} data-testid="assessment-checklist">
            <Typography variant="subtitle1" fontWeight={600} data-testid="assessment-summary">
                {translate('zhili.peace_village.summary', {
                    score: record?.score,
                    done: rows.length - pending,
                    total: rows.length,
                    qualified: translate(record?.qualified ? 'zhili.peace_village.qualified' : 'zhili.peace_village.not_qualified'),
                })}
            </Typography>
            {record?.status !== 'draft' && (
                <Alert severity="info">{translate(record?.status === 'approved' ? 'zhili.peace_village.approved' : 'zhili.peace_village.locked', { status })}</Alert>
            )}
            {record?.status === 'draft' && !model.permissions.change && <Alert severity="info">{translate('zhili.peace_village.may_not_change')}</Alert>}
            {editable && pending > 0 && <Alert severity="warning">{translate('zhili.peace_village.pending_count', { count: pending })}</Alert>}
            {GROUPS.map(group => (
                <Stack key={group} spacing={1} data-group={group}>
                    <Typography variant="subtitle2">{translate(`zhili.peace_village.${group}`)}</Typography>
                    {itemsOf(rows, group).map(row => <ItemRow key={row.id} row={row} editable={editable} />)}
                </Stack>
            ))}
        </Stack>
    );
}
