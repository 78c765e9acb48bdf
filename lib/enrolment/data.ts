import "server-only";
import { isUuid } from "@/lib/search-params";
import { db, type Prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { enrolmentWhere } from "@/lib/auth/scope";
import { maskNik } from "@/lib/auth/permissions";
import { PROVINCES, provinceByCode, type KurScheme, type MandateStatus, type PhaseRule } from "@/lib/rules";
import {
  LIST_PAGE_SIZE,
  classifySearch,
  loanNumberSearch,
  submittedBounds,
  type EnrolmentListQuery,
} from "@/lib/enrolment/list-schema";

type Client = ReturnType<typeof db> | Prisma.TransactionClient;

export interface KantorCabangOption {
  id: string;
  name: string;
  kanwilName: string;
  kanwilCode: string;
  provinceCode: string;
}

export interface EnrolmentFormOptions {
  kantorCabang: KantorCabangOption[];
  suggestedKantorCabangId: string | null;
  officeName: string;
  penyalurId: string;
  /** The office's province: the default for the business province. */
  officeProvinceCode: string;
  provinces: { code: string; name: string }[];
  /** Phase rules that can apply to this penyalur, for the live preview (the server decides again). */
  phaseRules: PhaseRule[];
}

/** Phase rules that can apply to a penyalur (its own and the ones for every penyalur). */
export async function phaseRulesFor(penyalurId: string): Promise<PhaseRule[]> {
  const rows = await db().phaseRule.findMany({
    where: { OR: [{ penyalurId: null }, { penyalurId }] },
    select: {
      id: true,
      penyalurId: true,
      startDate: true,
      kanwil: { select: { code: true, name: true } },
      penyalur: { select: { name: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    penyalurId: r.penyalurId,
    kanwilCode: r.kanwil?.code ?? null,
    startDate: r.startDate.toISOString().slice(0, 10),
    scopeLabel: [r.penyalur?.name ?? "semua penyalur", r.kanwil ? `di ${r.kanwil.name}` : "di seluruh Indonesia"].join(" "),
  }));
}

/** What the e-form needs: the BPJS branches, with the one serving the officer's office first. */
export async function enrolmentFormOptions(actor: Actor): Promise<EnrolmentFormOptions | null> {
  if (actor.scope.kind !== "PENYALUR_OFFICE") return null;
  const [office, branches, phaseRules] = await Promise.all([
    db().penyalurOffice.findUnique({
      where: { id: actor.scope.penyalurOfficeId },
      select: { name: true, defaultKantorCabangId: true, provinceCode: true, penyalur: { select: { name: true } } },
    }),
    db().kantorCabang.findMany({
      select: { id: true, name: true, provinceCode: true, kanwil: { select: { name: true, code: true } } },
      orderBy: [{ kanwil: { name: "asc" } }, { name: "asc" }],
    }),
    phaseRulesFor(actor.scope.penyalurId),
  ]);
  if (!office) return null;
  const suggested =
    office.defaultKantorCabangId ?? branches.find((b) => b.provinceCode === office.provinceCode)?.id ?? null;
  return {
    kantorCabang: branches.map((b) => ({
      id: b.id,
      name: b.name,
      kanwilName: b.kanwil.name,
      kanwilCode: b.kanwil.code,
      provinceCode: b.provinceCode,
    })),
    suggestedKantorCabangId: suggested,
    officeName: `${office.penyalur.name} — ${office.name}`,
    penyalurId: actor.scope.penyalurId,
    officeProvinceCode: office.provinceCode,
    provinces: PROVINCES.map((p) => ({ code: p.code, name: p.name })),
    phaseRules,
  };
}

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
  status: "DUE" | "PAID";
}

export interface EnrolmentDetail {
  id: string;
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
  mandate: {
    status: MandateStatus;
    ruleId: string;
    ruleVersion: string;
    legalBasis: string;
    explanation: string;
    requiredFrom: string | null;
    inputs: Record<string, unknown>;
  };
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
    priorKurCount: number | null;
    npwp: string | null;
  };
  coverage: {
    monthsInAdvance: number;
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

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const isoDayOrNull = (d: Date | null) => (d ? isoDay(d) : null);

/**
 * Names of the other penyalur at which this participant has an active enrolment (SUBMITTED or
 * APPROVED): the "no KUR at another penyalur" warning. Only the name leaves: no other bank's
 * office, loan or amounts.
 */
export async function otherPenyalurActiveNames(client: Client, participantId: string, penyalurId: string): Promise<string[]> {
  const rows = await client.enrolment.findMany({
    where: { participantId, penyalurId: { not: penyalurId }, status: { in: ["SUBMITTED", "APPROVED"] } },
    select: { penyalur: { select: { name: true } } },
    distinct: ["penyalurId"],
    take: 10,
  });
  return rows.map((r) => r.penyalur.name).sort();
}

const DETAIL_SELECT = {
  id: true,
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
  mandateStatus: true,
  mandateRuleId: true,
  mandateRuleVersion: true,
  mandateLegalBasis: true,
  mandateExplanation: true,
  mandateRequiredFrom: true,
  mandateInputs: true,
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
  npwp: true,
  monthsInAdvance: true,
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
    },
  },
} satisfies Prisma.EnrolmentSelect;

type DetailRow = Prisma.EnrolmentGetPayload<{ select: typeof DETAIL_SELECT }>;

async function detailRow(actor: Actor, id: string): Promise<DetailRow | null> {
  const scopeWhere = enrolmentWhere(actor);
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
  const otherPenyalurActive = await otherPenyalurActiveNames(db(), e.participantId, e.penyalurId);
  return {
    id: e.id,
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
    mandate: {
      status: e.mandateStatus,
      ruleId: e.mandateRuleId,
      ruleVersion: e.mandateRuleVersion,
      legalBasis: e.mandateLegalBasis,
      explanation: e.mandateExplanation,
      requiredFrom: isoDayOrNull(e.mandateRequiredFrom),
      inputs: (e.mandateInputs ?? {}) as Record<string, unknown>,
    },
    participant: {
      nik: e.participant.nik,
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
      npwp: e.npwp,
    },
    coverage: {
      monthsInAdvance: e.monthsInAdvance,
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
    })),
    otherPenyalurActive,
  };
}

