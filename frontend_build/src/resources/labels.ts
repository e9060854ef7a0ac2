/** Labels of child-record fields, which the resource description does not name: the portal's glossary
 * (`zhili.fields.*`), else the field name made readable. */
import { humanise } from '../dataProvider';

export const childLabel = (translate: (key: string, options?: object) => string, name: string) =>
    translate(`zhili.fields.${name}`, { _: humanise(name) });

export const LONG_TEXT = new Set([
    'summary', 'description', 'content', 'narrative', 'reason', 'note', 'target', 'facts', 'terms',
    'outcome', 'evaluation', 'comment', 'disputedPoints', 'responsibilities', 'ruling', 'answer',
]);
