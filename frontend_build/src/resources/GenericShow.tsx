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
import type { ComponentType } from 'react';
import type { ApiModel, FieldModel, ResourceModel } from '../dataProvider';
import { ActionButtons } from './ActionButtons';
import { EvidencePanel } from './EvidencePanel';
import { ChildTable, ValueField } from './fields';
import { RecordNotFound } from './NotFound';
import { LegalPanel } from './LegalPanel';
import { Timeline } from './Timeline';
import { useApiModel, useResourceModel } from './useApiModel';

/** Panels beyond the record's own fields, by entity, when the server offers what they show. */
const EXTRA_TABS: Record<string, { name: string; offered: (api: ApiModel) => boolean; Panel: ComponentType<{ model: ResourceModel }> }[]> = {
    Dispute: [{ name: 'legal', offered: api => Boolean(api.queries.legalRecommendations), Panel: LegalPanel }],
};

const isChildList = (f: FieldModel) => f.many && f.kind === 'object' && f.name !== 'evidence';
const isSummary = (f: FieldModel) => !(f.many && f.kind === 'object') && !['id', 'evidence'].includes(f.name);

function ShowActions({ model }: { model: ResourceModel }) {
    return (
        <TopToolbar>
            <ActionButtons model={model} />
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
    return (
        <>
            <Title defaultTitle={`${model.label.zh} ${record[model.representation] ?? ''}`} />
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
                        {(model.process || model.fields.some(isChildList)) && (
                            <TabbedShowLayout.Tab label={translate(model.process ? 'zhili.tabs.history' : 'zhili.tabs.timeline')} path="timeline">
                                <Timeline model={model} />
                            </TabbedShowLayout.Tab>
                        )}
                        {(EXTRA_TABS[model.name] ?? []).filter(tab => api && tab.offered(api)).map(({ name, Panel }) => (
                            <TabbedShowLayout.Tab key={name} label={translate(`zhili.tabs.${name}`)} path={name}>
                                <Panel model={model} />
                            </TabbedShowLayout.Tab>
                        ))}
                        {model.fields.filter(isChildList).map(field => (
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
