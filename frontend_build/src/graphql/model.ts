/**
 * The portal's model of the API: the server's `resources` description (labels, choices, columns,
 * filters, actions, permissions) joined with the schema's introspection (argument and input types).
 * Plain data: the pages render from it and never see a GraphQL document.
 */
import type {
    IntrospectionField,
    IntrospectionInputValue,
    IntrospectionSchema,
    IntrospectionType,
    IntrospectionTypeRef,
} from 'graphql';

export type Locale = 'zh' | 'en';
export interface Label {
    zh: string;
    en: string;
}
export interface Choice {
    value: string;
    label: string;
}
export type ScalarKind =
    | 'id'
    | 'string'
    | 'int'
    | 'float'
    | 'decimal'
    | 'boolean'
    | 'date'
    | 'datetime'
    | 'time'
    | 'upload'
    | 'enum'
    | 'json';
/** `reference`: a record of another resource; `object`: a child record shown inside its parent. */
export type Kind = ScalarKind | 'reference' | 'object';

export interface FieldModel {
    name: string;
    label: Label;
    kind: Kind;
    typeName: string;
    many: boolean;
    nonNull: boolean;
    required: boolean;
    choices: Choice[];
    sensitive: boolean;
    /** the resource a `reference` field links to */
    reference?: string;
}

export interface InputFieldModel {
    name: string;
    label: Label;
    kind: Kind;
    typeName: string;
    many: boolean;
    nonNull: boolean;
    hasDefault: boolean;
    /** the schema's default, when it is a plain value (true, 0, "") */
    defaultValue?: unknown;
    description: string;
    choices: Choice[];
    reference?: string;
    /** where an edit form finds the current value in the record, e.g. ['handlingUnit', 'id'] */
    recordPath: string[];
    /** the fields of a nested input object (a dispute's parties) */
    fields?: InputFieldModel[];
}

export interface FilterModel {
    name: string;
    label: Label;
    kind: Kind;
    typeName: string;
    /** a strawberry-django lookup input ({exact, inList, gte, …}) rather than a plain value */
    lookups: string[];
    choices: Choice[];
    reference?: string;
}

export interface OperationModel {
    name: string;
    /** the arguments as declared, e.g. [['data', 'DisputeCreateInput!']] */
    args: [string, string][];
}

export interface ActionModel extends OperationModel {
    label: Label;
    /** the fields of its `data` input (or its own arguments), without the record's `id` */
    inputs: InputFieldModel[];
    /** true when the record's id is passed as `data.id` (or `id`) */
    takesId: boolean;
    /** false when the server says this user may not take it */
    allowed: boolean;
    /** the GraphQL type it returns (besides OperationInfo) */
    returns: string;
    /** where files given with the action are attached: the returned record's type, when it has
     * evidence (a task's progress report) */
    evidenceOn?: string;
}

export interface Permissions {
    view: boolean;
    add: boolean;
    change: boolean;
    delete: boolean;
}

/** A declared workflow process (workflowProcesses): its states live in `stateField`. */
export interface ProcessModel {
    name: string;
    label: string;
    objectType: string;
    stateField: string;
    closedStates: string[];
}

export interface ResourceModel {
    name: string;
    label: Label;
    /** the backend model, e.g. reports.report: the `objectType` of workflow queries and notifications */
    objectType?: string;
    /** the workflow process that runs this entity's records, when the server declares one */
    process?: ProcessModel;
    list?: OperationModel;
    detail?: OperationModel & { arg: string };
    create?: OperationModel & { inputs: InputFieldModel[] };
    update?: OperationModel & { inputs: InputFieldModel[] };
    delete?: OperationModel;
    fields: FieldModel[];
    listColumns: string[];
    filters: FilterModel[];
    sortable: string[];
    actions: ActionModel[];
    permissions: Permissions;
    /** the field that names a record in titles and references */
    representation: string;
    /** how getMany finds several records: an `id` lookup in the list filter, else one by one */
    manyById: boolean;
}

