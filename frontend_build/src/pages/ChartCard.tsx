/** One chart of the dashboard in a card: a placeholder while it loads, "暂无数据" when empty. The
 * card carries its name and total (data-chart-card, data-total) for the browser tests. */
import { Card, CardContent, CardHeader, Skeleton, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { EChart, type ChartOption } from './EChart';

export function ChartCard({ title, name, option, total, loading, wide, height = 280 }: { title: string; name: string; option?: ChartOption; total?: number; loading: boolean; wide?: boolean; height?: number }) {
    const translate = useTranslate();
    return (
        <Card sx={{ gridColumn: wide ? { md: 'span 2' } : undefined }} data-chart-card={name} data-total={total ?? ''}>
            <CardHeader title={title} titleTypographyProps={{ variant: 'subtitle1', fontWeight: 600 }} sx={{ pb: 0 }} />
            <CardContent>
                {loading || !option ? (
                    <Skeleton variant="rectangular" height={height} />
                ) : total === 0 ? (
                    <Typography color="text.secondary" sx={{ height, display: 'grid', placeItems: 'center' }}>{translate('zhili.dashboard.no_data')}</Typography>
                ) : (
                    <EChart option={option} name={name} height={height} />
                )}
            </CardContent>
        </Card>
    );
}

