/**
 * The one error shape of the API (OperationInfo messages) translated once into what react-admin
 * shows: each message on its form field, the rest as the form's server error (DESIGN.md:
 * validation errors show only with mutationMode="pessimistic").
 */
import { HttpError } from 'ra-core';

export interface OperationMessage {
    kind: string;
    field: string | null;
    message: string;
    code: string | null;
}

const camel = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The form field a server message belongs to: as `aliases` say (a service's `opinion` given as the
 * input `reason`), as named, camelCased, or the id/code input of a relation (members → memberIds). */
export function fieldFor(field: string | null, inputs: string[], aliases: Record<string, string> = {}): string | undefined {
    if (!field) return undefined;
    const name = camel(field);
    const single = name.endsWith('s') ? name.slice(0, -1) : name;
    const candidates = [aliases[field], field, name, `${name}Id`, `${name}Ids`, `${single}Ids`, `${name}Code`];
    return candidates.find(c => c && inputs.includes(c));
}

export function operationError(messages: OperationMessage[], inputs: string[], aliases: Record<string, string> = {}): HttpError {
    const errors: Record<string, unknown> = {};
    const general: string[] = [];
    for (const m of messages) {
        const field = fieldFor(m.field, inputs, aliases);
        if (field && errors[field] === undefined) errors[field] = m.message;
        else general.push(m.message);
    }
    const text = messages.map(m => m.message).join('；') || '操作未完成';
    if (general.length) errors.root = { serverError: general.join('；') };
    // 400 even for a PERMISSION message: a refused action is not an expired session (authProvider)
    return new HttpError(text, 400, { errors, messages });
}

export class NotFoundError extends HttpError {
    constructor() {
        super('ra.notification.item_doesnt_exist', 404, { notFound: true });
    }
}