export interface ApiModel {
    schema: IntrospectionSchema;
    resources: ResourceModel[];
    byName: Record<string, ResourceModel>;
    /** root query and mutation fields, by name */
    queries: Record<string, IntrospectionField>;
    mutations: Record<string, IntrospectionField>;
    types: Record<string, IntrospectionType>;
}

/** The server's `resources` entry, as the GraphQL query returns it. */
export interface ResourceDescription {
    name: string;
    /** the backend model (when the server says), e.g. disputes.dispute */
    model?: string;
    labelZh: string;
    labelEn: string;
    listQuery: string | null;
    detailQuery: string | null;
    createMutation: string | null;
    updateMutation: string | null;
    deleteMutation: string | null;
    listColumns: string[];
    sortable: string[];
    fields: {
        name: string;
        type: string;
        labelZh: string;
        labelEn: string;
        required: boolean;
        choices: Choice[];
        sensitive: boolean;
        reference: string | null;
        many: boolean;
    }[];
    filters: { name: string; type: string; label: string }[];
    /** `allowed`: whether this user may take the action at all (when the server says) */
    actions: { name: string; label: string; allowed?: boolean }[];
    permissions: Permissions;
}

const SCALARS: Partial<Record<string, ScalarKind>> = {
    ID: 'id',
    String: 'string',
    Int: 'int',
    Float: 'float',
    Decimal: 'decimal',
    Boolean: 'boolean',
    Date: 'date',
    DateTime: 'datetime',
    Time: 'time',
    Upload: 'upload',
    JSON: 'json',
};
const LABEL_FIELDS = ['name', 'title', 'number', 'originalName', 'label', 'code', 'username', 'processLabel'];

export function namedType(ref: IntrospectionTypeRef): string {
    let current = ref;
    while ('ofType' in current && current.ofType) current = current.ofType;
    return (current as { name: string }).name;
}

export function printType(ref: IntrospectionTypeRef): string {
    if (ref.kind === 'NON_NULL') return `${printType(ref.ofType)}!`;
    if (ref.kind === 'LIST') return `[${printType(ref.ofType)}]`;
    return ref.name;
}

export function isList(ref: IntrospectionTypeRef): boolean {
    const inner = ref.kind === 'NON_NULL' ? ref.ofType : ref;
    return inner.kind === 'LIST';
}

export function buildModel(
    schema: IntrospectionSchema,
    described: ResourceDescription[],
    processes: ProcessModel[] = []
): ApiModel {
    const types = Object.fromEntries(schema.types.map(t => [t.name, t]));
    const fieldsOf = (name: string | undefined) =>
        Object.fromEntries(
            ((name && (types[name] as { fields?: IntrospectionField[] })?.fields) || []).map(f => [
                f.name,
                f,
            ])
        );
    const api: ApiModel = {
        schema,
        types,
        queries: fieldsOf(schema.queryType?.name),
        mutations: fieldsOf(schema.mutationType?.name),
        resources: [],
        byName: {},
    };
    const linkable = new Set(described.filter(d => d.listQuery || d.detailQuery).map(d => d.name));
    api.resources = described.map(d => resourceModel(api, d, linkable));
    for (const resource of api.resources) {
        resource.process = processes.find(p => p.objectType === resource.objectType);
    }
    api.byName = Object.fromEntries(api.resources.map(r => [r.name, r]));
    for (const resource of api.resources) {
        linkInputs(api, resource);
        addChildActions(api, resource);
    }
    return api;
}