/** A registered participant as the e-form shows it read-only: enough to recognise the debtor, no more. */
export interface StoredParticipant {
  fullName: string;
  birthDate: string;
  sex: "L" | "P";
  birthPlace: string | null;
  /** Last digits only: "+62 ••• ••• 7890". */
  phoneMasked: string;
  /** Regency and province; the street stays in the database. */
  area: string | null;
}

function maskPhone(phone: string): string {
  return phone.length > 4 ? `+62 ••• ••• ${phone.slice(-4)}` : "••••";
}

function storedParticipantOf(p: {
  fullName: string;
  birthDate: Date;
  sex: "L" | "P";
  birthPlace: string | null;
  phone: string;
  addressRegency: string | null;
  addressProvinceCode: string | null;
}): StoredParticipant {
  const province = p.addressProvinceCode ? provinceByCode(p.addressProvinceCode)?.name : null;
  return {
    fullName: p.fullName,
    birthDate: isoDay(p.birthDate),
    sex: p.sex,
    birthPlace: p.birthPlace,
    phoneMasked: maskPhone(p.phone),
    area: [p.addressRegency, province].filter(Boolean).join(", ") || null,
  };
}

export interface NikLookup {
  participant: StoredParticipant | null;
  /** The address province, to suggest the BPJS branch. */
  addressProvinceCode: string | null;
  otherPenyalurActive: string[];
}

/**
 * What the e-form learns about a NIK as the officer types it: whether it is a registered participant
 * (then their stored data is reused, shown read-only) and which other penyalur hold an active
 * enrolment for it (a warning: names only). Bank officers only; the NIK must be well-formed.
 */
export async function lookupNik(actor: Actor, nik: string): Promise<NikLookup> {
  if (actor.scope.kind !== "PENYALUR_OFFICE" || !/^\d{16}$/.test(nik)) {
    return { participant: null, addressProvinceCode: null, otherPenyalurActive: [] };
  }
  const p = await db().participant.findUnique({
    where: { nik },
    select: {
      id: true,
      fullName: true,
      birthDate: true,
      sex: true,
      birthPlace: true,
      phone: true,
      addressRegency: true,
      addressProvinceCode: true,
    },
  });
  if (!p) return { participant: null, addressProvinceCode: null, otherPenyalurActive: [] };
  return {
    participant: storedParticipantOf(p),
    addressProvinceCode: p.addressProvinceCode,
    otherPenyalurActive: await otherPenyalurActiveNames(db(), p.id, actor.scope.penyalurId),
  };
}

