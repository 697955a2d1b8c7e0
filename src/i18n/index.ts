/**
 * UI strings: one small JSON dictionary per component and locale, `src/i18n/<locale>/<component>.json`.
 * English is the reference: every other locale's dictionary is typed as English's, so a missing
 * Chinese string is a type error here, not a blank on the page (tests/calc-ui/i18n.test.ts checks
 * the same for every dictionary on disk).
 */
import argsEn from './en/args.json';
import calculatorEn from './en/calculator.json';
import diagnosticsEn from './en/diagnostics.json';
import type { DiagnosticCode } from '@calc/basics.ts';
import type { TermRole } from '@calc/basics.ts';
import rolesEn from './en/roles.json';
import argsZh from './zh-cn/args.json';
import calculatorZh from './zh-cn/calculator.json';
import diagnosticsZh from './zh-cn/diagnostics.json';
import rolesZh from './zh-cn/roles.json';

/** The site's locales, as Starlight's locale keys (the root locale is English). */
export const locales = ['en', 'zh-cn'] as const;
export type Locale = (typeof locales)[number];

/** One dictionary in every locale; Chinese must have every key English has. */
export type Translated<T> = { en: T; 'zh-cn': NoInfer<T> };

/** Starlight's `Astro.locals.starlightRoute.locale` (`undefined` for the root locale) as a site locale. */
export const localeOf = (starlightLocale: string | undefined): Locale =>
  (locales as readonly string[]).includes(starlightLocale ?? '') ? (starlightLocale as Locale) : 'en';

/** A component's dictionary for a locale. Components that own their own JSON use this directly. */
export const pick = <T>(dictionary: Translated<T>, locale: Locale): T => dictionary[locale];

/** The generic calculator's strings. */
export const calculatorStrings: Translated<typeof calculatorEn> = { en: calculatorEn, 'zh-cn': calculatorZh };
export type CalculatorStrings = typeof calculatorEn;

/** Default labels of calculator fields, by Keras argument name and input axis. */
export const argLabels: Translated<typeof argsEn> = { en: argsEn, 'zh-cn': argsZh };
export type ArgLabels = typeof argsEn;

/** What each number in a formula means (src/calc/explain.ts's TermRole). */
export type RoleNames = Record<TermRole, string>;
export const roleNames: Translated<RoleNames> = { en: rolesEn, 'zh-cn': rolesZh };

/**
 * The engine's diagnostics in words (src/i18n/diagnostic-text.ts fills them): a template per
 * DiagnosticCode, so a code without an English or Chinese template is a type error here.
 */
export type DiagnosticStrings = { codes: Record<DiagnosticCode, string>; terms: typeof diagnosticsEn.terms };
export const diagnosticStrings: Translated<DiagnosticStrings> = { en: diagnosticsEn, 'zh-cn': diagnosticsZh };
