/**
 * Translations outside a request's React tree: route handlers that build files (exports, the
 * certificate), mutations that write audit text, scripts and tests. Same catalogue, same formats
 * as the pages (lib/i18n/request.ts).
 */
// use-intl/core (next-intl's own core, which "next-intl" re-exports): under the react-server
// condition "next-intl" also loads its React provider, which plain Node scripts (the seed) cannot.
import { createTranslator } from "use-intl/core";
import { DEFAULT_TIME_ZONE, MESSAGES, type Locale } from "@/lib/i18n/config";
import { FORMATS } from "@/lib/i18n/formats";

function build(locale: Locale, timeZone: string) {
  return createTranslator({ locale, messages: MESSAGES[locale], formats: FORMATS, timeZone });
}

export type Translator = ReturnType<typeof build>;

const built = new Map<string, Translator>();

/** The whole catalogue in one language and zone; built once per pair (validation renders many messages). */
export function translator(locale: Locale, timeZone: string = DEFAULT_TIME_ZONE): Translator {
  const key = `${locale} ${timeZone}`;
  let t = built.get(key);
  if (!t) built.set(key, (t = build(locale, timeZone)));
  return t;
}
