/**
 * 一轴八员: a township's eight teams with their members and how many open disputes each holds, and
 * the township's open disputes with their actions (assign mediators …), for the township 政法委员.
 * The township is the user's own when their grant is a township, else picked within their scope.
 */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Autocomplete, Box, Button, Card, CardContent, CardHeader, Chip, List, ListItem, ListItemText, TextField, Typography } from '@mui/material';
import { Title, useDataProvider, usePermissions, useTranslate } from 'react-admin';
import type { Me, TeamLoad, ZhiliDataProvider } from '../dataProvider';
import { openStatuses, RecordTable } from '../resources/RecordTable';
import { useApiModel } from '../resources/useApiModel';

const SHOWN = 8;
const isTownship = (code: string) => /^\d{9}000$/.test(code) && !code.endsWith('000000');

function TeamCard({ team }: { team: TeamLoad }) {
    const translate = useTranslate();
    const [all, setAll] = useState(false);
    const members = [...team.members].sort((a, b) => b.openDisputes - a.openDisputes);
    return (
        <Card data-team={team.kind}>
            <CardHeader title={team.label} subheader={translate('zhili.teams.people', { count: members.length })} titleTypographyProps={{ variant: 'subtitle1', fontWeight: 600 }} />
            <CardContent sx={{ pt: 0 }}>
                <List dense>
                    {(all ? members : members.slice(0, SHOWN)).map(({ member, openDisputes }) => (
                        <ListItem key={member.id} secondaryAction={<Chip size="small" color={openDisputes > 3 ? 'warning' : 'default'} label={`${translate('zhili.teams.load')} ${openDisputes}`} />}>
                            <ListItemText primary={`${member.name}${member.isMediator ? ` · ${translate('zhili.teams.mediator')}` : ''}`} secondary={`${member.title} ${member.unit.name}`} />
                        </ListItem>
                    ))}
                </List>
                {members.length > SHOWN && (
                    <Button size="small" onClick={() => setAll(!all)}>
                        {all ? translate('zhili.teams.less') : translate('zhili.teams.more', { count: members.length })}
                    </Button>
                )}
            </CardContent>
        </Card>
    );
}

export function TeamsBoard() {
    const translate = useTranslate();
    const api = useApiModel();
    const dataProvider = useDataProvider<ZhiliDataProvider>();
    const { permissions } = usePermissions<Me>();
    const ownGrant = permissions?.grants.find(g => isTownship(g.scopeCode));
    const own = ownGrant?.scopeCode;
    const [picked, setPicked] = useState<{ id: string; name: string } | null>(null);
    const shown = picked ?? (ownGrant ? { id: ownGrant.scopeCode, name: ownGrant.scopeName } : null);
    const [search, setSearch] = useState('');
    const areaCode = picked?.id ?? own;
    const townships = useQuery({
        queryKey: ['zhili', 'townships', search],
        queryFn: () => dataProvider.getList('Area', { filter: { level: 4, q: search }, pagination: { page: 1, perPage: 20 }, sort: { field: 'code', order: 'ASC' } }),
        enabled: !own || Boolean(search),
    });
    const teams = useQuery({
        queryKey: ['zhili', 'teams', areaCode],
        queryFn: () => dataProvider.townshipTeams(areaCode!),
        enabled: Boolean(areaCode),
    });
    const disputes = api?.byName.Dispute;
    return (
        <Box sx={{ mt: 1, mb: 2 }} data-testid="teams-board">
            <Title title={translate('zhili.teams.title')} />
            <Typography variant="h5" sx={{ mb: 2 }}>{translate('zhili.teams.title')}</Typography>
            <Autocomplete
                sx={{ maxWidth: 360, mb: 2 }}
                options={(townships.data?.data ?? []) as { id: string; name: string }[]}
                getOptionLabel={o => o.name}
                value={shown}
                isOptionEqualToValue={(option, value) => option.id === value.id}
                onChange={(_, value) => setPicked(value)}
                onInputChange={(_, value) => setSearch(value)}
                renderInput={params => <TextField {...params} label={translate('zhili.teams.area')} placeholder={translate('zhili.teams.pick')} />}
            />
            {teams.data && teams.data.length === 0 && <Typography color="text.secondary">{translate('zhili.teams.empty')}</Typography>}
            <Box display="grid" gridTemplateColumns={{ xs: '1fr', md: '1fr 1fr', xl: 'repeat(4, 1fr)' }} gap={2} alignItems="start">
                {(teams.data ?? []).map(team => <TeamCard key={team.kind} team={team} />)}
            </Box>
            {areaCode && disputes?.list && disputes.permissions.view && (
                <Card sx={{ mt: 2 }} data-testid="township-disputes">
                    <CardHeader title={translate('zhili.teams.disputes')} titleTypographyProps={{ variant: 'subtitle1', fontWeight: 600 }} />
                    <RecordTable
                        model={disputes}
                        filter={{ area: areaCode, status: openStatuses(disputes, ['agreed', 'failed', 'performed', 'closed']) }}
                        empty={translate('zhili.my_work.empty')}
                    />
                </Card>
            )}
        </Box>
    );
}
