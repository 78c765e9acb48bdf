import "server-only";
import { formatEnrolmentReference } from "@/lib/enrolment/reference";
import { isUuid } from "@/lib/search-params";
import { db, type Prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { presentIdentifier, type Action } from "@/lib/auth/permissions";
import { enrolmentWhere } from "@/lib/auth/scope";
import { provinceByCode, type KurScheme, type LineState, type MandateStatus } from "@/lib/rules";
import { isoDay, isoDayOrNull, otherPenyalurActiveFor } from "@/lib/enrolment/data/shared";

export interface ContributionLineDto {
  month: string;
  tierBasis: number;
  jkkGross: number;
  jkmGross: number;
  jhtGross: number;
  jkk: number;
  jkm: number;
  jht: number;
  discount: number;
  reliefRuleId: string | null;
  total: number;
  dueDate: string;
  status: LineState;
  reliefCredit: number;
  creditUsed: number;
}

/**
 * A stored mandate decision as pages read it: the rule id, version and inputs replay it; the
 * Indonesian legal basis and explanation are the audit text (pages word it with storedMandateText).
 */
export interface StoredMandate {
  status: MandateStatus;
  ruleId: string;
  ruleVersion: string;
  legalBasis: string;
  explanation: string;
  requiredFrom: string | null;
  inputs: Record<string, unknown>;
}

export interface EnrolmentDetail {
  id: string;
  /** The short reference people quote ("LK-000123-0", lib/enrolment/reference.ts). */
  reference: string;
  status: "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED" | "REJECTED";
  version: number;
  scheme: KurScheme;
  plafon: number;
  declaredIncome: number;
  tierIndex: number;
  tierBasis: number;
  tierTableVersion: string;
  jht: boolean;
  kpj: string | null;
  submittedAt: string | null;
  createdAt: string;
  returnReason: string | null;
  mandate: StoredMandate;
  participant: {
    nik: string;
    fullName: string;
    birthDate: string;
    sex: "L" | "P";
    phone: string;
    birthPlace: string | null;
    email: string | null;
    address: string | null;
  };
  business: {
    name: string | null;
    kbli: string | null;
    sectorGroup: KurSectorGroup | null;
    nib: string | null;
    startedOn: string | null;
    provinceName: string | null;
  };
  loan: {
    number: string | null;
    tenorMonths: number | null;
    purpose: LoanPurpose | null;
    plannedDisbursementDate: string | null;
    /** Earlier KUR of any scheme: only on rows written before the per-scheme counts (#11). */
    priorKurCount: number | null;
    priorMikroCount: number | null;
    priorKecilCount: number | null;
    outstandingMikro: number | null;
    npwp: string | null;
  };
  /** Whether the business employs workers (null on older rows) and how many: JHT is then required. */
  employer: { employsWorkers: boolean | null; workerCount: number | null };
  coverage: {
    monthsInAdvance: number;
    /** The debtor agreed that the lending bank debits the monthly contribution for the loan's tenor. */
    autoDebitConsent: boolean;
    heirName: string | null;
    heirRelationship: HeirRelationship | null;
    heirPhone: string | null;
  };
  attestations: { nikChecked: boolean; slikChecked: boolean; noOtherKur: boolean; npwpPresent: boolean };
  consent: { at: string | null; textVersion: string | null };
  office: { name: string; penyalurName: string; disbursementGate: "BLOCK" | "WARN"; timeZone: string };
  kantorCabang: { name: string; kanwilName: string; timeZone: string };
  officerName: string;
  contributionLines: ContributionLineDto[];
  /** Names of other penyalur holding an active (SUBMITTED/APPROVED) enrolment of this NIK: nothing else of theirs. */
  otherPenyalurActive: string[];
}

type KurSectorGroup = "AGRICULTURE" | "FISHERIES" | "PROCESSING_INDUSTRY" | "TRADE" | "SERVICES";
type LoanPurpose = "WORKING_CAPITAL" | "INVESTMENT";
type HeirRelationship = "SPOUSE" | "CHILD" | "PARENT" | "SIBLING" | "OTHER";

/** The columns of a stored mandate decision, for every page that shows one. */
export const STORED_MANDATE_SELECT = {
  mandateStatus: true,
  mandateRuleId: true,
  mandateRuleVersion: true,
  mandateLegalBasis: true,
  mandateExplanation: true,
  mandateRequiredFrom: true,
  mandateInputs: true,
} as const;

/** A stored decision's columns as the pages read them (the same DTO on the officer's and the reviewer's page). */
export function storedMandateOf(e: {
  mandateStatus: MandateStatus;
  mandateRuleId: string;
  mandateRuleVersion: string;
  mandateLegalBasis: string;
  mandateExplanation: string;
  mandateRequiredFrom: Date | null;
  mandateInputs: unknown;
}): StoredMandate {
  return {
    status: e.mandateStatus,
    ruleId: e.mandateRuleId,
    ruleVersion: e.mandateRuleVersion,
    legalBasis: e.mandateLegalBasis,
    explanation: e.mandateExplanation,
    requiredFrom: isoDayOrNull(e.mandateRequiredFrom),
    inputs: (e.mandateInputs ?? {}) as Record<string, unknown>,
  };
}

const DETAIL_SELECT = {
  id: true,
  referenceNo: true,
  status: true,
  version: true,
  scheme: true,
  plafon: true,
  declaredIncome: true,
  tierIndex: true,
  tierBasis: true,
  tierTableVersion: true,
  jht: true,
  kpj: true,
  submittedAt: true,
  createdAt: true,
  returnReason: true,
  ...STORED_MANDATE_SELECT,
  penyalurId: true,
  participantId: true,
  loanNumber: true,
  businessName: true,
  kbli: true,
  sectorGroup: true,
  nib: true,
  businessStartedOn: true,
  businessProvinceCode: true,
  tenorMonths: true,
  purpose: true,
  plannedDisbursementDate: true,
  priorKurCount: true,
  priorMikroCount: true,
  priorKecilCount: true,
  outstandingMikro: true,
  employsWorkers: true,
  workerCount: true,
  npwp: true,
  monthsInAdvance: true,
  autoDebitConsent: true,
  heirName: true,
  heirRelationship: true,
  heirPhone: true,
  attestNikChecked: true,
  attestSlikChecked: true,
  attestNoOtherKur: true,
  attestNpwpPresent: true,
  consentAt: true,
  consentTextVersion: true,
  kantorCabangId: true,
  participant: {
    select: {
      nik: true,
      fullName: true,
      birthDate: true,
      sex: true,
      phone: true,
      birthPlace: true,
      email: true,
      motherMaidenName: true,
      addressProvinceCode: true,
      addressRegency: true,
      addressDistrict: true,
      addressStreet: true,
      _count: { select: { enrolments: true } },
    },
  },
  penyalurOffice: {
    select: { name: true, timeZone: true, penyalur: { select: { name: true, disbursementGate: true } } },
  },
  kantorCabang: { select: { name: true, timeZone: true, kanwil: { select: { name: true } } } },
  officer: { select: { name: true } },
  contributionLines: {
    orderBy: { month: "asc" },
    select: {
      month: true,
      tierBasis: true,
      jkkGross: true,
      jkmGross: true,
      jhtGross: true,
      jkk: true,
      jkm: true,
      jht: true,
      discount: true,
      reliefRuleId: true,
      total: true,
      dueDate: true,
      status: true,
      reliefCredit: true,
      creditUsed: true,
    },
  },
} satisfies Prisma.EnrolmentSelect;

export type DetailRow = Prisma.EnrolmentGetPayload<{ select: typeof DETAIL_SELECT }>;

export async function detailRow(actor: Actor, id: string, action: Action = "enrolment:read"): Promise<DetailRow | null> {
  const scopeWhere = enrolmentWhere(actor, action);
  if (!scopeWhere || !isUuid(id)) return null;
  return db().enrolment.findFirst({ where: { AND: [{ id }, scopeWhere] }, select: DETAIL_SELECT });
}

function addressOf(p: DetailRow["participant"]): string | null {
  if (!p.addressStreet) return null;
  const province = p.addressProvinceCode ? provinceByCode(p.addressProvinceCode)?.name : null;
  return [p.addressStreet, p.addressDistrict, p.addressRegency, province].filter(Boolean).join(", ");
}

/** One enrolment, only if the actor's scope covers it; null otherwise (the caller shows 404). */
export async function enrolmentForActor(actor: Actor, id: string): Promise<EnrolmentDetail | null> {
  const e = await detailRow(actor, id);
  if (!e) return null;
  const otherPenyalurActive = await otherPenyalurActiveFor(actor, e.participantId, e.penyalurId);
  return {
    id: e.id,
    reference: formatEnrolmentReference(e.referenceNo),
    status: e.status,
    version: e.version,
    scheme: e.scheme,
    plafon: e.plafon,
    declaredIncome: e.declaredIncome,
    tierIndex: e.tierIndex,
    tierBasis: e.tierBasis,
    tierTableVersion: e.tierTableVersion,
    jht: e.jht,
    kpj: e.kpj,
    submittedAt: e.submittedAt?.toISOString() ?? null,
    createdAt: e.createdAt.toISOString(),
    returnReason: e.status === "RETURNED" ? e.returnReason : null,
    mandate: storedMandateOf(e),
    participant: {
      // Masked here, when the DTO is built, for a role that may not see it whole (lib/auth/permissions).
      nik: presentIdentifier(actor, e.participant.nik),
      fullName: e.participant.fullName,
      birthDate: isoDay(e.participant.birthDate),
      sex: e.participant.sex,
      phone: e.participant.phone,
      birthPlace: e.participant.birthPlace,
      email: e.participant.email,
      address: addressOf(e.participant),
    },
    business: {
      name: e.businessName,
      kbli: e.kbli,
      sectorGroup: e.sectorGroup,
      nib: e.nib,
      startedOn: isoDayOrNull(e.businessStartedOn),
      provinceName: e.businessProvinceCode ? (provinceByCode(e.businessProvinceCode)?.name ?? null) : null,
    },
    loan: {
      number: e.loanNumber,
      tenorMonths: e.tenorMonths,
      purpose: e.purpose,
      plannedDisbursementDate: isoDayOrNull(e.plannedDisbursementDate),
      priorKurCount: e.priorKurCount,
      priorMikroCount: e.priorMikroCount,
      priorKecilCount: e.priorKecilCount,
      outstandingMikro: e.outstandingMikro,
      npwp: e.npwp === null ? null : presentIdentifier(actor, e.npwp),
    },
    employer: { employsWorkers: e.employsWorkers, workerCount: e.workerCount },
    coverage: {
      monthsInAdvance: e.monthsInAdvance,
      autoDebitConsent: e.autoDebitConsent,
      heirName: e.heirName,
      heirRelationship: e.heirRelationship,
      heirPhone: e.heirPhone,
    },
    attestations: {
      nikChecked: e.attestNikChecked,
      slikChecked: e.attestSlikChecked,
      noOtherKur: e.attestNoOtherKur,
      npwpPresent: e.attestNpwpPresent,
    },
    consent: { at: e.consentAt?.toISOString() ?? null, textVersion: e.consentTextVersion },
    office: {
      name: e.penyalurOffice.name,
      penyalurName: e.penyalurOffice.penyalur.name,
      disbursementGate: e.penyalurOffice.penyalur.disbursementGate,
      timeZone: e.penyalurOffice.timeZone,
    },
    kantorCabang: { name: e.kantorCabang.name, kanwilName: e.kantorCabang.kanwil.name, timeZone: e.kantorCabang.timeZone },
    officerName: e.officer.name,
    contributionLines: e.contributionLines.map((l) => ({
      month: isoDay(l.month).slice(0, 7),
      tierBasis: l.tierBasis,
      jkkGross: l.jkkGross,
      jkmGross: l.jkmGross,
      jhtGross: l.jhtGross,
      jkk: l.jkk,
      jkm: l.jkm,
      jht: l.jht,
      discount: l.discount,
      reliefRuleId: l.reliefRuleId,
      total: l.total,
      dueDate: isoDay(l.dueDate),
      status: l.status,
      reliefCredit: l.reliefCredit,
      creditUsed: l.creditUsed,
    })),
    otherPenyalurActive,
  };
}
