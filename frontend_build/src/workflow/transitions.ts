/**
 * Workflow transitions → the API's mutations, in one declarative table. The server says which
 * transitions the user may take on a record now (`workflowActions`); this table says which mutation
 * carries each, and the values a transition fixes (乡镇审核通过 is `reviewSubsidyCase` with
 * decision "pass"). A transition missing here is not offered; a mutation missing from the schema
 * (not deployed yet) neither.
 */
import { fieldFor } from '../graphql/errors';
import { mutationAction, type ActionModel, type ApiModel, type Choice, type InputFieldModel, type ResourceModel } from '../graphql/model';

export interface TransitionEntry {
    mutation: string;
    /** input values the transition fixes: not asked in its dialog */
    fixed?: Record<string, unknown>;
    /** a zhili.workflow.variants.* key naming it where two transitions share a label */
    variant?: string;
    /** the input that carries a field the transition requires under another name */
    aliases?: Record<string, string>;
}

/** What the server says about one transition the user may take now. */
export interface WorkflowAction {
    name: string;
    label: string;
    required: string[];
    evidence: boolean;
    target?: string | null;
}

/** By resource (the GraphQL type), then transition name as declared in backend/<app>/workflow. */
export const TRANSITIONS: Record<string, Record<string, TransitionEntry>> = {
    Report: {
        dispatch: { mutation: 'dispatchReport' },
        sign: { mutation: 'signReport' },
        return: { mutation: 'returnReport' },
        transfer: { mutation: 'transferReport' },
        request_extension: { mutation: 'requestReportExtension' },
        decide_extension: { mutation: 'approveReportExtension' },
        feedback: { mutation: 'submitReportFeedback' },
        verify: { mutation: 'verifyReport' },
        send_back: { mutation: 'sendBackReport' },
        close: { mutation: 'closeReport' },
        evaluate: { mutation: 'evaluateReport' },
        supervise: { mutation: 'superviseReport' },
    },
    Dispute: {
        assign: { mutation: 'assignMediators' },
        record: { mutation: 'recordMediation' },
        conclude: { mutation: 'concludeAgreement' },
        fail: { mutation: 'failMediation' },
        followup: { mutation: 'recordFollowUp' },
        apply_confirmation: { mutation: 'applyJudicialConfirmation' },
        accept_confirmation: { mutation: 'acceptJudicialConfirmation' },
        rule_confirmation: { mutation: 'ruleJudicialConfirmation' },
        close: { mutation: 'closeDispute' },
        supervise: { mutation: 'superviseDispute' },
    },
    CreationTask: {
        assign: { mutation: 'assignCreationTask' },
        report_progress: { mutation: 'reportTaskProgress' },
        submit: { mutation: 'submitTaskForReview' },
        accept: { mutation: 'acceptTask' },
        return: { mutation: 'returnTask' },
    },
    SubsidyCase: {
        township_pass: { mutation: 'reviewSubsidyCase', fixed: { decision: 'pass' } },
        township_reject: { mutation: 'reviewSubsidyCase', fixed: { decision: 'reject' } },
        county_approve: { mutation: 'approveSubsidyCase' },
        county_reject: { mutation: 'rejectSubsidyCase', aliases: { opinion: 'reason' } },
        start_payment: { mutation: 'startSubsidyPayment' },
        recheck_continue: { mutation: 'recheckSubsidyCase', fixed: { outcome: 'continue' } },
        recheck_suspend: { mutation: 'recheckSubsidyCase', fixed: { outcome: 'suspend' } },
        recheck_end: { mutation: 'recheckSubsidyCase', fixed: { outcome: 'end' } },
        suspend: { mutation: 'suspendSubsidyCase', aliases: { opinion: 'reason' } },
        end: { mutation: 'endSubsidyCase', aliases: { opinion: 'reason' } },
    },
    EnterpriseProblem: {
        assign_leader: { mutation: 'assignProblemLeader' },
        dispatch: { mutation: 'dispatchEnterpriseProblem' },
        accept: { mutation: 'acceptEnterpriseProblem' },
        answer: { mutation: 'answerEnterpriseProblem' },
        rate_satisfied: { mutation: 'rateEnterpriseProblem', fixed: { satisfaction: 'satisfied' }, variant: 'satisfied' },
        rate_dissatisfied: { mutation: 'rateEnterpriseProblem', fixed: { satisfaction: 'dissatisfied' }, variant: 'dissatisfied' },
        supervise: { mutation: 'superviseEnterpriseProblem' },
    },
};

