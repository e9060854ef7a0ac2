/** Picking the area a decision page works within: the reader's widest grant to start with, then any
 * county (level 4) or township (level 5) by name. The server limits every answer to the reader's scope. */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Autocomplete, TextField } from '@mui/material';
import { useDataProvider, usePermissions } from 'react-admin';
import type { Me, ZhiliDataProvider } from '../dataProvider';

/** A wide table's box: scrolls sideways instead of widening the page (width 0 keeps the table's
 * width out of the layout's sizing; min-width 100% then fills the column). */
export const SCROLL = { overflowX: 'auto', width: 0, minWidth: '100%' } as const;

export interface AreaRef {
    code: string;
    name: string;
}

/** Significant digits of a 12-digit division code: 4 city, 6 county, 9 township, 12 village. */
export function significantDigits(code: string): number {
    if (code.endsWith('00000000')) return 4;
    if (code.endsWith('000000')) return 6;
    if (code.endsWith('000')) return 9;
    return 12;
}

/** The widest area of the reader's grants (a city before a county before a township). */
export function widestGrant(me: Me | undefined): AreaRef | null {
    const grants = [...(me?.grants ?? [])].sort((a, b) => significantDigits(a.scopeCode) - significantDigits(b.scopeCode));
    return grants[0] ? { code: grants[0].scopeCode, name: grants[0].scopeName } : null;
}

/** The reader's widest grant, or the city (level 3) for an account without grants (a superuser). */
export function useDefaultArea(): AreaRef | null {
    const { permissions } = usePermissions<Me>();
    const dataProvider = useDataProvider<ZhiliDataProvider>();
    const own = widestGrant(permissions);
    const city = useQuery({
        queryKey: ['zhili', 'city-area'],
        queryFn: () => dataProvider.getList('Area', { filter: { level: 3 }, pagination: { page: 1, perPage: 1 }, sort: { field: 'code', order: 'ASC' } }),
        enabled: Boolean(permissions) && !own,
    });
    const found = city.data?.data[0];
    return own ?? (found ? { code: String(found.code), name: String(found.name) } : null);
}

export function AreaPicker({ value, onChange, label }: { value: AreaRef | null; onChange: (area: AreaRef) => void; label: string }) {
    const dataProvider = useDataProvider<ZhiliDataProvider>();
    const [search, setSearch] = useState('');
    const options = useQuery({
        queryKey: ['zhili', 'county-township', search],
        queryFn: () => dataProvider.getList('Area', { filter: { level: [4, 5], q: search }, pagination: { page: 1, perPage: 30 }, sort: { field: 'code', order: 'ASC' } }),
    });
    const found: AreaRef[] = (options.data?.data ?? []).map(a => ({ code: String(a.code), name: String(a.name) }));
    return (
        <Autocomplete
            sx={{ width: 300 }}
            size="small"
            options={value && !found.some(a => a.code === value.code) ? [value, ...found] : found}
            value={value}
            getOptionLabel={area => area.name}
            isOptionEqualToValue={(a, b) => a.code === b.code}
            filterOptions={all => all}
            onInputChange={(_, text, reason) => reason === 'input' && setSearch(text)}
            onChange={(_, area) => area && onChange(area)}
            renderOption={(props, area) => (
                <li {...props} key={area.code}>{area.name}（{area.code}）</li>
            )}
            renderInput={params => <TextField {...params} label={label} inputProps={{ ...params.inputProps, 'data-testid': 'area-picker' }} />}
        />
    );
}
