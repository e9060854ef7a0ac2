/**
 * react-admin filter values → a strawberry-django `filters` input. A source `deadline__lte` asks for
 * the `lte` lookup of `deadline`; a plain value of a lookup field means `exact`, a list `inList`; `q`
 * is the text search. Values for filters the list does not offer are dropped, never sent.
 */
import { inputFields, namedType, type ApiModel, type ResourceModel } from './model';

export function toFilterInput(
    api: ApiModel,
    resource: ResourceModel,
    values: Record<string, unknown> = {}
): Record<string, unknown> {
    const argument = resource.list && api.queries[resource.list.name]?.args.find(a => a.name === 'filters');
    if (!argument) return {};
    const available = Object.fromEntries(
        inputFields(api, namedType(argument.type)).map(f => [f.name, namedType(f.type)])
    );
    const result: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(values)) {
        if (value === undefined || value === null || value === '') continue;
        const [name, lookup] = (key === 'q' ? 'search' : key).split('__');
        const typeName = available[name];
        if (!typeName) continue;
        const lookups = inputFields(api, typeName).map(f => f.name);
        if (lookups.length === 0) {
            result[name] = value;
            continue;
        }
        const chosen = lookup ?? (Array.isArray(value) ? 'inList' : 'exact');
        if (!lookups.includes(chosen)) continue;
        result[name] = { ...(result[name] as object | undefined), [chosen]: value };
    }
    return result;
}
