/**
 * What each of the officer's attestations is about (docs/regulation.md §1): on a correction an
 * attestation given for the first submission still holds while the data it vouches for is unchanged,
 * so it stays ticked; when the officer changes any of that data, the tick is taken off and the form
 * names the attestation and the changed fields. Consent stays while the consent text is the same version.
 */
export const ATTESTATION_BASIS = {
  // The NIK and the identity were checked against the KTP / Dukcapil.
  attestNikChecked: ["fullName", "birthPlace", "birthDate", "sex", "motherMaidenName", "addressProvinceCode", "addressRegency", "addressDistrict", "addressStreet"],
  // SLIK (the credit history) was checked for this loan.
  attestSlikChecked: ["scheme", "plafon", "loanNumber", "priorMikroCount", "priorKecilCount", "outstandingMikro"],
  // No other KUR running beside this one.
  attestNoOtherKur: ["scheme", "loanNumber", "priorMikroCount", "priorKecilCount", "outstandingMikro"],
  // The NPWP was seen (plafon above Rp50 juta).
  attestNpwpPresent: ["npwp", "plafon"],
} as const satisfies Record<string, readonly string[]>;

export type Attestation = keyof typeof ATTESTATION_BASIS;
export const ATTESTATIONS = Object.keys(ATTESTATION_BASIS) as Attestation[];

/** The attestations whose basis differs between the stored and the current values, each with the changed fields. */
export function invalidatedAttestations(stored: Record<string, string>, current: Record<string, string>): Partial<Record<Attestation, string[]>> {
  const out: Partial<Record<Attestation, string[]>> = {};
  for (const a of ATTESTATIONS) {
    const changed = ATTESTATION_BASIS[a].filter((f) => (stored[f] ?? "").trim() !== (current[f] ?? "").trim());
    if (changed.length) out[a] = changed;
  }
  return out;
}
