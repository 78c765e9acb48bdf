/**
 * What the reviewer checks, in the order of the checklist they follow (issue #13): identity,
 * address, business, loan, heir, consent, attestations — every field the officer typed. The same
 * list is stored when an enrolment is returned (`EnrolmentReturn.fields`), so a resubmission can be
 * compared with what the reviewer saw, field by field (`changedFields`). Pure and client-safe: values
 * are raw (full NIK, full phone); how much a role sees of them is decided when the page's DTO is
 * built (lib/review/data/detail.ts, through personalDataView).
 */

/** How a value is shown: the page words and formats it by kind. */
export type FieldKind =
  | "text"
  | "identifier" // NIK, NPWP: masked for roles without fullIdentifiers
  | "phone"
  | "date"
  | "instant"
  | "money"
  | "count"
  | "bool"
  | "province"
  | "sex"
  | "scheme"
  | "purpose"
  | "kurSector"
  | "bpuSector"
  | "heirRelationship"
  | "consentVersion";

export const CHECKLIST = [
  {
    section: "identity",
    fields: [
      ["nik", "identifier"],
      ["fullName", "text"],
      ["birthPlace", "text"],
      ["birthDate", "date"],
      ["sex", "sex"],
      ["motherMaidenName", "text"],
      ["phone", "phone"],
      ["email", "text"],
    ],
  },
  {
    section: "address",
    fields: [
      ["addressProvince", "province"],
      ["addressRegency", "text"],
      ["addressDistrict", "text"],
      ["addressStreet", "text"],
    ],
  },
  {
    section: "business",
    fields: [
      ["businessName", "text"],
      ["kbli", "text"],
      ["sectorGroup", "kurSector"],
      ["nib", "text"],
      ["businessStartedOn", "date"],
      ["businessProvince", "province"],
      ["employsWorkers", "bool"],
      ["workerCount", "count"],
      ["npwp", "identifier"],
    ],
  },
  {
    section: "loan",
    fields: [
      ["scheme", "scheme"],
      ["loanNumber", "text"],
      ["plafon", "money"],
      ["tenorMonths", "count"],
      ["purpose", "purpose"],
      ["plannedDisbursementDate", "date"],
      ["priorMikroCount", "count"],
      ["priorKecilCount", "count"],
      ["outstandingMikro", "money"],
      ["declaredIncome", "money"],
      ["sector", "bpuSector"],
      ["jht", "bool"],
      ["monthsInAdvance", "count"],
      ["autoDebitConsent", "bool"],
    ],
  },
  {
    section: "heir",
    fields: [
      ["heirName", "text"],
      ["heirRelationship", "heirRelationship"],
      ["heirPhone", "phone"],
    ],
  },
  {
    section: "consent",
    fields: [
      ["consentAt", "instant"],
      ["consentTextVersion", "consentVersion"],
    ],
  },
  {
    section: "attestations",
    fields: [
      ["attestNikChecked", "bool"],
      ["attestSlikChecked", "bool"],
      ["attestNoOtherKur", "bool"],
      ["attestNpwpPresent", "bool"],
    ],
  },
] as const satisfies readonly { section: string; fields: readonly (readonly [string, FieldKind])[] }[];

export type ChecklistSection = (typeof CHECKLIST)[number]["section"];
export type ChecklistField = (typeof CHECKLIST)[number]["fields"][number][0];
export type FieldValue = string | number | boolean | null;
/** Every checklist field's raw value: dates as yyyy-mm-dd, instants as ISO strings, provinces by code. */
export type ChecklistValues = Record<ChecklistField, FieldValue>;

export const CHECKLIST_FIELDS: readonly ChecklistField[] = CHECKLIST.flatMap((s) => s.fields.map(([key]) => key));

