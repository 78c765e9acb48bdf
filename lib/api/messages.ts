/**
 * The API's own words (the `api` namespace of the catalogue: field labels, validation and error
 * messages), in the language the request asked for (lib/api/language.ts). The regulation's words
 * come from the `rules` namespace through lib/i18n/rules.ts.
 */
// next-intl's own createTranslator (next-intl re-exports use-intl/core), imported from the core
// so that this also loads outside Next: a plain Node script under the react-server condition (the
// seed, scripts/lib/activity.ts) cannot import the next-intl entry, which pulls in React hooks.
import { createTranslator } from "use-intl/core";
import { DEFAULT_TIME_ZONE, MESSAGES, type Locale } from "@/lib/i18n/config";
import { FORMATS } from "@/lib/i18n/formats";

function build(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace: "api", formats: FORMATS, timeZone: DEFAULT_TIME_ZONE });
}

export type ApiTranslator = ReturnType<typeof build>;

const cache = new Map<Locale, ApiTranslator>();

export function apiTranslator(locale: Locale): ApiTranslator {
  let t = cache.get(locale);
  if (!t) {
    t = build(locale);
    cache.set(locale, t);
  }
  return t;
}
