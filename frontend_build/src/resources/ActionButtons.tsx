/** The actions of a record: buttons, or one "办理" menu (in a table row, or when there are many),
 * each opening a dialog of the action's inputs. For an entity run by a workflow process the server
 * lists what this user may take on this record now (`workflowActions`), and the transitions table
 * names the mutation of each; other entities offer what the resource description allows. The server
 * stays the authority: a refusal shows in the dialog, in Chinese, on its field when it names one. */
import { useState, type MouseEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, CircularProgress, Menu, MenuItem } from '@mui/material';
import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import { useDataProvider, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import type { ResourceModel, ZhiliDataProvider } from '../dataProvider';
import { offeredTransitions, workflowMutations, type Offered } from '../workflow/transitions';
import { ActionDialog } from './ActionDialog';
import { useApiModel } from './useApiModel';

export const workflowActionsKey = (resource: string, id: unknown) => ['zhili', 'workflow-actions', resource, String(id)];

/** What the description allows on any record, less the mutations a workflow process governs. */
function describedActions(model: ResourceModel, record: Record<string, any> | undefined, lang: 'zh' | 'en'): Offered[] {
    const governed = model.process ? workflowMutations(model.name) : new Set<string>();
    const available: unknown = record?.availableActions;
    return model.actions
        .filter(a => a.takesId && a.allowed && a.returns !== 'Evidence' && !governed.has(a.name))
        .filter(a => !Array.isArray(available) || available.includes(a.name))
        .map(action => ({ key: action.name, label: action.label[lang], action }));
}

function useOffered(model: ResourceModel, enabled: boolean) {
    const api = useApiModel();
    const record = useRecordContext();
    const dataProvider = useDataProvider<ZhiliDataProvider>();
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const lang = locale === 'en' ? 'en' : 'zh';
    const governed = Boolean(model.process && api?.queries.workflowActions && record?.id != null);
    const asked = useQuery({
        queryKey: workflowActionsKey(model.name, record?.id),
        queryFn: () => dataProvider.workflowActions(model.name, String(record!.id)),
        enabled: governed && enabled,
        staleTime: 0,
    });
    const described = describedActions(model, record, lang);
    if (!governed || !api) return { offered: described, loading: false, governed };
    const variant = (name: string) => translate(`zhili.workflow.variants.${name}`);
    const transitions = offeredTransitions(api, model, asked.data ?? [], lang, variant);
    return { offered: [...transitions, ...described], loading: enabled && asked.isPending, governed };
}

export function ActionButtons({ model, compact = false }: { model: ResourceModel; compact?: boolean }) {
    const [open, setOpen] = useState<Offered | null>(null);
    const [anchor, setAnchor] = useState<HTMLElement | null>(null);
    const translate = useTranslate();
    // in a table row the server is asked only when the menu opens: one question per row clicked
    const { offered, loading, governed } = useOffered(model, !compact || Boolean(anchor));
    if (!governed && !offered.length) return null;
    if (!compact && !loading && !offered.length) return null;
    const asMenu = compact || offered.length > 4;
    const choose = (item: Offered) => (event: MouseEvent) => {
        event.stopPropagation();
        setAnchor(null);
        setOpen(item);
    };
    const button = (item: Offered) => (
        <Button key={item.key} size="small" onClick={choose(item)} data-action={item.action.name} data-transition={item.transition?.name}>
            {item.label}
        </Button>
    );
    return (
        <>
            {asMenu ? (
                <>
                    <Button size="small" endIcon={<ArrowDropDownIcon />} onClick={e => { e.stopPropagation(); setAnchor(e.currentTarget); }} data-actions-menu>
                        {translate('zhili.action.run')}
                    </Button>
                    <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)} onClick={e => e.stopPropagation()}>
                        {loading && <MenuItem disabled><CircularProgress size={16} sx={{ mr: 1 }} />{translate('zhili.action.loading')}</MenuItem>}
                        {!loading && !offered.length && <MenuItem disabled>{translate('zhili.action.none')}</MenuItem>}
                        {offered.map(item => (
                            <MenuItem key={item.key} onClick={choose(item)} data-action={item.action.name} data-transition={item.transition?.name}>
                                {item.label}
                            </MenuItem>
                        ))}
                    </Menu>
                </>
            ) : (
                offered.map(button)
            )}
            {open && <ActionDialog model={model} offered={open} onClose={() => setOpen(null)} />}
        </>
    );
}
