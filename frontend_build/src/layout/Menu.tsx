/** The menu: the overview, my work, then every entity the user may see, grouped; last the
 * system part (API 令牌, which every signed-in user may manage for themselves). */
import DashboardIcon from '@mui/icons-material/Insights';
import InboxIcon from '@mui/icons-material/AssignmentInd';
import GroupsIcon from '@mui/icons-material/Groups';
import SendIcon from '@mui/icons-material/Send';
import NotificationsIcon from '@mui/icons-material/NotificationsOutlined';
import FlagIcon from '@mui/icons-material/Flag';
import RadarIcon from '@mui/icons-material/Radar';
import LeaderboardIcon from '@mui/icons-material/Leaderboard';
import KeyIcon from '@mui/icons-material/Key';
import { Divider } from '@mui/material';
import { Menu, usePermissions, useTranslate } from 'react-admin';
import type { Me } from '../dataProvider';
import { useApiModel } from '../resources/useApiModel';

// code tables, areas and the like: shown after the business records
const REFERENCE = new Set(['Area', 'Code', 'CodeTable', 'Cause', 'Unit', 'Membership', 'ReportCategory', 'DispatchRule', 'Guideline']);

export function PortalMenu() {
    const translate = useTranslate();
    const api = useApiModel();
    const { permissions } = usePermissions<Me>();
    const seesSupervision = Boolean(permissions?.isSuperuser || permissions?.permissions.includes('workflow.supervision:view'));
    const visible = (api?.resources ?? []).filter(r => r.list && r.permissions.view);
    const business = visible.filter(r => !REFERENCE.has(r.name));
    const reference = visible.filter(r => REFERENCE.has(r.name));
    return (
        <Menu>
            <Menu.DashboardItem primaryText={translate('zhili.menu.dashboard')} leftIcon={<DashboardIcon />} />
            <Menu.Item to="/my-work" primaryText={translate('zhili.menu.my_work')} leftIcon={<InboxIcon />} />
            {api?.byName.TeamMember?.permissions.view && (
                <Menu.Item to="/teams" primaryText={translate('zhili.menu.teams')} leftIcon={<GroupsIcon />} />
            )}
            {api?.byName.Report?.permissions.change && api.byName.Report.permissions.add && (
                <Menu.Item to="/dispatch" primaryText={translate('zhili.menu.dispatch')} leftIcon={<SendIcon />} />
            )}
            {api?.queries.supervisions && seesSupervision && (
                <Menu.Item to="/supervisions" primaryText={translate('zhili.menu.supervision')} leftIcon={<FlagIcon />} />
            )}
            {api?.queries.earlyWarnings && (api.byName.Dispute?.permissions.view || api.byName.Report?.permissions.view) && (
                <Menu.Item to="/early-warnings" primaryText={translate('zhili.event_graph.menu')} leftIcon={<RadarIcon />} />
            )}
            {api?.queries.peaceVillageRanking && api.byName.PeaceVillageAssessment?.permissions.view && (
                <Menu.Item to="/peace-village/ranking" primaryText={translate('zhili.peace_village.menu')} leftIcon={<LeaderboardIcon />} />
            )}
            {api?.queries.myNotifications && (
                <Menu.Item to="/notifications" primaryText={translate('zhili.menu.notifications')} leftIcon={<NotificationsIcon />} />
            )}
            <Divider />
            {business.map(r => <Menu.ResourceItem key={r.name} name={r.name} />)}
            <Divider />
            {reference.map(r => <Menu.ResourceItem key={r.name} name={r.name} />)}
            {api?.queries.apiTokens && <Divider />}
            {api?.queries.apiTokens && (
                <Menu.Item to="/api-tokens" primaryText={translate('zhili.api_tokens.menu')} leftIcon={<KeyIcon />} />
            )}
        </Menu>
    );
}