/** Inputs whose values are a closed list the schema states only in words ("ordinary / yellow /
 * red"): their choices, labelled by zhili.choices.<input>.<value>. */
export const INPUT_CHOICES: Record<string, string[]> = {
    level: ['ordinary', 'yellow', 'red'],
    measure: ['01', '02', '03', '04', '05', '06', '07'],
    satisfaction: ['satisfied', 'basically', 'dissatisfied'],
    form: ['written', 'oral'],
    ruling: ['valid', 'invalid'],
    nextStep: ['remediate', 'litigate'],
};

/** Id inputs that name no field of the record: the entity they pick from. */
export const INPUT_REFERENCES: Record<string, string> = {
    courtId: 'Unit',
};

export const entryFor = (resource: string, transition: string): TransitionEntry | undefined =>
    TRANSITIONS[resource]?.[transition];

/** The mutations of a resource's process: offered only when the server lists their transition. */
export const workflowMutations = (resource: string): Set<string> =>
    new Set(Object.values(TRANSITIONS[resource] ?? {}).map(e => e.mutation));

/** One action offered on a record: a mutation, and the workflow transition it carries (if any). */
export interface Offered {
    key: string;
    label: string;
    action: ActionModel;
    entry?: TransitionEntry;
    transition?: WorkflowAction;
}

/** The transitions the server lists, each with its mutation (unknown or undeployed ones left out);
 * labelled as the server names them in Chinese, by the mutation in English. */
export function offeredTransitions(
    api: ApiModel,
    model: ResourceModel,
    transitions: WorkflowAction[],
    lang: 'zh' | 'en',
    variantLabel: (variant: string) => string
): Offered[] {
    return transitions.flatMap(transition => {
        const entry = entryFor(model.name, transition.name);
        const action = entry && mutationAction(api, model, entry.mutation);
        if (!entry || !action) return [];
        const base = lang === 'zh' ? transition.label : action.label.en;
        const label = entry.variant ? `${base}：${variantLabel(entry.variant)}` : base;
        return [{ key: transition.name, label, action, entry, transition }];
    });
}

export interface DialogInput {
    input: InputFieldModel;
    /** the transition requires it (or the schema does): asked as mandatory */
    required: boolean;
}

/** The fields a transition's dialog asks: the mutation's inputs less the fixed ones, required as
 * the transition declares (its `required` names model fields: to_unit → toUnitId). */
export function dialogInputs(action: ActionModel, entry: TransitionEntry | undefined, required: string[], choice: (input: string, value: string) => string): DialogInput[] {
    const names = action.inputs.map(i => i.name);
    const mandatory = new Set(required.map(r => fieldFor(r, names, entry?.aliases)).filter(Boolean));
    return action.inputs
        .filter(input => !(entry?.fixed && input.name in entry.fixed))
        .map(input => ({
            input: withChoices(input, choice),
            required: mandatory.has(input.name) || (input.nonNull && !input.hasDefault && input.kind !== 'boolean' && !input.many),
        }));
}

function withChoices(input: InputFieldModel, choice: (input: string, value: string) => string): InputFieldModel {
    const reference = INPUT_REFERENCES[input.name];
    if (reference && input.kind === 'id') return { ...input, kind: 'reference', reference };
    const values = INPUT_CHOICES[input.name];
    if (input.choices.length || !values || input.kind !== 'string') return input;
    const choices: Choice[] = values.map(value => ({ value, label: choice(input.name, value) }));
    return { ...input, choices };
}

/** The values sent: what the user gave for the asked inputs, then what the transition fixes. */
export function transitionPayload(entry: TransitionEntry | undefined, asked: DialogInput[], values: Record<string, unknown>): Record<string, unknown> {
    const names = new Set(asked.map(a => a.input.name));
    const given = Object.fromEntries(Object.entries(values).filter(([name]) => names.has(name)));
    return { ...given, ...(entry?.fixed ?? {}) };
}

