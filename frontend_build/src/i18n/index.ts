/**
 * Chinese by default, English switchable. Entity and field names come from the server's resource
 * description: `resourceMessages` turns it into react-admin's `resources.<Name>.fields.<field>` keys,
 * so every built-in label, title and filter of react-admin uses them.
 */
import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { I18nProvider } from 'ra-core';
import type { ResourceModel } from '../dataProvider';
import en from './en';
import zh from './zh';

export type PortalLocale = 'zh' | 'en';
const catalogues = { zh, en };
const STORED = 'zhili.locale';

const dynamic: Record<PortalLocale, Record<string, string>> = { zh: {}, en: {} };

export function resourceMessages(resources: ResourceModel[]) {
    for (const locale of ['zh', 'en'] as const) {
        dynamic[locale] = {};
        for (const resource of resources) {
            dynamic[locale][`resources.${resource.name}.name`] = resource.label[locale];
            for (const field of resource.fields) {
                dynamic[locale][`resources.${resource.name}.fields.${field.name}`] = field.label[locale];
            }
            for (const filter of resource.filters) {
                dynamic[locale][`resources.${resource.name}.fields.${filter.name}`] ??= filter.label[locale];
            }
            for (const input of [...(resource.create?.inputs ?? []), ...(resource.update?.inputs ?? [])]) {
                if (input.label[locale]) dynamic[locale][`resources.${resource.name}.fields.${input.name}`] ??= input.label[locale];
            }
        }
    }
}

function initialLocale(): PortalLocale {
    const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORED);
    return stored === 'en' ? 'en' : 'zh';
}

const polyglot = polyglotI18nProvider(locale => catalogues[locale as PortalLocale] ?? zh, initialLocale(), [
    { locale: 'zh', name: '简体中文' },
    { locale: 'en', name: 'English' },
]);

export const i18nProvider: I18nProvider = {
    ...polyglot,
    translate: (key, options) => dynamic[polyglot.getLocale() as PortalLocale]?.[key] ?? polyglot.translate(key, options),
    changeLocale: async (locale, options) => {
        if (typeof localStorage !== 'undefined') localStorage.setItem(STORED, locale);
        return polyglot.changeLocale(locale, options);
    },
};

/** For Intl: dates and numbers in the reader's format. */
export const intlLocale = (locale: string) => (locale === 'en' ? 'en-US' : 'zh-CN');
