import { randomUUID } from "node:crypto";
import { CONSENT_TEXT_VERSION } from "@/lib/enrolment/consent";
import { addDays } from "@/lib/rules";

/** A loan application number no other test uses. */
export function uniqueLoanNumber(prefix = "IT"): string {
  return `${prefix}-${Date.now().toString(36).toUpperCase()}-${randomUUID().slice(0, 8).toUpperCase()}`;
}

/** Every attestation ticked and the consent given, as the officer sends them. */
export const ATTESTED = {
  attestNikChecked: "on",
  attestSlikChecked: "on",
  attestNoOtherKur: "on",
  attestNpwpPresent: "on",
  consent: "on",
  consentTextVersion: CONSENT_TEXT_VERSION,
} as const;

/**
 * Every field of a valid e-form as FormData delivers it (strings, a ticked box "on"), for a KUR
 * kecil of Rp150.000.000 (so NPWP and its attestation are filled). `nik` and `kantorCabangId` have
 * no sensible default: pass them. `today` is the office's day (planned disbursement is a week later).
 */
export function eformFields(today: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    submissionKey: randomUUID(),
    fullName: "Budi Santoso",
    birthPlace: "Bandung",
    birthDate: "1985-08-17",
    sex: "L",
    motherMaidenName: "Siti Rohmah",
    phone: "0812-3456-7890",
    email: "",
    addressProvinceCode: "32",
    addressRegency: "Kota Bandung",
    addressDistrict: "Coblong",
    addressStreet: "Jl. Dago No. 1",
    businessName: "Toko Budi",
    kbli: "47111",
    nib: "",
    businessStartedOn: "2020-01-15",
    businessProvinceCode: "32",
    employsWorkers: "",
    workerCount: "",
    loanNumber: uniqueLoanNumber(),
    scheme: "KECIL",
    plafon: "150.000.000",
    purpose: "WORKING_CAPITAL",
    tenorMonths: "36",
    plannedDisbursementDate: addDays(today, 7),
    priorMikroCount: "0",
    priorKecilCount: "0",
    outstandingMikro: "",
    npwp: "01.234.567.8-901.000",
    declaredIncome: "3.000.000",
    jht: "on",
    monthsInAdvance: "1",
    autoDebitConsent: "",
    heirName: "Sri Wahyuni",
    heirRelationship: "SPOUSE",
    heirPhone: "0813-1111-2222",
    ...ATTESTED,
    ...overrides,
  };
}
