/** A compact table of an entity's records for custom pages (my work, the township board): its list
 * columns, an overdue mark, and its workflow actions in one "办理" menu per row. */
import { Chip, Stack, Typography } from '@mui/material';
import {
    Datagrid,
    ListBase,
    Pagination,
    ResourceContextProvider,
    ShowButton,
    useListContext,
    useRecordContext,
    useTranslate,
} from 'react-admin';
import type { ResourceModel } from '../dataProvider';
import { ActionButtons } from './ActionButtons';
import { ValueField } from './fields';

// short values that read badly when broken over two lines
const NO_WRAP = Object.fromEntries(
    ['number', 'code', 'status', 'deadline', 'progress'].map(name => [`& .column-${name}`, { whiteSpace: 'nowrap' }])
);

function OverdueChip() {
    const record = useRecordContext();
    const translate = useTranslate();
    const overdue = record?.overdue ?? (record?.deadline && new Date(record.deadline) < new Date());
    return overdue ? <Chip size="small" color="error" label={translate('zhili.my_work.overdue')} /> : null;
}

function Rows({ model, empty }: { model: ResourceModel; empty: string }) {
    const { total, isPending } = useListContext();
    if (!isPending && !total) return <Typography color="text.secondary" sx={{ px: 2, pb: 2 }}>{empty}</Typography>;
    const columns = model.listColumns.map(n => model.fields.find(f => f.name === n)!).filter(Boolean);
    return (
        <>
            <Datagrid bulkActionButtons={false} rowClick="show" sx={NO_WRAP}>
                {columns.map(field => (
                    <ValueField key={field.name} field={field} source={field.name} sortable={model.sortable.includes(field.name)} />
                ))}
                <OverdueChip />
                <Stack direction="row" onClick={e => e.stopPropagation()}>
                    <ActionButtons model={model} compact />
                    <ShowButton />
                </Stack>
            </Datagrid>
            <Pagination rowsPerPageOptions={[10, 25]} />
        </>
    );
}

export function RecordTable({ model, filter, empty }: { model: ResourceModel; filter: Record<string, unknown>; empty: string }) {
    const sortable = model.sortable.includes('deadline');
    return (
        <ResourceContextProvider value={model.name}>
            <ListBase
                resource={model.name}
                filter={filter}
                sort={sortable ? { field: 'deadline', order: 'ASC' } : undefined}
                perPage={10}
                disableSyncWithLocation
            >
                <Rows model={model} empty={empty} />
            </ListBase>
        </ResourceContextProvider>
    );
}

/** The statuses of a resource except the given finished ones: what is still open. */
export const openStatuses = (model: ResourceModel, finished: string[]) =>
    (model.fields.find(f => f.name === 'status')?.choices ?? []).map(c => c.value).filter(v => !finished.includes(v));
