/** The buttons of an assessment's page: 提交考评 on a draft the reader may change, 审定 / 退回 on a
 * submitted one for county-level reviewers (rules.ts). Each opens the generic action dialog, which
 * shows the server's refusal in Chinese; a return asks for its reason. */
import { useState } from 'react';
import { Button } from '@mui/material';
import { useLocaleState, usePermissions, useRecordContext } from 'react-admin';
import type { Me, ResourceModel } from '../dataProvider';
import { ActionDialog } from '../resources/ActionDialog';
import type { Offered } from '../workflow/transitions';
import { assessmentActions, RETURN } from './rules';

export function AssessmentActions({ model }: { model: ResourceModel }) {
    const record = useRecordContext();
    const { permissions } = usePermissions<Me>();
    const [locale] = useLocaleState();
    const [open, setOpen] = useState<Offered | null>(null);
    const lang = locale === 'en' ? 'en' : 'zh';
    const names = assessmentActions(record, permissions, model.permissions.change);
    const offered: Offered[] = model.actions
        .filter(action => names.includes(action.name))
        .map(action => ({
            key: action.name,
            label: action.label[lang],
            action,
            // the API takes an empty remark, then refuses a return without one: ask for it up front
            transition: action.name === RETURN ? { name: 'return', label: action.label[lang], required: ['remark'], evidence: false } : undefined,
        }));
    return (
        <>
            {offered.map(item => (
                <Button key={item.key} size="small" onClick={() => setOpen(item)} data-action={item.action.name}>
                    {item.label}
                </Button>
            ))}
            {open && <ActionDialog model={model} offered={open} onClose={() => setOpen(null)} />}
        </>
    );
}
