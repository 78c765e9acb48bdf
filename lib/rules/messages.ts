/**
 * The portal's two locales. lib/rules itself no longer takes a locale: its results are codes and
 * parameters (./issues.ts) rendered by lib/i18n/rules.ts. The type stays exported for callers that
 * still import it from here; new code takes `Locale` from lib/i18n/config.ts.
 */
export type Locale = "id" | "en";
