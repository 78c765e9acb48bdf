/**
 * The debtor's consent to share personal data with BPJS Ketenagakerjaan (UU 27/2022 tentang
 * Pelindungan Data Pribadi, Pasal 20 ayat (2) huruf a: consent is a lawful basis; Pasal 22: it must be
 * explicit, and the controller must be able to prove it). The text is versioned: the e-form shows
 * it, posts the version it showed, and the enrolment stores that version with the server's time.
 * A changed text is a new version with a new key under `eform.consentTexts` in messages/*.json
 * (keep the old ones, so a stored version can always be read). Client-safe.
 */
import type { Messages } from "@/lib/i18n/config";

export type ConsentTextKey = keyof Messages["eform"]["consentTexts"];

export interface ConsentText {
  version: string;
  /** The text's key under `eform.consentTexts`, in both languages. */
  key: ConsentTextKey;
}

export const CONSENT_TEXTS: readonly ConsentText[] = [{ version: "pdp-bpjstk-v1@2026-11-21", key: "v1" }];

/** The version the e-form shows today. */
export const CONSENT_TEXT_VERSION = CONSENT_TEXTS[CONSENT_TEXTS.length - 1]!.version;

/** The catalogue key of a stored version's text; null for a version the portal never showed. */
export function consentTextKey(version: string): ConsentTextKey | null {
  return CONSENT_TEXTS.find((t) => t.version === version)?.key ?? null;
}
