/** The bell in the app bar: my unread notifications, asked again every minute; opens 通知. */
import { useQuery } from '@tanstack/react-query';
import { Badge, IconButton, Tooltip } from '@mui/material';
import NotificationsIcon from '@mui/icons-material/NotificationsOutlined';
import { Link } from 'react-router-dom';
import { useDataProvider, useTranslate } from 'react-admin';
import type { ZhiliDataProvider } from '../dataProvider';
import { useApiModel } from '../resources/useApiModel';

export const UNREAD_KEY = ['zhili', 'unread-notifications'];
const EVERY_MINUTE = 60_000;

export function NotificationBell() {
    const translate = useTranslate();
    const api = useApiModel();
    const dataProvider = useDataProvider<ZhiliDataProvider>();
    const offered = Boolean(api?.queries.unreadNotificationCount);
    const { data: unread = 0 } = useQuery({
        queryKey: UNREAD_KEY,
        queryFn: () => dataProvider.unreadNotificationCount(),
        enabled: offered,
        refetchInterval: EVERY_MINUTE,
    });
    if (!offered) return null;
    const label = translate('zhili.notifications.bell', { count: unread });
    return (
        <Tooltip title={label}>
            <IconButton color="inherit" component={Link} to="/notifications" aria-label={label} data-testid="notification-bell" data-unread={unread}>
                <Badge badgeContent={unread} max={99} color="error">
                    <NotificationsIcon />
                </Badge>
            </IconButton>
        </Tooltip>
    );
}
