/** 法律智能推荐 for a dispute: the provisions that bear on it (law, article, text) with 有用 / 无用
 * marks that tune later recommendations, and similar disputes already resolved, linked. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Box, Button, ButtonGroup, Card, CardContent, CircularProgress, Stack, Typography } from '@mui/material';
import ThumbUpIcon from '@mui/icons-material/ThumbUpOutlined';
import ThumbDownIcon from '@mui/icons-material/ThumbDownOutlined';
import { useDataProvider, useNotify, useRecordContext, useTranslate } from 'react-admin';
import type { LegalRecommendation, ResourceModel, ZhiliDataProvider } from '../dataProvider';

type Provision = LegalRecommendation['provisions'][number];

export function LegalPanel(_props: { model: ResourceModel }) {
    const record = useRecordContext();
    const translate = useTranslate();
    const dataProvider = useDataProvider<ZhiliDataProvider>();
    const key = ['zhili', 'legal', String(record?.id)];
    const recommended = useQuery({
        queryKey: key,
        queryFn: () => dataProvider.legalRecommendations(String(record!.id)),
        enabled: record?.id != null,
    });
    if (recommended.isPending) return <CircularProgress size={24} />;
    const data = recommended.data;
    if (recommended.error || !data) return <Typography color="text.secondary">{translate('zhili.legal.unavailable')}</Typography>;
    return (
        <Box display="grid" gridTemplateColumns={{ xs: '1fr', lg: '3fr 2fr' }} gap={3} data-testid="legal-panel">
            <Stack spacing={1.5}>
                <Typography variant="subtitle1" fontWeight={600}>{translate('zhili.legal.provisions')}</Typography>
                {!data.provisions.length && <Typography color="text.secondary">{translate('zhili.legal.no_provisions')}</Typography>}
                {data.provisions.map(p => <ProvisionCard key={p.key} provision={p} disputeId={String(record!.id)} queryKey={key} />)}
            </Stack>
            <Stack spacing={1.5}>
                <Typography variant="subtitle1" fontWeight={600}>{translate('zhili.legal.similar')}</Typography>
                {!data.similarDisputes.length && <Typography color="text.secondary">{translate('zhili.legal.no_similar')}</Typography>}
                {data.similarDisputes.map(d => <SimilarCard key={d.id} dispute={d} />)}
            </Stack>
        </Box>
    );
}

function ProvisionCard({ provision, disputeId, queryKey }: { provision: Provision; disputeId: string; queryKey: string[] }) {
    const translate = useTranslate();
    const dataProvider = useDataProvider<ZhiliDataProvider>();
    const notify = useNotify();
    const queryClient = useQueryClient();
    const mark = async (useful: boolean) => {
        try {
            await dataProvider.markRecommendation(disputeId, provision.key, useful);
            queryClient.setQueryData<LegalRecommendation | null>(queryKey, old =>
                old && { ...old, provisions: old.provisions.map(p => (p.key === provision.key ? { ...p, feedback: useful } : p)) }
            );
            notify('zhili.legal.marked', { type: 'success' });
        } catch (error: any) {
            notify('zhili.action.failed', { type: 'error', messageArgs: { message: error?.message ?? '' } });
        }
    };
    return (
        <Card variant="outlined" data-provision={provision.key}>
            <CardContent sx={{ pb: '12px !important' }}>
                <Stack direction="row" justifyContent="space-between" alignItems="flex-start" spacing={2}>
                    <Box>
                        <Typography variant="body1" fontWeight={600}>{provision.shortLaw || provision.law} {provision.articleLabel}</Typography>
                        <Typography variant="caption" color="text.secondary">{provision.law}{provision.chapter ? ` · ${provision.chapter}` : ''}</Typography>
                    </Box>
                    <ButtonGroup size="small" aria-label={translate('zhili.legal.feedback')}>
                        <Button startIcon={<ThumbUpIcon />} variant={provision.feedback === true ? 'contained' : 'outlined'} onClick={() => mark(true)} data-mark="useful">
                            {translate('zhili.legal.useful')}
                        </Button>
                        <Button startIcon={<ThumbDownIcon />} variant={provision.feedback === false ? 'contained' : 'outlined'} onClick={() => mark(false)} data-mark="useless">
                            {translate('zhili.legal.useless')}
                        </Button>
                    </ButtonGroup>
                </Stack>
                <Typography variant="body2" sx={{ mt: 1, whiteSpace: 'pre-wrap' }}>{provision.text}</Typography>
            </CardContent>
        </Card>
    );
}

/** A similar resolved dispute, names removed; not linked, as it may lie outside the reader's scope. */
function SimilarCard({ dispute }: { dispute: LegalRecommendation['similarDisputes'][number] }) {
    const translate = useTranslate();
    return (
        <Card variant="outlined">
            <CardContent sx={{ pb: '12px !important' }}>
                <Typography variant="body2" fontWeight={600}>{dispute.title}</Typography>
                <Typography variant="caption" display="block" color="text.secondary">{dispute.number}</Typography>
                {dispute.excerpt && <Typography variant="body2" sx={{ mt: 0.5 }}>{dispute.excerpt}</Typography>}
                {dispute.outcome && (
                    <Typography variant="body2" color="success.main" sx={{ mt: 0.5 }}>{translate('zhili.legal.outcome')}：{dispute.outcome}</Typography>
                )}
            </CardContent>
        </Card>
    );
}
