/** How a record's value shows, by the kind the model gives its field. */
import { Box, Chip, Stack, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import {
    ArrayField,
    BooleanField,
    Datagrid,
    DateField,
    NumberField,
    SelectField,
    TextField,
    useCreatePath,
    useLocaleState,
    useRecordContext,
    useTranslate,
} from 'react-admin';
import type { FieldModel } from '../dataProvider';
import { intlLocale } from '../i18n';
import { childLabel, LONG_TEXT } from './labels';
import { useApiModel } from './useApiModel';

interface ValueFieldProps {
    field: FieldModel;
    source: string;
    label?: string;
    sortable?: boolean;
    long?: boolean;
}

/** A linked record already in the row ({ id name code }): its name, linking to its page. */
function LinkedRecord({ value, reference }: { value: any; reference?: string }) {
    const api = useApiModel();
    const createPath = useCreatePath();
    if (!value) return null;
    const text = value.name ?? value.title ?? value.number ?? value.originalName ?? value.code ?? value.id;
    const target = reference ? api?.byName[reference] : undefined;
    if (value.downloadUrl) {
        return <Typography component="span" variant="body2"><a href={value.downloadUrl} onClick={e => e.stopPropagation()}>{text}</a></Typography>;
    }
    if (!target?.detail) return <Typography component="span" variant="body2">{text}</Typography>;
    return (
        <Typography component="span" variant="body2">
            <Link to={createPath({ resource: target.name, id: value.id, type: 'show' })} onClick={e => e.stopPropagation()}>
                {text}
            </Link>
        </Typography>
    );
}

export function LinkedField({ source, reference }: { source: string; reference?: string; label?: string; sortable?: boolean }) {
    const record = useRecordContext();
    const value = record?.[source];
    if (Array.isArray(value)) {
        return (
            <Stack direction="row" spacing={0.5} flexWrap="wrap" useFlexGap>
                {value.map(item => (
                    <Chip key={item.id} size="small" variant="outlined" label={<LinkedRecord value={item} reference={reference} />} />
                ))}
            </Stack>
        );
    }
    return <LinkedRecord value={value} reference={reference} />;
}

/** A child record shown inline (a report's evaluation): its values, labelled. */
function EmbeddedField({ source }: { source: string; label?: string }) {
    const record = useRecordContext();
    const translate = useTranslate();
    const value = record?.[source];
    if (!value || typeof value !== 'object') return null;
    return (
        <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2 }}>
            {Object.entries(value)
                .filter(([key, v]) => key !== '__typename' && key !== 'id' && (typeof v !== 'object' || v === null))
                .map(([key, v]) => (
                    <Box key={key} sx={{ display: 'contents' }}>
                        <Typography component="dt" variant="body2" color="text.secondary">{childLabel(translate, key)}</Typography>
                        <Typography component="dd" variant="body2" sx={{ m: 0 }}>{formatLoose(v, translate)}</Typography>
                    </Box>
                ))}
        </Box>
    );
}

function formatLoose(value: unknown, translate: (key: string) => string): string {
    if (value === null || value === undefined || value === '') return '—';
    if (typeof value === 'boolean') return translate(value ? 'ra.boolean.true' : 'ra.boolean.false');
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return new Date(value).toLocaleString('zh-CN');
    return String(value);
}

export function ValueField({ field, source, long }: ValueFieldProps) {
    const [locale] = useLocaleState();
    const locales = intlLocale(locale);
    if (field.kind === 'reference') return <LinkedField source={source} reference={field.reference} />;
    if (field.kind === 'object') return <EmbeddedField source={source} />;
    if (field.choices.length) {
        return <SelectField source={source} choices={field.choices} optionValue="value" optionText="label" />;
    }
    switch (field.kind) {
        case 'boolean':
            return <BooleanField source={source} looseValue={!field.nonNull} />;
        case 'int':
        case 'float':
        case 'decimal':
            return <NumberField source={source} locales={locales} />;
        case 'date':
            return <DateField source={source} locales={locales} />;
        case 'datetime':
            return <DateField source={source} locales={locales} showTime />;
        case 'json':
            return <JsonField source={source} />;
        default:
            if (source === 'downloadUrl') return <DownloadLink />;
            return <TextField source={source} sx={long || LONG_TEXT.has(source) ? { whiteSpace: 'pre-wrap' } : undefined} />;
    }
}

/** Structured data (an audit entry's changes, a step's payload) as indented JSON, Chinese kept. */
function JsonField({ source }: { source: string }) {
    const record = useRecordContext();
    const value = record?.[source];
    if (value === null || value === undefined) return <Typography variant="body2">—</Typography>;
    return (
        <Box component="pre" sx={{ m: 0, fontSize: '0.8125rem', whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
            {JSON.stringify(value, null, 2)}
        </Box>
    );
}

function DownloadLink() {
    const record = useRecordContext();
    const translate = useTranslate();
    return record?.downloadUrl ? <a href={record.downloadUrl}>{translate('zhili.evidence.download')}</a> : null;
}

/** A list of child records (parties, steps, reviews) as a table of their plain values. */
export function ChildTable({ source, sample }: { source: string; label?: string; sample: Record<string, unknown>[] }) {
    const translate = useTranslate();
    const columns = Object.keys(sample[0] ?? {}).filter(key => key !== '__typename' && key !== 'id');
    return (
        <ArrayField source={source}>
            <Datagrid bulkActionButtons={false} rowClick={false} empty={<Typography variant="body2">—</Typography>}>
                {columns.map(key => {
                    const value = sample.find(row => row[key] != null)?.[key];
                    const label = childLabel(translate, key);
                    if (Array.isArray(value) || (value && typeof value === 'object')) return <LinkedField key={key} source={key} label={label} />;
                    if (typeof value === 'boolean') return <BooleanField key={key} source={key} label={label} />;
                    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return <DateField key={key} source={key} label={label} showTime locales="zh-CN" />;
                    return <TextField key={key} source={key} label={label} sx={{ whiteSpace: 'pre-wrap' }} />;
                })}
            </Datagrid>
        </ArrayField>
    );
}
