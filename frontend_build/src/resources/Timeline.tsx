/** A record's history on one line of time: its own dates (registered, resolved, closed …) and the
 * dated child records (steps, mediation sessions, agreements, progress reports), newest first. */
import { Box, Stack, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import type { ResourceModel } from '../dataProvider';
import { intlLocale } from '../i18n';
import { childLabel } from './labels';

interface Moment {
    at: Date;
    title: string;
    text?: string;
    by?: string;
}

const DATED = /^\d{4}-\d{2}-\d{2}/;
const TEXT = ['content', 'narrative', 'note', 'reason', 'terms', 'result', 'comment', 'ruling', 'action'];
const BY = ['actorName', 'reportedByName', 'reviewerName', 'authorName'];

/** When a child record happened: its first date that is not a deadline or a bookkeeping time. */
function whenOf(child: Record<string, any>): [string, string] | undefined {
    return Object.entries(child).find(
        ([key, v]) => typeof v === 'string' && DATED.test(v) && !/deadline|updatedAt|createdAt/i.test(key)
    ) as [string, string] | undefined;
}

function childMoments(title: string, child: Record<string, any>, translate: (k: string, o?: object) => string): Moment[] {
    const moments: Moment[] = [];
    const when = whenOf(child);
    if (when) {
        const textKey = TEXT.find(k => typeof child[k] === 'string' && child[k]);
        moments.push({
            at: new Date(when[1]),
            title: `${title} · ${childLabel(translate, when[0])}`,
            text: textKey ? child[textKey] : undefined,
            by: BY.map(k => child[k]).find(Boolean),
        });
    }
    // a nested record with its own dates (an agreement's judicial confirmation)
    for (const [key, value] of Object.entries(child)) {
        if (value && typeof value === 'object' && !Array.isArray(value) && whenOf(value)) {
            moments.push(...childMoments(childLabel(translate, key), value, translate));
        }
    }
    return moments;
}

function momentsOf(model: ResourceModel, record: Record<string, any>, lang: 'zh' | 'en', translate: (k: string, o?: object) => string): Moment[] {
    const moments: Moment[] = [];
    for (const field of model.fields) {
        const value = record[field.name];
        const own = (field.kind === 'date' || field.kind === 'datetime') && !/deadline|updatedAt|createdAt/i.test(field.name);
        if (own && typeof value === 'string' && DATED.test(value)) {
            moments.push({ at: new Date(value), title: field.label[lang] });
        }
        if (field.many && field.kind === 'object' && Array.isArray(value)) {
            for (const child of value) moments.push(...childMoments(field.label[lang], child, translate));
        }
        if (!field.many && field.kind === 'object' && value && typeof value === 'object') {
            moments.push(...childMoments(field.label[lang], value, translate));
        }
    }
    return moments.sort((a, b) => b.at.getTime() - a.at.getTime());
}

export function Timeline({ model }: { model: ResourceModel }) {
    const record = useRecordContext();
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const lang = locale === 'en' ? 'en' : 'zh';
    if (!record) return null;
    const moments = momentsOf(model, record, lang, translate);
    return (
        <Stack spacing={0} data-testid="timeline">
            {moments.map((m, i) => (
                <Box key={i} sx={{ display: 'grid', gridTemplateColumns: '170px 16px 1fr', columnGap: 1.5 }}>
                    <Typography variant="body2" color="text.secondary" sx={{ textAlign: 'right', pt: 0.25 }}>
                        {m.at.toLocaleString(intlLocale(locale), { dateStyle: 'medium', timeStyle: m.at.getUTCHours() || m.at.getUTCMinutes() ? 'short' : undefined })}
                    </Typography>
                    <Box sx={{ position: 'relative', '&::before': { content: '""', position: 'absolute', left: 7, top: 0, bottom: 0, borderLeft: 2, borderColor: 'divider' } }}>
                        <Box sx={{ position: 'relative', mt: 0.75, width: 12, height: 12, ml: '2px', borderRadius: '50%', bgcolor: 'primary.main' }} />
                    </Box>
                    <Box sx={{ pb: 2 }}>
                        <Typography variant="body2" fontWeight={600}>{m.title}</Typography>
                        {m.text && <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>{m.text}</Typography>}
                        {m.by && <Typography variant="caption" color="text.secondary">{m.by}</Typography>}
                    </Box>
                </Box>
            ))}
        </Stack>
    );
}