// ---------------------------------------------------------------------------------------------------
// Correction of a returned enrolment

export interface CorrectionData {
  id: string;
  version: number;
  status: EnrolmentDetail["status"];
  returnReason: string | null;
  nik: string;
  /** The stored data as the form's strings, to prefill it. */
  values: Record<string, string>;
  /** The participant's data may be corrected only when no other enrolment shares it. */
  participantEditable: boolean;
  participant: StoredParticipant;
  otherPenyalurActive: string[];
}

const rupiahText = (n: number) => new Intl.NumberFormat("id-ID").format(n);

/** A RETURNED (or any) enrolment of the officer's own office, as the correction form needs it; null outside scope. */
export async function correctionForActor(actor: Actor, id: string): Promise<CorrectionData | null> {
  if (actor.scope.kind !== "PENYALUR_OFFICE") return null;
  const e = await detailRow(actor, id);
  if (!e) return null;
  const p = e.participant;
  const editable = p._count.enrolments === 1;
  const values: Record<string, string> = {
    nik: p.nik,
    businessName: e.businessName ?? "",
    kbli: e.kbli ?? "",
    nib: e.nib ?? "",
    businessStartedOn: isoDayOrNull(e.businessStartedOn) ?? "",
    businessProvinceCode: e.businessProvinceCode ?? "",
    loanNumber: e.loanNumber ?? "",
    scheme: e.scheme,
    plafon: rupiahText(e.plafon),
    purpose: e.purpose ?? "",
    tenorMonths: e.tenorMonths?.toString() ?? "",
    plannedDisbursementDate: isoDayOrNull(e.plannedDisbursementDate) ?? "",
    priorKurCount: e.priorKurCount?.toString() ?? "",
    npwp: e.npwp ?? "",
    declaredIncome: rupiahText(e.declaredIncome),
    monthsInAdvance: String(e.monthsInAdvance),
    kantorCabangId: e.kantorCabangId,
    heirName: e.heirName ?? "",
    heirRelationship: e.heirRelationship ?? "",
    heirPhone: e.heirPhone ?? "",
    // Attestations and consent are given again for the corrected data: left unticked.
  };
  if (e.jht) values.jht = "on";
  if (editable) {
    Object.assign(values, {
      fullName: p.fullName,
      birthPlace: p.birthPlace ?? "",
      birthDate: isoDay(p.birthDate),
      sex: p.sex,
      motherMaidenName: p.motherMaidenName ?? "",
      phone: p.phone,
      email: p.email ?? "",
      addressProvinceCode: p.addressProvinceCode ?? "",
      addressRegency: p.addressRegency ?? "",
      addressDistrict: p.addressDistrict ?? "",
      addressStreet: p.addressStreet ?? "",
    });
  }
  return {
    id: e.id,
    version: e.version,
    status: e.status,
    returnReason: e.returnReason,
    nik: p.nik,
    values,
    participantEditable: editable,
    participant: storedParticipantOf(p),
    otherPenyalurActive: await otherPenyalurActiveNames(db(), e.participantId, e.penyalurId),
  };
}

// ---------------------------------------------------------------------------------------------------
// Drafts

export interface DraftListItem {
  id: string;
  label: string;
  updatedAt: string;
  officerName: string;
}

/** The drafts of the officer's office, newest first. */
export async function draftsForActor(actor: Actor, take = 50): Promise<DraftListItem[]> {
  if (actor.scope.kind !== "PENYALUR_OFFICE") return [];
  const rows = await db().enrolmentDraft.findMany({
    where: { penyalurOfficeId: actor.scope.penyalurOfficeId },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take,
    select: { id: true, label: true, updatedAt: true, officer: { select: { name: true } } },
  });
  return rows.map((r) => ({ id: r.id, label: r.label, updatedAt: r.updatedAt.toISOString(), officerName: r.officer.name }));
}

export async function draftCountForActor(actor: Actor): Promise<number> {
  if (actor.scope.kind !== "PENYALUR_OFFICE") return 0;
  return db().enrolmentDraft.count({ where: { penyalurOfficeId: actor.scope.penyalurOfficeId } });
}