function resourceModel(
    api: ApiModel,
    d: ResourceDescription,
    linkable: Set<string>
): ResourceModel {
    const fields = d.fields.map(f => fieldModel(api, f, linkable));
    const operation = (name: string | null, table: Record<string, IntrospectionField>) =>
        name && table[name]
            ? { name, args: table[name].args.map(a => [a.name, printType(a.type)] as [string, string]) }
            : undefined;
    const detail = operation(d.detailQuery, api.queries);
    const listFilter = d.listQuery ? filterInputType(api, d.listQuery) : undefined;
    return {
        name: d.name,
        label: { zh: d.labelZh, en: d.labelEn },
        objectType: d.model,
        list: operation(d.listQuery, api.queries),
        detail: detail && { ...detail, arg: detail.args[0]?.[0] ?? 'id' },
        create: withInputs(operation(d.createMutation, api.mutations)),
        update: withInputs(operation(d.updateMutation, api.mutations)),
        delete: operation(d.deleteMutation, api.mutations),
        fields,
        listColumns: d.listColumns.filter(c => fields.some(f => f.name === c)),
        filters: d.filters.map(f => filterModel(api, f, fields, linkable)),
        sortable: d.sortable,
        actions: d.actions
            .filter(a => api.mutations[a.name])
            .map(a => ({ ...actionModel(api, a.name, a.label), allowed: a.allowed ?? true })),
        permissions: d.permissions,
        representation: LABEL_FIELDS.find(n => fields.some(f => f.name === n)) ?? 'id',
        manyById: Boolean(listFilter && inputFields(api, listFilter).some(f => f.name === 'id')),
    };
}

function withInputs(operation: OperationModel | undefined) {
    return operation && { ...operation, inputs: [] as InputFieldModel[] };
}

function fieldModel(
    api: ApiModel,
    f: ResourceDescription['fields'][number],
    linkable: Set<string>
): FieldModel {
    const typeName = f.type.replace(/[[\]!]/g, '');
    const graphqlType = api.types[typeName];
    const scalar = SCALARS[typeName] ?? (graphqlType?.kind === 'ENUM' ? 'enum' : undefined);
    const kind: Kind = scalar ?? (f.reference && linkable.has(f.reference) ? 'reference' : 'object');
    return {
        name: f.name,
        label: { zh: f.labelZh, en: f.labelEn },
        kind,
        typeName,
        many: f.many,
        nonNull: f.type.endsWith('!'),
        required: f.required,
        choices: f.choices,
        sensitive: f.sensitive,
        reference: kind === 'reference' ? (f.reference ?? undefined) : undefined,
    };
}

function filterInputType(api: ApiModel, listQuery: string): string | undefined {
    const arg = api.queries[listQuery]?.args.find(a => a.name === 'filters');
    return arg ? namedType(arg.type) : undefined;
}

export function inputFields(api: ApiModel, typeName: string): IntrospectionInputValue[] {
    const type = api.types[typeName] as { inputFields?: IntrospectionInputValue[] } | undefined;
    return type?.inputFields ?? [];
}

function filterModel(
    api: ApiModel,
    f: ResourceDescription['filters'][number],
    fields: FieldModel[],
    linkable: Set<string>
): FilterModel {
    const typeName = f.type.replace(/[[\]!]/g, '');
    const lookups = inputFields(api, typeName).map(l => l.name);
    const valueType = lookups.length
        ? namedType(inputFields(api, typeName).find(l => l.name === 'exact')?.type ?? { kind: 'SCALAR', name: 'String' } as IntrospectionTypeRef)
        : typeName;
    const field = fields.find(x => x.name === f.name);
    const byName = [...linkable].find(n => n.toLowerCase() === f.name.toLowerCase());
    const reference =
        field?.kind === 'reference' && ['ID', 'String'].includes(valueType)
            ? field.reference
            : valueType === 'ID' && !field && byName
              ? byName
              : undefined;
    return {
        name: f.name,
        label: { zh: f.label, en: field?.label.en ?? humanise(f.name) },
        kind: reference ? 'reference' : (SCALARS[valueType] ?? 'string'),
        typeName,
        lookups,
        choices: field?.choices ?? [],
        reference,
    };
}

