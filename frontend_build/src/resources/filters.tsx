/** The list's filters, from the filters the API's list query offers. */
import {
    AutocompleteInput,
    DateInput,
    NullableBooleanInput,
    NumberInput,
    ReferenceInput,
    SearchInput,
    SelectInput,
    TextInput,
} from 'react-admin';
import type { ApiModel, ResourceModel } from '../dataProvider';

const SKIP = new Set(['id']);

export function filterInputs(api: ApiModel, resource: ResourceModel, locale: 'zh' | 'en') {
    const elements = [];
    for (const filter of resource.filters) {
        if (SKIP.has(filter.name)) continue;
        const label = filter.label[locale];
        if (filter.name === 'search') {
            elements.push(<SearchInput key="q" source="q" alwaysOn placeholder={label} />);
            continue;
        }
        const target = filter.reference ? api.byName[filter.reference] : undefined;
        if (target?.list) {
            elements.push(
                <ReferenceInput key={filter.name} source={filter.name} reference={target.name} label={label}>
                    <AutocompleteInput label={label} optionText={target.representation} filterToQuery={q => (q ? { q } : {})} />
                </ReferenceInput>
            );
            continue;
        }
        if (filter.choices.length) {
            elements.push(<SelectInput key={filter.name} source={filter.name} label={label} choices={filter.choices} optionValue="value" optionText="label" />);
        } else if (filter.kind === 'boolean') {
            elements.push(<NullableBooleanInput key={filter.name} source={filter.name} label={label} />);
        } else if (filter.kind === 'date' || filter.kind === 'datetime') {
            const from = locale === 'zh' ? '起' : ' from';
            const to = locale === 'zh' ? '止' : ' to';
            elements.push(<DateInput key={`${filter.name}__gte`} source={`${filter.name}__gte`} label={`${label}${from}`} />);
            elements.push(<DateInput key={`${filter.name}__lte`} source={`${filter.name}__lte`} label={`${label}${to}`} />);
        } else if (filter.kind === 'int' || filter.kind === 'float' || filter.kind === 'decimal') {
            elements.push(<NumberInput key={`${filter.name}__gte`} source={`${filter.name}__gte`} label={`${label} ≥`} />);
        } else {
            elements.push(<TextInput key={filter.name} source={filter.name} label={label} />);
        }
    }
    return elements;
}
