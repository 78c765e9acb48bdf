/**
 * Translations outside a request's React tree: route handlers that build files (exports, the
 * certificate), mutations that write audit text, scripts and tests. Same catalogue, same formats
 * as the pages (lib/i18n/request.ts).
 */
// use-intl/core (what next-intl re-exports) has no React: scripts and the seed run it under
// `--conditions=react-server`, where next-intl's entry pulls in React client hooks and fails to link.
import { createTranslator } from "use-intl/core";
import { DEFAULT_TIME_ZONE, MESSAGES, type Locale } from "@/lib/i18n/config";
import { FORMATS } from "@/lib/i18n/formats";

export function translator(locale: Locale, timeZone: string = DEFAULT_TIME_ZONE) {
  return createTranslator({ locale, messages: MESSAGES[locale], formats: FORMATS, timeZone });
}

export type Translator = ReturnType<typeof translator>;