/** One draft of the officer's office with what was typed; null for another office's (404). */
export async function draftForActor(
  actor: Actor,
  id: string,
): Promise<{ id: string; submissionKey: string; values: Record<string, string>; updatedAt: string } | null> {
  if (actor.scope.kind !== "PENYALUR_OFFICE" || !isUuid(id)) return null;
  const d = await db().enrolmentDraft.findFirst({
    where: { id, penyalurOfficeId: actor.scope.penyalurOfficeId },
    select: { id: true, submissionKey: true, data: true, updatedAt: true },
  });
  if (!d) return null;
  const values: Record<string, string> = {};
  if (d.data && typeof d.data === "object" && !Array.isArray(d.data)) {
    for (const [k, v] of Object.entries(d.data)) if (typeof v === "string") values[k] = v;
  }
  return { id: d.id, submissionKey: d.submissionKey, values, updatedAt: d.updatedAt.toISOString() };
}

export interface EnrolmentListItem {
  id: string;
  fullName: string;
  nikMasked: string;
  scheme: KurScheme;
  plafon: number;
  mandateStatus: MandateStatus;
  status: EnrolmentDetail["status"];
  submittedAt: string | null;
  officeName: string;
  kantorCabangName: string;
  loanNumber: string | null;
  /** The reviewer's reason, for a RETURNED enrolment only. */
  returnReason: string | null;
}

/** The columns a list row needs, and nothing else (no phone, no birth date, no full NIK leaves here unmasked). */
const LIST_ITEM_SELECT = {
  id: true,
  scheme: true,
  plafon: true,
  mandateStatus: true,
  status: true,
  submittedAt: true,
  loanNumber: true,
  returnReason: true,
  participant: { select: { fullName: true, nik: true } },
  penyalurOffice: { select: { name: true, penyalur: { select: { name: true } } } },
  kantorCabang: { select: { name: true } },
} satisfies Prisma.EnrolmentSelect;

type ListItemRow = Prisma.EnrolmentGetPayload<{ select: typeof LIST_ITEM_SELECT }>;

function toListItem(r: ListItemRow): EnrolmentListItem {
  return {
    id: r.id,
    fullName: r.participant.fullName,
    nikMasked: maskNik(r.participant.nik),
    scheme: r.scheme,
    plafon: r.plafon,
    mandateStatus: r.mandateStatus,
    status: r.status,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    officeName: `${r.penyalurOffice.penyalur.name} — ${r.penyalurOffice.name}`,
    kantorCabangName: r.kantorCabang.name,
    loanNumber: r.loanNumber,
    returnReason: r.status === "RETURNED" ? r.returnReason : null,
  };
}

/** The newest enrolments the actor may read. */
export async function recentEnrolments(actor: Actor, take = 20): Promise<EnrolmentListItem[]> {
  const scopeWhere = enrolmentWhere(actor);
  if (!scopeWhere) return [];
  const rows = await db().enrolment.findMany({
    where: scopeWhere,
    orderBy: { createdAt: "desc" },
    take,
    select: LIST_ITEM_SELECT,
  });
  return rows.map(toListItem);
}

export interface EnrolmentListPage {
  rows: EnrolmentListItem[];
  /** Matching enrolments on all pages. */
  total: number;
  /** The page shown, 1-based: a page past the end shows the last one. */
  page: number;
  /** At least 1, so "Halaman 1 dari 1" reads right for an empty list. */
  pageCount: number;
}

/** `_` and `%` are LIKE wildcards, and Prisma passes them through unescaped (prisma/prisma#10810). */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Participants whose NIK ends in these four digits, through the hand-written index on
 * right(nik, 4) (migration 20261121143446): Prisma's endsWith would be LIKE '%1234', a full scan.
 */
async function participantIdsByNikSuffix(suffix: string): Promise<string[]> {
  const rows = await db().$queryRaw<{ id: string }[]>`select id from "Participant" where right(nik, 4) = ${suffix}`;
  return rows.map((r) => r.id);
}

