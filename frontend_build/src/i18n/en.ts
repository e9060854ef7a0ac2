import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'ra-core';
import { zhiliEn } from './zhili';

const en: TranslationMessages = { ...englishMessages, zhili: zhiliEn } as unknown as TranslationMessages;
export default en;
