/**
 * UI strings, one dictionary per locale. English is the reference: the type of every other
 * dictionary is English's, so a missing Chinese string is a type error, not a blank on the page.
 */
import en from './en.json';
import zhCn from './zh-cn.json';

export type UiStrings = typeof en;

/** Starlight locale keys (`undefined` is the root locale, English) mapped to their dictionaries. */
const dictionaries: Record<string, UiStrings> = { en, 'zh-cn': zhCn };

/** The dictionary for a Starlight locale; the root locale and unknown locales get English. */
export const uiStrings = (locale: string | undefined): UiStrings => dictionaries[locale ?? 'en'] ?? en;
