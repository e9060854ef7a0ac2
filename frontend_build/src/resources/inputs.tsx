/** Form inputs for the fields of a create, update or workflow input, by the kind the model gives them. */
import {
    ArrayInput,
    AutocompleteArrayInput,
    AutocompleteInput,
    BooleanInput,
    DateInput,
    DateTimeInput,
    FileField,
    FileInput,
    NullableBooleanInput,
    NumberInput,
    ReferenceArrayInput,
    ReferenceInput,
    SelectInput,
    SimpleFormIterator,
    TextInput,
    required,
    useTranslate,
} from 'react-admin';
import type { InputFieldModel } from '../dataProvider';
import { childLabel, LONG_TEXT } from './labels';
import { useApiModel } from './useApiModel';

const searchQuery = (q: string) => (q ? { q } : {});

/** `required` overrides what the schema says (a workflow transition may require a field its
 * mutation types as optional). */
export function FormInput({ input, locale, required: mandatoryHere }: { input: InputFieldModel; locale: 'zh' | 'en'; required?: boolean }) {
    const translate = useTranslate();
    const api = useApiModel();
    const label = input.label[locale] || childLabel(translate, input.name);
    const mandatory = mandatoryHere ?? (input.nonNull && !input.hasDefault && input.kind !== 'boolean');
    const validate = mandatory && !input.many ? required() : undefined;
    const helperText = input.description && input.description !== label ? input.description : false;
    const common = { source: input.name, label, validate, helperText, fullWidth: true };

    if (input.kind === 'reference' && input.reference && api?.byName[input.reference]?.list) {
        const display = api.byName[input.reference].representation;
        return input.many ? (
            <ReferenceArrayInput source={input.name} reference={input.reference}>
                <AutocompleteArrayInput label={label} optionText={display} filterToQuery={searchQuery} helperText={helperText} fullWidth />
            </ReferenceArrayInput>
        ) : (
            <ReferenceInput source={input.name} reference={input.reference}>
                <AutocompleteInput label={label} optionText={display} filterToQuery={searchQuery} validate={validate} helperText={helperText} fullWidth />
            </ReferenceInput>
        );
    }
    if (input.choices.length) {
        return <SelectInput {...common} choices={input.choices} optionValue="value" optionText="label" />;
    }
    switch (input.kind) {
        case 'object':
            return (
                <ArrayInput source={input.name} label={label} validate={validate}>
                    <SimpleFormIterator inline>
                        {(input.fields ?? []).map(field => (
                            <FormInput key={field.name} input={field} locale={locale} />
                        ))}
                    </SimpleFormIterator>
                </ArrayInput>
            );
        case 'upload':
            return (
                <FileInput source={input.name} label={label} multiple={input.many} validate={validate}>
                    <FileField source="src" title="title" />
                </FileInput>
            );
        case 'boolean':
            return input.nonNull ? <BooleanInput source={input.name} label={label} helperText={helperText} /> : <NullableBooleanInput {...common} />;
        case 'int':
        case 'float':
        case 'decimal':
            return <NumberInput {...common} />;
        case 'date':
            return <DateInput {...common} />;
        case 'datetime':
            return <DateTimeInput {...common} />;
        default:
            return <TextInput {...common} multiline={LONG_TEXT.has(input.name)} minRows={LONG_TEXT.has(input.name) ? 3 : undefined} />;
    }
}
