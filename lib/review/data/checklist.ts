import "server-only";
import type { Prisma } from "@/lib/db";
import type { ChecklistRow } from "@/lib/review/checklist";

/** The columns of every checklist field (lib/review/checklist.ts), for the reviewer's page and the return's snapshot. */
export const CHECKLIST_SELECT = {
  participant: {
    select: {
      nik: true,
      fullName: true,
      birthPlace: true,
      birthDate: true,
      sex: true,
      motherMaidenName: true,
      phone: true,
      email: true,
      addressProvinceCode: true,
      addressRegency: true,
      addressDistrict: true,
      addressStreet: true,
    },
  },
  businessName: true,
  kbli: true,
  sectorGroup: true,
  nib: true,
  businessStartedOn: true,
  businessProvinceCode: true,
  employsWorkers: true,
  workerCount: true,
  npwp: true,
  scheme: true,
  loanNumber: true,
  plafon: true,
  tenorMonths: true,
  purpose: true,
  plannedDisbursementDate: true,
  priorMikroCount: true,
  priorKecilCount: true,
  outstandingMikro: true,
  declaredIncome: true,
  sector: true,
  jht: true,
  monthsInAdvance: true,
  autoDebitConsent: true,
  heirName: true,
  heirRelationship: true,
  heirPhone: true,
  consentAt: true,
  consentTextVersion: true,
  attestNikChecked: true,
  attestSlikChecked: true,
  attestNoOtherKur: true,
  attestNpwpPresent: true,
} as const satisfies Prisma.EnrolmentSelect;

// The select and the pure row type name the same columns.
type Selected = Prisma.EnrolmentGetPayload<{ select: typeof CHECKLIST_SELECT }>;
export type { Selected as ChecklistSelected };
const _sameColumns: (row: Selected) => ChecklistRow = (row) => row;
void _sameColumns;
