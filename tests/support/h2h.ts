import { CONSENT_TEXT_VERSION } from "@/lib/enrolment/consent";
import { addDays, todayInZone } from "@/lib/rules";
import { uniqueNik } from "./db";
import { uniqueLoanNumber } from "./eform";

const TODAY = todayInZone(new Date(), "Asia/Jakarta");

/** Every e-form field as a bank's system sends it (JSON types), for a KUR kecil of Rp150.000.000. */
export function apiBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    officeCode: "BRI-BDG-AA",
    nik: uniqueNik("1985-08-17"),
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
    loanNumber: uniqueLoanNumber("H2H"),
    scheme: "KECIL",
    plafon: 150_000_000,
    purpose: "WORKING_CAPITAL",
    tenorMonths: 36,
    plannedDisbursementDate: addDays(TODAY, 7),
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
    ...overrides,
  };
}

