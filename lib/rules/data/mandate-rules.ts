/**
 * The BPJS Ketenagakerjaan obligation for KUR debtors (docs/regulation.md §2; cover letter of Permenko 1/2023,
 * point 5), as dated versions like every other rule table (./kur-schemes.ts, ./interest-rates.ts): a
 * decision is taken under the version in force on its date and records that version and one of these
 * rule ids, so it can be replayed. A change in the regulation is a new version (own `validFrom`) and,
 * if needed, new rule ids. Before the first version nothing is mandatory (rule `MANDATE_NOT_IN_FORCE`).
 */

export interface MandateRuleVersion {
  version: string;
  /** First day the version is in force (inclusive). */
  validFrom: string;
  legalBasis: string;
  /** KUR khusus is mandatory only above this plafon (Pasal 35 ayat (11)). */
  khususMandatoryAbove: number;
}

export const MANDATE_RULE_VERSIONS: readonly MandateRuleVersion[] = Object.freeze([
  {
    version: "permenko-1-2023@2023-02-01",
    // Permenko Perekonomian 1/2023 is recorded by the project as in force on 1 February 2023 (docs/regulation.md §1.1).
    validFrom: "2023-02-01",
    legalBasis: "Permenko Perekonomian 1/2022 jo. Permenko 1/2023",
    khususMandatoryAbove: 100_000_000,
  },
]);

/** The version a decision dated before every version records: no obligation existed yet. */
export const MANDATE_NOT_IN_FORCE_VERSION = "before-permenko-1-2023";

/** The newest version (what the e-form applies today). */
export const MANDATE_RULE_VERSION = MANDATE_RULE_VERSIONS[MANDATE_RULE_VERSIONS.length - 1]!.version;

/** KUR khusus is mandatory only above this plafon (Pasal 35 ayat (11)), in the newest version. */
export const KHUSUS_MANDATORY_ABOVE = MANDATE_RULE_VERSIONS[MANDATE_RULE_VERSIONS.length - 1]!.khususMandatoryAbove;

export const MANDATE_RULE_IDS = [
  "MANDATE_KECIL",
  "MANDATE_KHUSUS_ABOVE_100JT",
  "KHUSUS_VOLUNTARY",
  "PHASED_MATCHED",
  "PHASED_VOLUNTARY",
  "PMI_OUT_OF_SCOPE",
  "MANDATE_NOT_IN_FORCE",
] as const;
export type MandateRuleId = (typeof MANDATE_RULE_IDS)[number];

/*
 * Legal basis per rule id: the text is in the message catalogue, `rules.mandate.legalBasis` (ICU
 * select on the rule id, and on the scheme for the phased rules), in both languages:
 *   MANDATE_KECIL               Permenko 1/2023 Pasal 26 ayat (8)
 *   MANDATE_KHUSUS_ABOVE_100JT  Permenko 1/2023 Pasal 35 ayat (11)
 *   KHUSUS_VOLUNTARY            Permenko 1/2023 Pasal 35 ayat (11)
 *   PHASED_MATCHED / PHASED_VOLUNTARY
 *     MIKRO                     Permenko 1/2023 Pasal 22 ayat (8) (the KUR mikro article)
 *     SUPER_MIKRO               Surat pengantar Permenko 1/2023 angka 5 (the only published source for
 *                               super mikro; Pasal 22 is the KUR mikro article)
 *   PMI_OUT_OF_SCOPE            Permenaker 4/2023 tentang Jaminan Sosial Pekerja Migran Indonesia
 *                               (JKK and JKM mandatory, JHT optional, registered before departure)
 *   MANDATE_NOT_IN_FORCE        Permenko 1/2023, in force from 01/02/2023
 */
