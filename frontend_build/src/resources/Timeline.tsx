/** A record's history on one vertical line of time, newest first.
 *
 * Records of a workflow process show its 流程记录 (`workflowHistory`: each step's time, 操作,
 * 从→到 in the state labels, 操作人/单位, 理由), joined — where declared below — by dated child
 * records the steps do not tell (a dispute's mediation sessions, agreement, judicial confirmation).
 * Other records show their own dates and their dated child records. */
import { useQuery } from '@tanstack/react-query';
import { Box, Chip, CircularProgress, Stack, Typography } from '@mui/material';
import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import { useDataProvider, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import type { HistoryEntry, ResourceModel, ZhiliDataProvider } from '../dataProvider';
import { intlLocale } from '../i18n';
import { childLabel } from './labels';

interface Moment {
    key: string;
    at: Date;
    title: string;
    /** a workflow step's states, already labelled */
    states?: [string, string];
    text?: string;
    by?: string;
    kind: 'step' | 'record';
    step?: string;
}

type Translate = (key: string, options?: object) => string;

/** Child records shown beside the workflow steps, by resource: what happened that no step records. */
export const DATED_CHILDREN: Record<string, string[]> = {
    Dispute: ['records', 'agreements', 'reviews'],
};

const DATED = /^\d{4}-\d{2}-\d{2}/;
const TEXT = ['content', 'narrative', 'note', 'reason', 'terms', 'opinion', 'result', 'comment', 'action'];
const BY = ['actorName', 'reportedByName', 'reviewerName', 'authorName'];
const BOOKKEEPING = /deadline|updatedAt|createdAt|performanceDeadline/i;

/** The dates of a child record that tell something happened (not deadlines, not bookkeeping). */
function datesOf(child: Record<string, any>): [string, string][] {
    return Object.entries(child).filter(([key, v]) => typeof v === 'string' && DATED.test(v) && !BOOKKEEPING.test(key)) as [string, string][];
}

/** What a stage of a child record says: its own text (a ruling on its ruling date), else the
 * record's main text on its first date. */
const TEXT_OF_DATE: Record<string, string> = { ruledOn: 'ruling', acceptedOn: 'caseNumber' };

function textOf(child: Record<string, any>, dateKey: string, first: boolean, translate: Translate): string | undefined {
    const key = TEXT_OF_DATE[dateKey] ?? (first ? TEXT.find(k => typeof child[k] === 'string' && child[k]) : undefined);
    const value = key ? child[key] : undefined;
    if (typeof value !== 'string' || !value) return undefined;
    return translate(`zhili.values.${key}.${value}`, { _: value });
}

function childMoments(title: string, child: Record<string, any>, translate: Translate, key: string): Moment[] {
    const moments: Moment[] = datesOf(child).map(([dateKey, value], i) => ({
        key: `${key}.${dateKey}`,
        at: new Date(value),
        title: `${title} · ${childLabel(translate, dateKey)}`,
        text: textOf(child, dateKey, i === 0, translate),
        by: i === 0 ? BY.map(k => child[k]).find(Boolean) : undefined,
        kind: 'record' as const,
    }));
    // a nested record with its own dates (an agreement's judicial confirmation)
    for (const [name, value] of Object.entries(child)) {
        if (value && typeof value === 'object' && !Array.isArray(value) && datesOf(value).length) {
            moments.push(...childMoments(childLabel(translate, name), value, translate, `${key}.${name}`));
        }
    }
    return moments;
}

function fieldMoments(model: ResourceModel, record: Record<string, any>, names: string[] | undefined, lang: 'zh' | 'en', translate: Translate): Moment[] {
    const moments: Moment[] = [];
    for (const field of model.fields) {
        if (names && !names.includes(field.name)) continue;
        const value = record[field.name];
        const own = !names && (field.kind === 'date' || field.kind === 'datetime') && !BOOKKEEPING.test(field.name);
        if (own && typeof value === 'string' && DATED.test(value)) {
            moments.push({ key: field.name, at: new Date(value), title: field.label[lang], kind: 'record' });
        }
        if (field.kind !== 'object' || !value || typeof value !== 'object') continue;
        const children: Record<string, any>[] = Array.isArray(value) ? value : [value];
        children.forEach((child, i) => moments.push(...childMoments(field.label[lang], child, translate, `${field.name}.${i}`)));
    }
    return moments;
}

/** The steps of `workflowHistory` as moments: 从→到 in the labels of the process's state field. */
export function stepMoments(model: ResourceModel, history: HistoryEntry[]): Moment[] {
    const states = model.fields.find(f => f.name === model.process?.stateField)?.choices ?? [];
    const label = (value: string) => states.find(c => c.value === value)?.label ?? value;
    return history.map(step => ({
        key: `step.${step.id}`,
        at: new Date(step.at),
        title: step.label,
        states: step.fromState === step.toState ? undefined : [label(step.fromState), label(step.toState)],
        text: step.reason || undefined,
        by: [step.actorName, step.unit?.name].filter(Boolean).join(' · ') || undefined,
        kind: 'step',
        step: step.transition,
    }));
}

/** Newest first; of two at the same time, the later told (a confirmation accepted the day it was applied for) first. */
const newestFirst = (moments: Moment[]) =>
    moments.map((m, i) => ({ m, i })).sort((a, b) => b.m.at.getTime() - a.m.at.getTime() || b.i - a.i).map(({ m }) => m);

export function Timeline({ model }: { model: ResourceModel }) {
    const record = useRecordContext();
    const translate = useTranslate();
    const dataProvider = useDataProvider<ZhiliDataProvider>();
    const [locale] = useLocaleState();
    const lang = locale === 'en' ? 'en' : 'zh';
    const history = useQuery({
        queryKey: ['zhili', 'workflow-history', model.name, String(record?.id)],
        queryFn: () => dataProvider.workflowHistory(model.name, String(record!.id)),
        enabled: Boolean(model.process && record?.id != null),
    });
    if (!record) return null;
    if (model.process && history.isPending) return <CircularProgress size={24} />;
    const moments = model.process
        ? [...stepMoments(model, history.data ?? []), ...fieldMoments(model, record, DATED_CHILDREN[model.name] ?? [], lang, translate)]
        : fieldMoments(model, record, undefined, lang, translate);
    if (!moments.length) return <Typography color="text.secondary">{translate('zhili.timeline.empty')}</Typography>;
    return <TimelineView moments={newestFirst(moments)} locale={locale} />;
}

function TimelineView({ moments, locale }: { moments: Moment[]; locale: string }) {
    const translate = useTranslate();
    const time = (at: Date) =>
        at.toLocaleString(intlLocale(locale), { dateStyle: 'medium', timeStyle: at.getUTCHours() || at.getUTCMinutes() ? 'short' : undefined });
    return (
        <Stack spacing={0} data-testid="timeline">
            {moments.map(m => (
                <Box key={m.key} data-moment={m.kind} data-step={m.step} sx={{ display: 'grid', gridTemplateColumns: '170px 16px 1fr', columnGap: 1.5 }}>
                    <Typography variant="body2" color="text.secondary" sx={{ textAlign: 'right', pt: 0.25 }}>{time(m.at)}</Typography>
                    <Box sx={{ position: 'relative', '&::before': { content: '""', position: 'absolute', left: 7, top: 0, bottom: 0, borderLeft: 2, borderColor: 'divider' } }}>
                        <Box sx={{ position: 'relative', mt: 0.75, width: 12, height: 12, ml: '2px', borderRadius: '50%', bgcolor: m.kind === 'step' ? 'primary.main' : 'secondary.main' }} />
                    </Box>
                    <Box sx={{ pb: 2 }}>
                        <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
                            <Typography variant="body2" fontWeight={600}>{m.title}</Typography>
                            {m.states && (
                                <Stack direction="row" spacing={0.5} alignItems="center" data-states>
                                    <Chip size="small" variant="outlined" label={m.states[0]} />
                                    <ArrowForwardIcon fontSize="inherit" color="action" />
                                    <Chip size="small" color="primary" variant="outlined" label={m.states[1]} />
                                </Stack>
                            )}
                        </Stack>
                        {m.text && (
                            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', mt: 0.5 }}>
                                {m.kind === 'step' ? `${translate('zhili.timeline.reason')}：${m.text}` : m.text}
                            </Typography>
                        )}
                        {m.by && <Typography variant="caption" color="text.secondary">{m.kind === 'step' ? `${translate('zhili.timeline.by')}：${m.by}` : m.by}</Typography>}
                    </Box>
                </Box>
            ))}
        </Stack>
    );
}
