/** The list page of any entity: its columns, filters, sort keys and bulk delete, from the model. */
import {
    BulkDeleteButton,
    CreateButton,
    Datagrid,
    ExportButton,
    FilterButton,
    List,
    TopToolbar,
    useLocaleState,
} from 'react-admin';
import { EmptyState } from './EmptyState';
import { ValueField } from './fields';
import { filterInputs } from './filters';
import { useApiModel, useResourceModel } from './useApiModel';

function ListActions({ mayCreate, hasFilters }: { mayCreate: boolean; hasFilters: boolean }) {
    return (
        <TopToolbar>
            {hasFilters && <FilterButton />}
            {mayCreate && <CreateButton />}
            <ExportButton maxResults={100} />
        </TopToolbar>
    );
}

export function GenericList() {
    const api = useApiModel();
    const model = useResourceModel();
    const [locale] = useLocaleState();
    if (!api || !model) return null;
    const lang = locale === 'en' ? 'en' : 'zh';
    const filters = filterInputs(api, model, lang);
    const columns = model.listColumns.map(name => model.fields.find(f => f.name === name)!).filter(Boolean);
    const sortField = ['deadline', 'registeredOn', 'registeredAt', 'createdAt', 'code', 'id'].find(f => model.sortable.includes(f));
    const mayDelete = Boolean(model.delete && model.permissions.delete);
    return (
        <List
            filters={filters}
            sort={sortField ? { field: sortField, order: sortField === 'code' ? 'ASC' : 'DESC' } : undefined}
            perPage={25}
            empty={<EmptyState />}
            actions={<ListActions mayCreate={Boolean(model.create && model.permissions.add)} hasFilters={filters.length > 1} />}
        >
            <Datagrid
                rowClick={model.detail ? 'show' : false}
                bulkActionButtons={mayDelete ? <BulkDeleteButton mutationMode="pessimistic" /> : false}
            >
                {columns.map(field => (
                    <ValueField key={field.name} field={field} source={field.name} sortable={model.sortable.includes(field.name)} />
                ))}
            </Datagrid>
        </List>
    );
}
