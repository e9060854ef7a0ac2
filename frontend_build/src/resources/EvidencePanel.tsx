/** Evidence of a record: drag-and-drop upload with progress, image previews, downloads through the
 * permission-checked view (no storage path ever reaches the browser). */
import { useRef, useState, type DragEvent } from 'react';
import { Box, LinearProgress, Link as MuiLink, Stack, TextField, Typography } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { ResourceModel, ZhiliDataProvider } from '../dataProvider';

interface EvidenceRow {
    id: string;
    originalName: string;
    contentType?: string;
    size?: number;
    description?: string;
    createdAt?: string;
    downloadUrl: string;
}

const kilobytes = (size?: number) => (size == null ? '' : size < 1024 * 1024 ? `${Math.ceil(size / 1024)} KB` : `${(size / 1024 / 1024).toFixed(1)} MB`);

export function EvidencePanel({ model }: { model: ResourceModel }) {
    const record = useRecordContext();
    const rows: EvidenceRow[] = record?.evidence ?? [];
    // the server decides who may attach (the parent's policy); a refusal shows as a message
    const mayUpload = model.name !== 'Evidence';
    return (
        <Stack spacing={2}>
            <EvidenceList rows={rows} />
            {mayUpload && <Dropzone model={model} />}
        </Stack>
    );
}

function EvidenceList({ rows }: { rows: EvidenceRow[] }) {
    const translate = useTranslate();
    if (!rows.length) return <Typography color="text.secondary">{translate('zhili.evidence.none')}</Typography>;
    return (
        <Stack direction="row" flexWrap="wrap" gap={2} data-testid="evidence-list">
            {rows.map(row => (
                <Box key={row.id} sx={{ width: 200, border: 1, borderColor: 'divider', borderRadius: 1, p: 1 }}>
                    {row.contentType?.startsWith('image/') && (
                        <Box component="img" src={row.downloadUrl} alt={row.originalName} sx={{ width: '100%', height: 120, objectFit: 'cover' }} />
                    )}
                    <MuiLink href={row.downloadUrl} underline="hover" sx={{ wordBreak: 'break-all' }}>
                        {row.originalName}
                    </MuiLink>
                    <Typography variant="caption" display="block" color="text.secondary">
                        {kilobytes(row.size)} {row.createdAt ? new Date(row.createdAt).toLocaleString('zh-CN') : ''}
                    </Typography>
                    {row.description && <Typography variant="body2">{row.description}</Typography>}
                </Box>
            ))}
        </Stack>
    );
}

function Dropzone({ model }: { model: ResourceModel }) {
    const record = useRecordContext();
    const dataProvider = useDataProvider<ZhiliDataProvider>();
    const notify = useNotify();
    const refresh = useRefresh();
    const translate = useTranslate();
    const picker = useRef<HTMLInputElement>(null);
    const [description, setDescription] = useState('');
    const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
    const [over, setOver] = useState(false);

    const upload = async (files: File[]) => {
        if (!record || !files.length) return;
        let uploaded = 0;
        setProgress({ done: 0, total: files.length });
        for (const file of files) {
            try {
                await dataProvider.attachEvidence({ resource: model.name, id: String(record.id), file, description });
                uploaded += 1;
            } catch (error: any) {
                notify('zhili.evidence.failed', { type: 'error', messageArgs: { name: file.name, message: error?.message ?? '' } });
            }
            setProgress({ done: uploaded, total: files.length });
        }
        setProgress(null);
        setDescription('');
        if (uploaded) notify('zhili.evidence.uploaded', { type: 'success', messageArgs: { smart_count: uploaded } });
        refresh();
    };
    const drop = (event: DragEvent) => {
        event.preventDefault();
        setOver(false);
        upload(Array.from(event.dataTransfer.files));
    };

    return (
        <Stack spacing={1}>
            <TextField size="small" label={translate('zhili.evidence.description')} value={description} onChange={e => setDescription(e.target.value)} />
            <Box
                data-testid="evidence-dropzone"
                onClick={() => picker.current?.click()}
                onDragOver={e => { e.preventDefault(); setOver(true); }}
                onDragLeave={() => setOver(false)}
                onDrop={drop}
                sx={{ border: 2, borderStyle: 'dashed', borderColor: over ? 'primary.main' : 'divider', borderRadius: 1, p: 3, textAlign: 'center', cursor: 'pointer' }}
            >
                <UploadFileIcon color="action" />
                <Typography variant="body2">{translate('zhili.evidence.drop')}</Typography>
                <input ref={picker} type="file" multiple hidden data-testid="evidence-input" onChange={e => { upload(Array.from(e.target.files ?? [])); e.target.value = ''; }} />
            </Box>
            {progress && (
                <Box>
                    <Typography variant="body2">{translate('zhili.evidence.uploading', progress)}</Typography>
                    <LinearProgress variant="determinate" value={(progress.done / progress.total) * 100} />
                </Box>
            )}
        </Stack>
    );
}
