/** What the portal offers on an assessment, by its status and the reader's grants. The server stays
 * the authority (approving needs a county-level grant, schema/peacevillage); these only keep buttons
 * away from people who would be refused. Pure functions, tested without a browser. */
import type { ChecklistItem, Me } from '../dataProvider';

export const SUBMIT = 'submitPeaceVillageAssessment';
export const APPROVE = 'approvePeaceVillageAssessment';
export const RETURN = 'returnPeaceVillageAssessment';
const CHANGE = 'peacevillage.assessment:change';

export interface AssessmentItemRow {
    id: string;
    passed: boolean | null;
    auto: boolean;
    note: string;
    item: Pick<ChecklistItem, 'id' | 'code' | 'group' | 'text' | 'weight'>;
}

/** A record's results with their checklist items in full: the record links each item (`{ id code }`,
 * the checklist being an entity of its own), the checklist query says what it is. */
export function withChecklist(results: { id: string; passed: boolean | null; auto: boolean; note: string; item: Partial<ChecklistItem> & { id: string } }[], checklist: ChecklistItem[]): AssessmentItemRow[] {
    const byId = new Map(checklist.map(item => [String(item.id), item]));
    return results.map(result => {
        const known = byId.get(String(result.item.id));
        const item = { code: '', group: '', text: '', weight: 0, ...result.item, ...known };
        return { ...result, item };
    });
}

/** The digits that name a city (4) or county (6) scope; null for a township or village scope. */
function countyLevelPrefix(scopeCode: string): string | null {
    if (!/^\d{12}$/.test(scopeCode)) return null;
    if (scopeCode.endsWith('00000000')) return scopeCode.slice(0, 4);
    if (scopeCode.endsWith('000000')) return scopeCode.slice(0, 6);
    return null;
}

/** May review (approve or return) assessments of `villageCode`: a county- or city-level grant over it. */
export function mayReview(me: Me | undefined, villageCode: string): boolean {
    if (!me) return false;
    if (me.isSuperuser) return true;
    if (!me.permissions.includes(CHANGE)) return false;
    return me.grants.some(grant => {
        const prefix = countyLevelPrefix(grant.scopeCode);
        return prefix !== null && villageCode.startsWith(prefix);
    });
}

/** The workflow mutations offered on an assessment now: the server's `availableActions` when the
 * record carries them (the API decides with the same rule it enforces), else derived from `me`. */
export function assessmentActions(record: Record<string, any> | undefined, me: Me | undefined, mayChange: boolean): string[] {
    if (!record) return [];
    if (Array.isArray(record.availableActions)) return record.availableActions.map(String);
    const village = String(record.area?.code ?? record.area?.id ?? '');
    if (record.status === 'draft' && mayChange) return [SUBMIT];
    if (record.status === 'submitted' && mayReview(me, village)) return [APPROVE, RETURN];
    return [];
}

export const GROUPS = ['five_have', 'six_none'] as const;

/** The items of one checklist group, in code order. */
export const itemsOf = (items: AssessmentItemRow[], group: string) =>
    items.filter(row => row.item.group === group).sort((a, b) => a.item.code.localeCompare(b.item.code));

export const pendingCount = (items: AssessmentItemRow[]) => items.filter(row => row.passed === null).length;

/** Periods to pick from: this year and the last, as years, halves and quarters, newest first. */
export function periodChoices(year: number): string[] {
    const choices: string[] = [];
    for (const y of [year, year - 1]) choices.push(`${y}-H2`, `${y}-H1`, `${y}`, `${y}-Q4`, `${y}-Q3`, `${y}-Q2`, `${y}-Q1`);
    return choices;
}
