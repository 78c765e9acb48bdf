/**
 * The host-to-host API's own words (the `h2h` namespace of the catalogue), in the request's language.
 * Built on use-intl's core translator, like lib/api/messages.ts, so it also loads outside Next.
 */
import { createTranslator } from "use-intl/core";
import { DEFAULT_TIME_ZONE, MESSAGES, type Locale } from "@/lib/i18n/config";
import { FORMATS } from "@/lib/i18n/formats";

function build(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace: "h2h", formats: FORMATS, timeZone: DEFAULT_TIME_ZONE });
}

export type H2hTranslator = ReturnType<typeof build>;

const cache = new Map<Locale, H2hTranslator>();

export function h2hTranslator(locale: Locale): H2hTranslator {
  let t = cache.get(locale);
  if (!t) cache.set(locale, (t = build(locale)));
  return t;
}