/** The stored row's columns as the checklist names them (the data file selects them). */
export interface ChecklistRow {
  participant: {
    nik: string;
    fullName: string;
    birthPlace: string | null;
    birthDate: Date;
    sex: string;
    motherMaidenName: string | null;
    phone: string;
    email: string | null;
    addressProvinceCode: string | null;
    addressRegency: string | null;
    addressDistrict: string | null;
    addressStreet: string | null;
  };
  businessName: string | null;
  kbli: string | null;
  sectorGroup: string | null;
  nib: string | null;
  businessStartedOn: Date | null;
  businessProvinceCode: string | null;
  employsWorkers: boolean | null;
  workerCount: number | null;
  npwp: string | null;
  scheme: string;
  loanNumber: string | null;
  plafon: number;
  tenorMonths: number | null;
  purpose: string | null;
  plannedDisbursementDate: Date | null;
  priorMikroCount: number | null;
  priorKecilCount: number | null;
  outstandingMikro: number | null;
  declaredIncome: number;
  sector: string;
  jht: boolean;
  monthsInAdvance: number;
  autoDebitConsent: boolean;
  heirName: string | null;
  heirRelationship: string | null;
  heirPhone: string | null;
  consentAt: Date | null;
  consentTextVersion: string | null;
  attestNikChecked: boolean;
  attestSlikChecked: boolean;
  attestNoOtherKur: boolean;
  attestNpwpPresent: boolean;
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** The checklist's values of a stored enrolment (raw, unmasked). */
export function checklistValues(r: ChecklistRow): ChecklistValues {
  const p = r.participant;
  return {
    nik: p.nik,
    fullName: p.fullName,
    birthPlace: p.birthPlace,
    birthDate: day(p.birthDate),
    sex: p.sex,
    motherMaidenName: p.motherMaidenName,
    phone: p.phone,
    email: p.email,
    addressProvince: p.addressProvinceCode,
    addressRegency: p.addressRegency,
    addressDistrict: p.addressDistrict,
    addressStreet: p.addressStreet,
    businessName: r.businessName,
    kbli: r.kbli,
    sectorGroup: r.sectorGroup,
    nib: r.nib,
    businessStartedOn: day(r.businessStartedOn),
    businessProvince: r.businessProvinceCode,
    employsWorkers: r.employsWorkers,
    workerCount: r.workerCount,
    npwp: r.npwp,
    scheme: r.scheme,
    loanNumber: r.loanNumber,
    plafon: r.plafon,
    tenorMonths: r.tenorMonths,
    purpose: r.purpose,
    plannedDisbursementDate: day(r.plannedDisbursementDate),
    priorMikroCount: r.priorMikroCount,
    priorKecilCount: r.priorKecilCount,
    outstandingMikro: r.outstandingMikro,
    declaredIncome: r.declaredIncome,
    sector: r.sector,
    jht: r.jht,
    monthsInAdvance: r.monthsInAdvance,
    autoDebitConsent: r.autoDebitConsent,
    heirName: r.heirName,
    heirRelationship: r.heirRelationship,
    heirPhone: r.heirPhone,
    consentAt: r.consentAt?.toISOString() ?? null,
    consentTextVersion: r.consentTextVersion,
    attestNikChecked: r.attestNikChecked,
    attestSlikChecked: r.attestSlikChecked,
    attestNoOtherKur: r.attestNoOtherKur,
    attestNpwpPresent: r.attestNpwpPresent,
  };
}

/**
 * The fields whose value differs between what the reviewer saw when returning and now, in checklist
 * order. The consent time is left out: every resubmission records a fresh consent, which says
 * nothing about what the officer corrected. A field missing from an older snapshot counts as null.
 */
/**
 * What a field added after a snapshot was written stood at then: the column's default. The
 * auto-debit consent (docs/decisions/0025) was false for every enrolment before the e-form asked it.
 */
const SNAPSHOT_DEFAULT: Partial<Record<ChecklistField, FieldValue>> = { autoDebitConsent: false };

export function changedFields(before: Partial<Record<string, FieldValue>>, after: ChecklistValues): ChecklistField[] {
  return CHECKLIST_FIELDS.filter((k) => k !== "consentAt" && ((Object.hasOwn(before, k) ? before[k] : SNAPSHOT_DEFAULT[k]) ?? null) !== after[k]);
}
