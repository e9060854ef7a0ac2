/** zh.ts is complete for react-admin 5: every English key has a Chinese message, each a single form
 * with no placeholder English lacks; the portal's own messages exist in both languages. */
import englishMessages from 'ra-language-english';
import { describe, expect, it } from 'vitest';
import en from '../src/i18n/en';
import zh from '../src/i18n/zh';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Record<string, string> {
    return Object.entries(tree).reduce<Record<string, string>>((acc, [key, value]) => {
        const path = prefix ? `${prefix}.${key}` : key;
        return typeof value === 'string' ? { ...acc, [path]: value } : { ...acc, ...flatten(value, path) };
    }, {});
}

const placeholders = (text: string) => new Set(text.match(/%\{\w+\}/g) ?? []);
const english = flatten(englishMessages as unknown as Tree);
const chinese = flatten(zh as unknown as Tree);

describe('zh-CN messages', () => {
    it('has every key of ra-language-english', () => {
        const missing = Object.keys(english).filter(key => !(key in chinese));
        expect(missing).toEqual([]);
        expect(Object.keys(english).length).toBeGreaterThan(150);
    });

    it('has no key react-admin does not know, outside the portal`s own `zhili.*`', () => {
        const extra = Object.keys(chinese).filter(key => !(key in english) && !key.startsWith('zhili.'));
        expect(extra).toEqual([]);
    });

    it('uses single plural forms and only placeholders the English message has', () => {
        for (const [key, text] of Object.entries(english)) {
            const translated = chinese[key];
            expect(translated, key).not.toContain('||||');
            for (const name of placeholders(translated)) {
                expect(placeholders(text).has(name), `${key}: ${name}`).toBe(true);
            }
        }
    });

    it('keeps the count in messages about several records', () => {
        for (const key of ['ra.action.bulk_actions', 'ra.notification.updated', 'ra.notification.deleted', 'ra.message.bulk_delete_content']) {
            expect(chinese[key]).toContain('%{smart_count}');
        }
    });

    it('is Chinese: no message with words is left in English', () => {
        const untranslated = Object.entries(chinese).filter(
            ([key, text]) =>
                key.startsWith('ra.') && /[A-Za-z]/.test(text.replace(/%\{\w+\}/g, '')) && text === english[key]
        );
        expect(untranslated).toEqual([]);
    });

    it('has the portal`s own messages in both languages', () => {
        const ours = (messages: unknown) =>
            Object.keys(flatten(messages as Tree)).filter(key => key.startsWith('zhili.')).sort();
        expect(ours(zh)).toEqual(ours(en));
        expect(ours(zh).length).toBeGreaterThan(50);
    });
});
