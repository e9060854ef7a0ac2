/** What a missing record looks like — and a forbidden one, which the API makes look the same. */
import { Box, Button, Card, CardContent, Typography } from '@mui/material';
import SearchOffIcon from '@mui/icons-material/SearchOff';
import { Link } from 'react-router-dom';
import { useCreatePath, useResourceContext, useTranslate } from 'react-admin';

export function RecordNotFound() {
    const translate = useTranslate();
    const resource = useResourceContext();
    const createPath = useCreatePath();
    return (
        <Card sx={{ mt: 2 }} data-testid="record-not-found">
            <CardContent>
                <Box display="flex" alignItems="center" gap={2}>
                    <SearchOffIcon color="disabled" sx={{ fontSize: 56 }} />
                    <Box>
                        <Typography variant="h5">{translate('zhili.not_found.title')}</Typography>
                        <Typography color="text.secondary">{translate('zhili.not_found.text')}</Typography>
                    </Box>
                </Box>
                {resource && (
                    <Button component={Link} to={createPath({ resource, type: 'list' })} sx={{ mt: 2 }}>
                        {translate('zhili.not_found.back')}
                    </Button>
                )}
            </CardContent>
        </Card>
    );
}
