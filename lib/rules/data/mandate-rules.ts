/**
 * The BPJS Ketenagakerjaan obligation for KUR debtors (docs/regulation.md §2; cover letter of Permenko 1/2023,
 * point 5). Every decision records `MANDATE_RULE_VERSION` and one of these rule ids, so it can be
 * replayed. A change in the regulation is a new version string and, if needed, new rule ids.
 */

export const MANDATE_RULE_VERSION = "permenko-1-2023@2023-02-01";

/** KUR khusus is mandatory only above this plafon (Pasal 35 ayat (11)). */
export const KHUSUS_MANDATORY_ABOVE = 100_000_000;

export const MANDATE_RULE_IDS = [
  "MANDATE_KECIL",
  "MANDATE_KHUSUS_ABOVE_100JT",
  "KHUSUS_VOLUNTARY",
  "PHASED_MATCHED",
  "PHASED_VOLUNTARY",
  "PMI_OUT_OF_SCOPE",
] as const;
export type MandateRuleId = (typeof MANDATE_RULE_IDS)[number];

/*
 * Legal basis per rule id: the text is in the message catalogue, `rules.mandate.legalBasis` (ICU
 * select on the rule id), in both languages:
 *   MANDATE_KECIL               Permenko 1/2023 Pasal 26 ayat (8)
 *   MANDATE_KHUSUS_ABOVE_100JT  Permenko 1/2023 Pasal 35 ayat (11)
 *   KHUSUS_VOLUNTARY            Permenko 1/2023 Pasal 35 ayat (11)
 *   PHASED_MATCHED              Permenko 1/2023 Pasal 22 ayat (8)
 *   PHASED_VOLUNTARY            Permenko 1/2023 Pasal 22 ayat (8)
 *   PMI_OUT_OF_SCOPE            Permenko 1/2023 (KUR PMI; segmen Pekerja Migran Indonesia)
 * The Permenko's BPJS clauses cover super mikro, mikro, kecil and khusus only; migrant workers are
 * protected through the separate Pekerja Migran Indonesia segment, not the BPU channel.
 */
