/** Create and edit pages of any entity: the inputs of its create / update mutation, pessimistic so
 * that the server's validation messages land on their fields. */
import { Create, Edit, SimpleForm, useLocaleState, useRecordContext } from 'react-admin';
import { valueAt, type InputFieldModel } from '../dataProvider';
import { FormInput } from './inputs';
import { useResourceModel } from './useApiModel';

function Inputs({ inputs }: { inputs: InputFieldModel[] }) {
    const [locale] = useLocaleState();
    const lang = locale === 'en' ? 'en' : 'zh';
    return (
        <>
            {inputs.map(input => (
                <FormInput key={input.name} input={input} locale={lang} />
            ))}
        </>
    );
}

/** The record as the update input names it: handlingUnit.id → handlingUnitId, area.id → areaCode. */
function EditForm({ inputs }: { inputs: InputFieldModel[] }) {
    const record = useRecordContext();
    const defaults = Object.fromEntries(inputs.map(input => [input.name, valueAt(record, input.recordPath)]));
    return (
        <SimpleForm defaultValues={defaults} warnWhenUnsavedChanges>
            <Inputs inputs={inputs} />
        </SimpleForm>
    );
}

export function GenericEdit() {
    const model = useResourceModel();
    if (!model?.update) return null;
    return (
        <Edit mutationMode="pessimistic" redirect="show">
            <EditForm inputs={model.update.inputs} />
        </Edit>
    );
}

export function GenericCreate() {
    const model = useResourceModel();
    if (!model?.create) return null;
    return (
        <Create redirect="show">
            <SimpleForm>
                <Inputs inputs={model.create.inputs} />
            </SimpleForm>
        </Create>
    );
}
