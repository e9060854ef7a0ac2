/**
 * 派单台: for a governance centre, the reports it registered that wait on it — new ones to dispatch,
 * returned ones to dispatch again, fed-back ones to verify — each with the report's actions.
 */
import { Box, Card, CardHeader, Stack, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { RecordTable } from '../resources/RecordTable';
import { useApiModel } from '../resources/useApiModel';

const STAGES: { key: string; status: string }[] = [
    { key: 'to_dispatch', status: 'registered' },
    { key: 'returned', status: 'returned' },
    { key: 'to_verify', status: 'fed_back' },
];

export function DispatchBoard() {
    const translate = useTranslate();
    const reports = useApiModel()?.byName.Report;
    return (
        <Box sx={{ mt: 1, mb: 2 }} data-testid="dispatch-board">
            <Title title={translate('zhili.dispatch.title')} />
            <Typography variant="h5">{translate('zhili.dispatch.title')}</Typography>
            <Typography color="text.secondary" sx={{ mb: 2 }}>{translate('zhili.dispatch.intro')}</Typography>
            {reports?.list && (
                <Stack spacing={2}>
                    {STAGES.map(stage => (
                        <Card key={stage.key} data-stage={stage.key}>
                            <CardHeader title={translate(`zhili.dispatch.${stage.key}`)} titleTypographyProps={{ variant: 'subtitle1', fontWeight: 600 }} />
                            <RecordTable model={reports} filter={{ status: stage.status }} empty={translate('zhili.dispatch.empty')} />
                        </Card>
                    ))}
                </Stack>
            )}
        </Box>
    );
}
