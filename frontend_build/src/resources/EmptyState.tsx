/** An empty list says what to do next. */
import { Box, Typography } from '@mui/material';
import InboxIcon from '@mui/icons-material/Inbox';
import { CreateButton, useGetResourceLabel, useResourceContext, useTranslate } from 'react-admin';
import { useResourceModel } from './useApiModel';

export function EmptyState() {
    const translate = useTranslate();
    const resource = useResourceContext() ?? '';
    const model = useResourceModel();
    const name = useGetResourceLabel()(resource, 2);
    const mayCreate = Boolean(model?.create && model.permissions.add);
    return (
        <Box textAlign="center" m={4} data-testid="empty-list">
            <InboxIcon color="disabled" sx={{ fontSize: 72 }} />
            <Typography variant="h6">{translate('zhili.empty.title', { name })}</Typography>
            <Typography color="text.secondary" gutterBottom>
                {translate(mayCreate ? 'zhili.empty.create' : 'zhili.empty.nothing')}
            </Typography>
            {mayCreate && <CreateButton variant="contained" />}
        </Box>
    );
}