async function searchWhere(q: string): Promise<Prisma.EnrolmentWhereInput | null> {
  const search = classifySearch(q);
  const loanNumber = loanNumberSearch(q);
  let byPerson: Prisma.EnrolmentWhereInput | null;
  switch (search?.kind) {
    case "nik":
      byPerson = { participant: { nik: search.nik } };
      break;
    case "nikSuffix":
      byPerson = { participantId: { in: await participantIdsByNikSuffix(search.suffix) } };
      break;
    case "name":
      // ILIKE '%…%', served by the trigram index on Participant.fullName.
      byPerson = { participant: { fullName: { contains: escapeLike(search.text), mode: "insensitive" } } };
      break;
    case "partialNik":
      byPerson = null;
      break;
    default:
      return null;
  }
  const options = [byPerson, loanNumber ? { loanNumber } : null].filter((o): o is Prisma.EnrolmentWhereInput => o !== null);
  return options.length ? { OR: options } : { id: { in: [] } };
}

/** The search and filters of a list query (not the scope), as Prisma conditions. */
async function listFilters(query: EnrolmentListQuery, timeZone: string): Promise<Prisma.EnrolmentWhereInput[]> {
  const filters: Prisma.EnrolmentWhereInput[] = [];
  const search = await searchWhere(query.q);
  if (search) filters.push(search);
  if (query.status) filters.push({ status: query.status });
  if (query.scheme) filters.push({ scheme: query.scheme });
  if (query.mandate) filters.push({ mandateStatus: query.mandate });
  if (query.from || query.to) filters.push({ submittedAt: submittedBounds(query, timeZone) });
  return filters;
}

/** The chosen order, then newest first, then id, so that pages never overlap or skip a row. */
function listOrder(query: EnrolmentListQuery): Prisma.EnrolmentOrderByWithRelationInput[] {
  const newestFirst = { submittedAt: { sort: "desc", nulls: "last" } } as const;
  switch (query.sort) {
    case "name":
      return [{ participant: { fullName: query.dir } }, newestFirst, { id: "asc" }];
    case "plafon":
      return [{ plafon: query.dir }, newestFirst, { id: "asc" }];
    default:
      // Drafts have no submission date yet: they go last either way.
      return [{ submittedAt: { sort: query.dir, nulls: "last" } }, { createdAt: query.dir }, { id: "asc" }];
  }
}

/**
 * One page of the enrolments the actor may read, searched, filtered and sorted as the list's query
 * says. Enrolments sent back by the reviewer (RETURNED) come first, whatever the sort: they are the
 * officer's work to do. SQL cannot put them first through Prisma's orderBy, so the list is read as
 * two segments, RETURNED then the rest, each in the chosen order: one grouped count gives the
 * total and the size of the first segment, then the page is read from whichever segment(s) it
 * covers (two reads only on the one page that straddles the boundary).
 */
export async function listEnrolments(actor: Actor, query: EnrolmentListQuery): Promise<EnrolmentListPage> {
  const scopeWhere = enrolmentWhere(actor);
  if (!scopeWhere) return { rows: [], total: 0, page: 1, pageCount: 1 };
  const where: Prisma.EnrolmentWhereInput = { AND: [scopeWhere, ...(await listFilters(query, actor.timeZone))] };

  const counts = await db().enrolment.groupBy({ by: ["status"], where, _count: { _all: true } });
  const total = counts.reduce((sum, c) => sum + c._count._all, 0);
  const returned = counts.find((c) => c.status === "RETURNED")?._count._all ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / LIST_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const skip = (page - 1) * LIST_PAGE_SIZE;
  const orderBy = listOrder(query);

  const returnedTake = Math.max(0, Math.min(LIST_PAGE_SIZE, returned - skip));
  const restSkip = Math.max(0, skip - returned);
  const restTake = Math.min(LIST_PAGE_SIZE - returnedTake, Math.max(0, total - returned - restSkip));
  const [first, rest] = await Promise.all([
    returnedTake > 0
      ? db().enrolment.findMany({
          where: { AND: [where, { status: "RETURNED" }] },
          orderBy,
          skip,
          take: returnedTake,
          select: LIST_ITEM_SELECT,
        })
      : [],
    restTake > 0
      ? db().enrolment.findMany({
          where: { AND: [where, { status: { not: "RETURNED" } }] },
          orderBy,
          skip: restSkip,
          take: restTake,
          select: LIST_ITEM_SELECT,
        })
      : [],
  ]);
  return { rows: [...first, ...rest].map(toListItem), total, page, pageCount };
}
