/**
 * 我的待办: what is dispatched or assigned to the user's unit and still open, earliest deadline (so
 * overdue) first, with the entity's workflow actions on each row. Which filter means "my unit" and
 * which statuses are finished is domain knowledge, declared here once per entity.
 */
import { Box, Card, CardHeader, Stack, Typography } from '@mui/material';
import { Title, useLocaleState, usePermissions, useTranslate } from 'react-admin';
import type { Me, ResourceModel } from '../dataProvider';
import { openStatuses, RecordTable } from '../resources/RecordTable';
import { useApiModel } from '../resources/useApiModel';

interface Inbox {
    resource: string;
    /** the list filter naming the handling unit */
    unitFilter: string;
    /** statuses in which nothing is left for the unit to do */
    finished: string[];
}

const INBOXES: Inbox[] = [
    { resource: 'Report', unitFilter: 'currentUnit', finished: ['fed_back', 'verified', 'closed', 'returned'] },
    { resource: 'CreationTask', unitFilter: 'unit', finished: ['submitted', 'accepted', 'completed'] },
    { resource: 'Dispute', unitFilter: 'handlingUnit', finished: ['performed', 'closed', 'failed'] },
    { resource: 'EnterpriseProblem', unitFilter: 'handlingUnit', finished: ['answered', 'closed'] },
];

function InboxSection({ inbox, model, unitId }: { inbox: Inbox; model: ResourceModel; unitId: string }) {
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const open = openStatuses(model, inbox.finished);
    const filter = { [inbox.unitFilter]: unitId, ...(open.length ? { status: open } : {}) };
    return (
        <Card data-inbox={model.name}>
            <CardHeader
                title={translate(`zhili.my_work.sections.${model.name}`, { _: model.label[locale === 'en' ? 'en' : 'zh'] })}
                titleTypographyProps={{ variant: 'subtitle1', fontWeight: 600 }}
            />
            <RecordTable model={model} filter={filter} empty={translate('zhili.my_work.empty')} />
        </Card>
    );
}

export function MyWork() {
    const translate = useTranslate();
    const api = useApiModel();
    const { permissions } = usePermissions<Me>();
    const unitId = permissions?.grants.find(g => g.unitId)?.unitId;
    const inboxes = INBOXES.filter(i => {
        const model = api?.byName[i.resource];
        return model?.list && model.permissions.view && model.filters.some(f => f.name === i.unitFilter);
    });
    return (
        <Box sx={{ mt: 1, mb: 2 }} data-testid="my-work">
            <Title title={translate('zhili.my_work.title')} />
            <Typography variant="h5">{translate('zhili.my_work.title')}</Typography>
            <Typography color="text.secondary" sx={{ mb: 2 }}>{translate('zhili.my_work.intro')}</Typography>
            {!unitId ? (
                <Typography>{translate('zhili.my_work.no_unit')}</Typography>
            ) : (
                <Stack spacing={2}>
                    {inboxes.map(inbox => (
                        <InboxSection key={inbox.resource} inbox={inbox} model={api!.byName[inbox.resource]} unitId={unitId} />
                    ))}
                </Stack>
            )}
        </Box>
    );
}