function actionModel(api: ApiModel, name: string, label: string): ActionModel {
    const field = api.mutations[name];
    const data = field.args.find(a => a.name === 'data');
    const raw = data ? inputFields(api, namedType(data.type)) : field.args;
    const takesId = raw.some(f => f.name === 'id');
    const returns = api.types[namedType(field.type)] as { possibleTypes?: { name: string }[] };
    return {
        name,
        label: { zh: label, en: humanise(name) },
        args: field.args.map(a => [a.name, printType(a.type)]),
        inputs: raw.filter(f => f.name !== 'id').map(f => inputModel(api, f, [], undefined)),
        takesId,
        allowed: true,
        returns:
            returns?.possibleTypes?.map(t => t.name).find(n => n !== 'OperationInfo') ??
            namedType(field.type),
    };
}

/** Any mutation as an action of `resource` (a workflow transition's mutation the description does
 * not list under it): its inputs labelled from the resource's fields. */
export function mutationAction(api: ApiModel, resource: ResourceModel, name: string): ActionModel | undefined {
    const listed = resource.actions.find(a => a.name === name);
    if (listed) return listed;
    const field = api.mutations[name];
    if (!field) return undefined;
    const base = actionModel(api, name, shortLabel(field.description ?? '') || humanise(name));
    const action = { ...base, inputs: base.inputs.map(i => relabel(api, i, resource)) };
    return { ...action, evidenceOn: evidenceTarget(api, resource, action) };
}

/** Mutations that add a child record (reportTaskProgress → a CreationTask's progressReports): actions
 * of the parent, taking its id. Their results may carry evidence, uploaded with the action. */
function addChildActions(api: ApiModel, resource: ResourceModel) {
    const children = new Set(resource.fields.filter(f => f.many && f.kind === 'object').map(f => f.typeName));
    for (const [name, field] of Object.entries(api.mutations)) {
        if (resource.actions.some(a => a.name === name)) continue;
        const action = actionModel(api, name, shortLabel(field.description ?? '') || humanise(name));
        if (!children.has(action.returns) || api.byName[action.returns] || !action.takesId) continue;
        resource.actions.push({ ...action, inputs: action.inputs.map(i => relabel(api, i, resource)) });
    }
    for (const action of resource.actions) action.evidenceOn = evidenceTarget(api, resource, action);
}

/** Where files given with an action go: the child record it returns, when that has evidence. */
function evidenceTarget(api: ApiModel, resource: ResourceModel, action: ActionModel): string | undefined {
    const returned = api.types[action.returns] as { fields?: IntrospectionField[] } | undefined;
    const parents = (api.types.EvidenceParent as { enumValues?: { name: string }[] } | undefined)?.enumValues ?? [];
    const parent = action.returns.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
    const uploads = action.inputs.some(i => i.kind === 'upload');
    const attachable = returned?.fields?.some(f => f.name === 'evidence') && parents.some(p => p.name === parent);
    return !uploads && action.returns !== resource.name && attachable ? action.returns : undefined;
}

/** Create and update forms: their inputs, labelled from the matching output fields. */
function linkInputs(api: ApiModel, resource: ResourceModel) {
    for (const operation of [resource.create, resource.update]) {
        if (!operation) continue;
        const data = operation.args.find(([name]) => name === 'data');
        if (!data) continue;
        operation.inputs = inputFields(api, data[1].replace(/[[\]!]/g, ''))
            .filter(f => f.name !== 'id')
            .map(f => inputModel(api, f, resource.fields, resource));
    }
    for (const action of resource.actions) {
        action.inputs = action.inputs.map(i => relabel(api, i, resource));
    }
}

function relabel(api: ApiModel, input: InputFieldModel, resource: ResourceModel): InputFieldModel {
    const matched = matchField(api, input.name, resource.fields);
    return matched ? { ...input, ...matched } : input;
}

