/** The dialog of one action: the inputs its mutation takes (less what its transition fixes),
 * mandatory as the transition requires, files when it brings evidence. The server's messages land on
 * their fields; one that names no field shows above the buttons. */
import { useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
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
import type { ResourceModel, ZhiliDataProvider } from '../dataProvider';
import { dialogInputs, transitionPayload, type DialogInput, type Offered } from '../workflow/transitions';
import { FormInput } from './inputs';

const ATTACHMENTS = '__evidence';

/** What the form starts with: the schema's plain defaults, and false for a yes/no it must answer. */
export function initialValues(asked: DialogInput[]): Record<string, unknown> {
    return Object.fromEntries(
        asked.flatMap(({ input }) => {
            if (input.defaultValue !== undefined && input.defaultValue !== '') return [[input.name, input.defaultValue]];
            if (input.kind === 'boolean' && input.nonNull) return [[input.name, false]];
            return [];
        })
    );
}

export function ActionDialog({ model, offered, onClose }: { model: ResourceModel; offered: Offered; onClose: () => void }) {
    const record = useRecordContext();
    const dataProvider = useDataProvider<ZhiliDataProvider>();
    const notify = useNotify();
    const refresh = useRefresh();
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const lang = locale === 'en' ? 'en' : 'zh';
    const [serverError, setServerError] = useState<string | null>(null);
    const { action, entry, transition } = offered;
    const choice = (input: string, value: string) => translate(`zhili.choices.${input}.${value}`, { _: value });
    const asked = dialogInputs(action, entry, transition?.required ?? [], choice);
    const uploads = action.inputs.some(i => i.kind === 'upload');
    // files go to the child record the action makes (a progress report), or to the record itself
    const evidenceOn = action.evidenceOn ?? (transition?.evidence && !uploads ? model.name : undefined);
    const [initial] = useState(() => initialValues(asked));

    const attach = async (files: { rawFile: File }[], resource: string, id: string) => {
        for (const { rawFile } of files) {
            await dataProvider
                .attachEvidence({ resource, id, file: rawFile })
                .catch((error: any) => notify('zhili.evidence.failed', { type: 'error', messageArgs: { name: rawFile.name, message: error?.message ?? '' } }));
        }
    };
    const submit = async (values: Record<string, any>) => {
        setServerError(null);
        let result;
        try {
            const payload = transitionPayload(entry, asked, values);
            result = await dataProvider.runAction(model.name, action.name, String(record?.id), payload, entry?.aliases);
        } catch (error: any) {
            const { root, ...onFields } = error?.body?.errors ?? {};
            if (root?.serverError || !Object.keys(onFields).length) setServerError(root?.serverError ?? error?.message ?? '');
            return Object.keys(onFields).length ? onFields : undefined;
        }
        if (evidenceOn) {
            const target = evidenceOn === model.name ? String(record?.id) : String(result.data?.id);
            await attach(values[ATTACHMENTS] ?? [], evidenceOn, target);
        }
        notify('zhili.action.done', { type: 'success', messageArgs: { name: offered.label } });
        refresh();
        onClose();
        return undefined;
    };
    return (
        <Dialog open onClose={onClose} fullWidth maxWidth="sm" onClick={e => e.stopPropagation()} data-dialog={action.name}>
            <Form onSubmit={submit} record={initial}>
                <DialogTitle>{offered.label}</DialogTitle>
                <DialogContent>
                    {!asked.length && !evidenceOn && (
                        <DialogContentText>{translate('zhili.action.confirm', { name: offered.label })}</DialogContentText>
                    )}
                    {asked.map(({ input, required }) => (
                        <FormInput key={input.name} input={input} locale={lang} required={required} />
                    ))}
                    {evidenceOn && (
                        <FileInput source={ATTACHMENTS} label={translate('zhili.tabs.evidence')} multiple placeholder={translate('zhili.evidence.drop')}>
                            <FileField source="src" title="title" />
                        </FileInput>
                    )}
                    {serverError && <Alert severity="error" sx={{ mt: 1 }} data-testid="action-error">{translate('zhili.action.failed', { message: serverError })}</Alert>}
                </DialogContent>
                <DialogActions>
                    <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
                    <SaveButton label={offered.label} alwaysEnable icon={<></>} />
                </DialogActions>
            </Form>
        </Dialog>
    );
}
