/** A consent version's text in one language, outside React (tests, documents built on the server). */
import { translator } from "@/lib/i18n/translator";
import type { Locale } from "@/lib/rules";
import { consentTextKey } from "@/lib/enrolment/consent";

export function consentText(version: string, locale: Locale): string | null {
  const key = consentTextKey(version);
  return key ? translator(locale)(`eform.consentTexts.${key}`) : null;
}