function inputModel(
    api: ApiModel,
    f: IntrospectionInputValue,
    fields: FieldModel[],
    resource: ResourceModel | undefined
): InputFieldModel {
    const typeName = namedType(f.type);
    const graphqlType = api.types[typeName];
    const description = f.description ?? '';
    const base: InputFieldModel = {
        name: f.name,
        label: { zh: shortLabel(description) || '', en: humanise(f.name) },
        kind: SCALARS[typeName] ?? (graphqlType?.kind === 'ENUM' ? 'enum' : 'object'),
        typeName,
        many: isList(f.type),
        nonNull: f.type.kind === 'NON_NULL',
        hasDefault: f.defaultValue != null,
        defaultValue: literal(f.defaultValue),
        description,
        choices:
            graphqlType?.kind === 'ENUM'
                ? graphqlType.enumValues.map(v => ({ value: v.name, label: shortLabel(v.description ?? '') || v.name }))
                : [],
        recordPath: [f.name],
    };
    if (base.kind === 'object') {
        base.fields = inputFields(api, typeName).map(n => inputModel(api, n, [], undefined));
    }
    const matched = resource ? matchField(api, f.name, fields) : undefined;
    return matched ? { ...base, ...matched } : base;
}

/** handlingUnitId ↔ handlingUnit (a Unit), areaCode ↔ area (an Area, whose id is its code),
 * memberIds ↔ members, title ↔ title. */
function matchField(
    api: ApiModel,
    name: string,
    fields: FieldModel[]
): Partial<InputFieldModel> | undefined {
    const same = fields.find(x => x.name === name);
    if (same && same.kind !== 'reference' && same.kind !== 'object') {
        return { label: same.label, choices: same.choices, recordPath: [same.name] };
    }
    if (same) return { label: same.label, recordPath: [same.name] }; // parties: [PartyInput] ↔ parties
    const m = /^(.*?)(Id|Ids|Code|Codes)$/.exec(name);
    if (!m) return undefined;
    const [, stem, suffix] = m;
    const field = fields.find(x => x.name === stem) ?? fields.find(x => x.name === `${stem}s`);
    if (!field) return referenceByName(api, stem, suffix);
    if (field.kind !== 'reference' && field.kind !== 'object') return undefined;
    const target = field.reference ? api.byName[field.reference] : undefined;
    // a code is the record's id only where the target is looked up by its code (Area)
    if (suffix.startsWith('Code') && target?.detail?.arg !== 'code') {
        return { label: field.label, recordPath: [field.name, 'code'] };
    }
    if (field.kind !== 'reference') return { label: field.label, recordPath: [field.name, 'id'] };
    return {
        label: field.label,
        kind: 'reference',
        reference: field.reference,
        recordPath: field.many ? [field.name] : [field.name, 'id'],
    };
}

/** An id input that names no field of the record (memberIds, toUnitId): the resource its name ends
 * with (TeamMember, Unit), if the API lists it. */
function referenceByName(api: ApiModel, stem: string, suffix: string): Partial<InputFieldModel> | undefined {
    if (!suffix.startsWith('Id')) return undefined;
    const capitalised = stem.charAt(0).toUpperCase() + stem.slice(1);
    const lastWord = /[A-Z][a-z0-9]*$/.exec(capitalised)?.[0] ?? capitalised;
    const target =
        api.resources.find(r => r.list && r.name === capitalised) ??
        api.resources.find(r => r.list && r.name.endsWith(capitalised)) ??
        api.resources.find(r => r.list && r.name === lastWord);
    return target && { kind: 'reference', reference: target.name };
}

/** A default value as GraphQL prints it (true, 3, "") when it reads as JSON; enums and objects not. */
function literal(printed: string | null | undefined): unknown {
    if (printed == null) return undefined;
    try {
        const value: unknown = JSON.parse(printed);
        return value !== null && typeof value === 'object' ? undefined : value;
    } catch {
        return undefined;
    }
}

/** The label part of a description: up to its first bracket or clause break. */
export function shortLabel(description: string): string {
    return description.split(/[（(；;，,：:\n]/, 1)[0].trim();
}

export function humanise(name: string): string {
    const text = name
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .replace(/_/g, ' ')
        .toLowerCase();
    return text === 'id' ? 'ID' : text.charAt(0).toUpperCase() + text.slice(1);
}
