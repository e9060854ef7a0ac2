/** The detail page of any entity: its fields, its child records, its evidence, and the workflow
 * actions and edit / delete buttons the user may use. Missing and forbidden look the same. */
import { Card, CardContent, CircularProgress, Box } from '@mui/material';
import {
    DeleteButton,
    EditButton,
    Labeled,
    ShowBase,
    TabbedShowLayout,
    Title,
    TopToolbar,
    useShowContext,
    useTranslate,
} from 'react-admin';
import { lazy, Suspense, type ComponentType } from 'react';
import type { ApiModel, FieldModel, ResourceModel } from '../dataProvider';
import { ActionButtons } from './ActionButtons';
import { EvidencePanel } from './EvidencePanel';
import { ChildTable, ValueField } from './fields';
import { RecordNotFound } from './NotFound';
import { LegalPanel } from './LegalPanel';
import { Timeline } from './Timeline';
import { useApiModel, useResourceModel } from './useApiModel';
import { AssessmentActions } from '../peacevillage/AssessmentActions';
import { AssessmentChecklist } from '../peacevillage/AssessmentChecklist';

// the graph brings ECharts: loaded when its tab opens
const EventGraphPanel = lazy(() => import('../eventgraph/EventGraphPanel').then(module => ({ default: module.EventGraphPanel })));

interface ExtraTab {
    /** its label: zhili.tabs.<name>, or a full message key */
    name: string;
    offered: (api: ApiModel) => boolean;
    Panel: ComponentType<{ model: ResourceModel }>;
    /** its URL segment, when not its name */
    path?: string;
    /** a child list the panel shows instead of the generic table */
    replaces?: string;
}
const graphTab: ExtraTab = { name: 'zhili.event_graph.tab', offered: api => Boolean(api.queries.eventNeighbourhood), Panel: EventGraphPanel, path: 'graph' };

/** Panels beyond the record's own fields, by entity, when the server offers what they show. */
const EXTRA_TABS: Record<string, ExtraTab[]> = {
    Dispute: [{ name: 'legal', offered: api => Boolean(api.queries.legalRecommendations), Panel: LegalPanel }, graphTab],
    Report: [graphTab],
    PeaceVillageAssessment: [{ name: 'zhili.peace_village.tab', offered: () => true, Panel: AssessmentChecklist, path: 'checklist', replaces: 'items' }],
};

/** The record's buttons where an entity has its own (else the generic workflow actions). */
const SHOW_ACTIONS: Record<string, ComponentType<{ model: ResourceModel }>> = {
    PeaceVillageAssessment: AssessmentActions,
};

/** How a record is named in its page's title, where one field does not name it. */
const TITLES: Record<string, (record: Record<string, any>) => string> = {
    PeaceVillageAssessment: record => `${record.area?.name ?? ''} ${record.period ?? ''}`,
    VillageSponsor: record => `${record.unit?.name ?? ''} 包联 ${record.area?.name ?? ''}`,
};

const replaced = (model: ResourceModel) => new Set((EXTRA_TABS[model.name] ?? []).map(tab => tab.replaces));
const isChildList = (f: FieldModel) => f.many && f.kind === 'object' && f.name !== 'evidence';
const tabLabel = (name: string) => (name.startsWith('zhili.') ? name : `zhili.tabs.${name}`);
const isSummary = (f: FieldModel) => !(f.many && f.kind === 'object') && !['id', 'evidence'].includes(f.name);

function ShowActions({ model }: { model: ResourceModel }) {
    const Actions = SHOW_ACTIONS[model.name] ?? ActionButtons;
    return (
        <TopToolbar>
            <Actions model={model} />
            {model.update && model.permissions.change && <EditButton />}
            {model.delete && model.permissions.delete && <DeleteButton mutationMode="pessimistic" />}
        </TopToolbar>
    );
}

function ShowView({ model }: { model: ResourceModel }) {
    const translate = useTranslate();
    const api = useApiModel();
    const { record, error, isPending } = useShowContext();
    if (isPending) return <Box p={4}><CircularProgress /></Box>;
    if (error || !record) return <RecordNotFound />;
    const hasEvidence = model.fields.some(f => f.name === 'evidence');
    const hidden = replaced(model);
    const childLists = model.fields.filter(f => isChildList(f) && !hidden.has(f.name));
    return (
        <>
            <Title defaultTitle={`${model.label.zh} ${TITLES[model.name]?.(record) ?? record[model.representation] ?? ''}`} />
            <ShowActions model={model} />
            <Card>
                <CardContent sx={{ p: 0 }}>
                    <TabbedShowLayout>
                        <TabbedShowLayout.Tab label={translate('zhili.tabs.summary')}>
                            <Box display="grid" gridTemplateColumns={{ xs: '1fr', md: '1fr 1fr' }} columnGap={4} rowGap={1}>
                                {model.fields.filter(isSummary).map(field => (
                                    <Labeled key={field.name} source={field.name}>
                                        <ValueField field={field} source={field.name} />
                                    </Labeled>
                                ))}
                            </Box>
                        </TabbedShowLayout.Tab>
                        {(model.process || childLists.length > 0) && (
                            <TabbedShowLayout.Tab label={translate(model.process ? 'zhili.tabs.history' : 'zhili.tabs.timeline')} path="timeline">
                                <Timeline model={model} />
                            </TabbedShowLayout.Tab>
                        )}
                        {(EXTRA_TABS[model.name] ?? []).filter(tab => api && tab.offered(api)).map(({ name, path, Panel }) => (
                            <TabbedShowLayout.Tab key={name} label={translate(tabLabel(name))} path={path ?? name}>
                                <Suspense fallback={<CircularProgress size={24} />}>
                                    <Panel model={model} />
                                </Suspense>
                            </TabbedShowLayout.Tab>
                        ))}
                        {childLists.map(field => (
                            <TabbedShowLayout.Tab key={field.name} label={`resources.${model.name}.fields.${field.name}`} count={(record[field.name] ?? []).length}>
                                <ChildTable source={field.name} sample={record[field.name] ?? []} />
                            </TabbedShowLayout.Tab>
                        ))}
                        {hasEvidence && (
                            <TabbedShowLayout.Tab label={translate('zhili.tabs.evidence')} count={(record.evidence ?? []).length}>
                                <EvidencePanel model={model} />
                            </TabbedShowLayout.Tab>
                        )}
                    </TabbedShowLayout>
                </CardContent>
            </Card>
        </>
    );
}

export function GenericShow() {
    const model = useResourceModel();
    if (!model) return null;
    // no notification and no redirect on error: the page itself says "not found"
    return (
        <ShowBase queryOptions={{ onError: () => undefined, retry: false }}>
            <ShowView model={model} />
        </ShowBase>
    );
}
