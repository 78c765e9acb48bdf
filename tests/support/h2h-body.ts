/**
 * The body of POST /api/v1/enrolments for a KUR kecil of Rp150.000.000 at BRI's Bandung office, every
 * e-form field in JSON types. Pure (no database, relative imports only), so both the integration
 * tests (./h2h.ts) and the Playwright journeys (tests/e2e/h2h-pages.spec.ts) send the same body.
 */
import { CONSENT_TEXT_VERSION } from "../../lib/enrolment/consent";

export function kecilApiBody(debtor: { nik: string; loanNumber: string; plannedDisbursementDate: string }): Record<string, unknown> {
  return {
    officeCode: "BRI-BDG-AA",
    nik: debtor.nik,
    fullName: "Budi Santoso",
    birthPlace: "Bandung",
    birthDate: "1985-08-17",
    sex: "L",
    motherMaidenName: "Siti Rohmah",
    phone: "081234567890",
    addressProvinceCode: "32",
    addressRegency: "Kota Bandung",
    addressDistrict: "Coblong",
    addressStreet: "Jl. Dago No. 1",
    businessName: "Toko Budi",
    kbli: "47111",
    businessStartedOn: "2020-01-15",
    businessProvinceCode: "32",
    loanNumber: debtor.loanNumber,
    scheme: "KECIL",
    plafon: 150_000_000,
    purpose: "WORKING_CAPITAL",
    tenorMonths: 36,
    plannedDisbursementDate: debtor.plannedDisbursementDate,
    npwp: "012345678901000",
    priorMikroCount: 0,
    priorKecilCount: 0,
    declaredIncome: 3_000_000,
    jht: true,
    monthsInAdvance: 1,
    heirName: "Sri Wahyuni",
    heirRelationship: "SPOUSE",
    heirPhone: "081311112222",
    attestNikChecked: true,
    attestSlikChecked: true,
    attestNoOtherKur: true,
    attestNpwpPresent: true,
    consent: true,
    consentTextVersion: CONSENT_TEXT_VERSION,
  };
}
