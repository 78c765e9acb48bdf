/**
 * The debtor's consent to share personal data with BPJS Ketenagakerjaan (UU 27/2022 tentang
 * Pelindungan Data Pribadi, Pasal 20 ayat (2) huruf a: consent is a lawful basis; Pasal 22: it must be
 * explicit, and the controller must be able to prove it). The text is versioned: the e-form shows
 * it, posts the version it showed, and the enrolment stores that version with the server's time.
 * A changed text is a new version (keep the old ones, so a stored version can always be read).
 * Pure: shared by the browser and the server.
 */
import type { Locale } from "@/lib/rules";

export interface ConsentText {
  version: string;
  id: string;
  en: string;
}

export const CONSENT_TEXTS: readonly ConsentText[] = [
  {
    version: "pdp-bpjstk-v1@2026-11-21",
    id:
      "Debitur menyetujui data pribadinya dalam formulir ini (identitas, alamat, nomor HP, data usaha dan " +
      "pinjaman, ahli waris) dibagikan oleh penyalur kepada BPJS Ketenagakerjaan untuk pendaftaran dan " +
      "pengelolaan kepesertaan jaminan sosial ketenagakerjaan, sesuai UU 27/2022 tentang Pelindungan Data " +
      "Pribadi. Debitur telah diberi tahu bahwa persetujuan ini dapat ditarik kembali.",
    en:
      "The debtor agrees that the personal data in this form (identity, address, mobile number, business " +
      "and loan data, heir) is shared by the lender with BPJS Ketenagakerjaan to enrol and manage their " +
      "employment social-security membership, under Law 27/2022 on Personal Data Protection. The debtor " +
      "has been told that this consent may be withdrawn.",
  },
];

/** The version the e-form shows today. */
export const CONSENT_TEXT_VERSION = CONSENT_TEXTS[CONSENT_TEXTS.length - 1]!.version;

export function consentText(version: string, locale: Locale): string | null {
  const text = CONSENT_TEXTS.find((t) => t.version === version);
  return text ? text[locale] : null;
}
