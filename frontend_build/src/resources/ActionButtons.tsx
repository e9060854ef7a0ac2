/** The workflow actions of an entity (dispatch, sign, report progress, …): buttons, or one "办理"
 * menu in a table row, each opening a form of the action's inputs. The server decides; a refusal
 * shows on the form in Chinese. Files given with an action that adds a child record (a progress
 * report) are attached to that record once it exists. */
import { useState, type MouseEvent } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Menu, MenuItem } from '@mui/material';
import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import {
    FileField,
    FileInput,
    Form,
    SaveButton,
    useDataProvider,
    useLocaleState,
    useNotify,
    useRecordContext,
    useRefresh,
    useTranslate,
} from 'react-admin';
import type { ActionModel, ResourceModel, ZhiliDataProvider } from '../dataProvider';
import { FormInput } from './inputs';

const ATTACHMENTS = '__evidence';

export function ActionButtons({ model, compact = false }: { model: ResourceModel; compact?: boolean }) {
    const [open, setOpen] = useState<ActionModel | null>(null);
    const [anchor, setAnchor] = useState<HTMLElement | null>(null);
    const [locale] = useLocaleState();
    const translate = useTranslate();
    const record = useRecordContext();
    const lang = locale === 'en' ? 'en' : 'zh';
    // hidden: what the server says this user may not take, or (per record) may not take now
    const available: unknown = record?.availableActions;
    const actions = model.actions.filter(
        a => a.takesId && a.allowed && a.returns !== 'Evidence' && (!Array.isArray(available) || available.includes(a.name))
    );
    if (!actions.length) return null;
    const asMenu = compact || actions.length > 4; // a report has a dozen: one menu, not a row of buttons
    const choose = (action: ActionModel) => (event: MouseEvent) => {
        event.stopPropagation();
        setAnchor(null);
        setOpen(action);
    };
    return (
        <>
            {asMenu ? (
                <>
                    <Button size="small" endIcon={<ArrowDropDownIcon />} onClick={e => { e.stopPropagation(); setAnchor(e.currentTarget); }} data-actions-menu>
                        {translate('zhili.action.run')}
                    </Button>
                    <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)} onClick={e => e.stopPropagation()}>
                        {actions.map(action => (
                            <MenuItem key={action.name} onClick={choose(action)} data-action={action.name}>{action.label[lang]}</MenuItem>
                        ))}
                    </Menu>
                </>
            ) : (
                actions.map(action => (
                    <Button key={action.name} size="small" onClick={choose(action)} data-action={action.name}>
                        {action.label[lang]}
                    </Button>
                ))
            )}
            {open && <ActionDialog model={model} action={open} lang={lang} onClose={() => setOpen(null)} />}
        </>
    );
}

function ActionDialog({ model, action, lang, onClose }: { model: ResourceModel; action: ActionModel; lang: 'zh' | 'en'; onClose: () => void }) {
    const record = useRecordContext();
    const dataProvider = useDataProvider<ZhiliDataProvider>();
    const notify = useNotify();
    const refresh = useRefresh();
    const translate = useTranslate();
    const submit = async (values: Record<string, any>) => {
        let result;
        try {
            result = await dataProvider.runAction(model.name, action.name, String(record?.id), values);
        } catch (error: any) {
            const errors = error?.body?.errors;
            if (errors && Object.keys(errors).length) return errors;
            notify('zhili.action.failed', { type: 'error', messageArgs: { message: error?.message ?? '' } });
            return undefined;
        }
        const files: { rawFile: File }[] = values[ATTACHMENTS] ?? [];
        for (const { rawFile } of files) {
            await dataProvider
                .attachEvidence({ resource: action.evidenceOn!, id: String(result.data.id), file: rawFile })
                .catch((error: any) => notify('zhili.evidence.failed', { type: 'error', messageArgs: { name: rawFile.name, message: error?.message ?? '' } }));
        }
        notify('zhili.action.done', { type: 'success', messageArgs: { name: action.label[lang] } });
        refresh();
        onClose();
        return undefined;
    };
    return (
        <Dialog open onClose={onClose} fullWidth maxWidth="sm" onClick={e => e.stopPropagation()}>
            <Form onSubmit={submit} record={{}}>
                <DialogTitle>{action.label[lang]}</DialogTitle>
                <DialogContent>
                    {action.inputs.map(input => (
                        <FormInput key={input.name} input={input} locale={lang} />
                    ))}
                    {action.evidenceOn && (
                        <FileInput source={ATTACHMENTS} label={translate('zhili.tabs.evidence')} multiple placeholder={translate('zhili.evidence.drop')}>
                            <FileField source="src" title="title" />
                        </FileInput>
                    )}
                </DialogContent>
                <DialogActions>
                    <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
                    <SaveButton label={action.label[lang]} alwaysEnable icon={<></>} />
                </DialogActions>
            </Form>
        </Dialog>
    );
}
