import "server-only";
import { isUuid } from "@/lib/search-params";
import { db, type Prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { can, maskNik } from "@/lib/auth/permissions";
import { enrolmentWhere } from "@/lib/auth/scope";
import {
  REVIEW_SLA_WORKING_DAYS,
  addMonths,
  contributionForMonth,
  coverageStatus,
  isMonthDue,
  monthOf,
  todayInZone,
  workingDaysBetween,
  type Coverage,
  type KurScheme,
  type MandateStatus,
} from "@/lib/rules";
import { REVIEW_PAGE_SIZE, type QueueQuery, type RejectReason, type PaymentChannel } from "@/lib/review/schema";
import { maskName, nikChecks, type NikCheck } from "@/lib/review/identity";

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const isoMonth = (d: Date) => isoDay(d).slice(0, 7);

/** The reviewer's Kantor Cabang, or null when the actor is not a branch reviewer (fail closed). */
function reviewerBranchId(actor: Actor): string | null {
  return can(actor, "enrolment:review") && actor.scope.kind === "KANTOR_CABANG" ? actor.scope.kantorCabangId : null;
}

type EnrolmentStatus = "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED" | "REJECTED";

export interface QueueRow {
  id: string;
  version: number;
  fullName: string;
  nikMasked: string;
  penyalurName: string;
  officeName: string;
  scheme: KurScheme;
  plafon: number;
  mandateStatus: MandateStatus;
  status: EnrolmentStatus;
  submittedAt: string | null;
  /** Working days since submission (weekends, national holidays and cuti bersama excluded). */
  ageWorkingDays: number | null;
  /** Still waiting for a decision and older than the review's service level (2 working days). */
  overdue: boolean;
}

export interface QueuePage {
  rows: QueueRow[];
  total: number;
  page: number;
  pageCount: number;
  penyalurOptions: { id: string; name: string }[];
  timeZone: string;
}

/**
 * The review queue of the reviewer's own Kantor Cabang, oldest submission first, with each
 * enrolment's age in working days in the branch's time zone. Paged in the database.
 */
export async function reviewQueue(actor: Actor, query: QueueQuery, now: Date): Promise<QueuePage | null> {
  const kantorCabangId = reviewerBranchId(actor);
  if (!kantorCabangId) return null;
  const where: Prisma.EnrolmentWhereInput = {
    kantorCabangId,
    ...(query.status === "ALL" ? { status: { not: "DRAFT" } } : { status: query.status }),
    ...(query.penyalur ? { penyalurId: query.penyalur } : {}),
    ...(query.scheme ? { scheme: query.scheme } : {}),
    ...(query.mandate ? { mandateStatus: query.mandate } : {}),
  };
  const [total, branch, penyalurOptions] = await Promise.all([
    db().enrolment.count({ where }),
    db().kantorCabang.findUniqueOrThrow({ where: { id: kantorCabangId }, select: { timeZone: true } }),
    db().penyalur.findMany({
      where: { enrolments: { some: { kantorCabangId } } },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / REVIEW_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = await db().enrolment.findMany({
    where,
    orderBy: [{ submittedAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    skip: (page - 1) * REVIEW_PAGE_SIZE,
    take: REVIEW_PAGE_SIZE,
    select: {
      id: true,
      version: true,
      scheme: true,
      plafon: true,
      mandateStatus: true,
      status: true,
      submittedAt: true,
      participant: { select: { fullName: true, nik: true } },
      penyalurOffice: { select: { name: true, penyalur: { select: { name: true } } } },
    },
  });
  const today = todayInZone(now, branch.timeZone);
  return {
    rows: rows.map((r) => {
      const age = r.submittedAt ? workingDaysBetween(todayInZone(r.submittedAt, branch.timeZone), today) : null;
      return {
        id: r.id,
        version: r.version,
        fullName: r.participant.fullName,
        nikMasked: maskNik(r.participant.nik),
        penyalurName: r.penyalurOffice.penyalur.name,
        officeName: r.penyalurOffice.name,
        scheme: r.scheme,
        plafon: r.plafon,
        mandateStatus: r.mandateStatus,
        status: r.status,
        submittedAt: r.submittedAt?.toISOString() ?? null,
        ageWorkingDays: age,
        overdue: r.status === "SUBMITTED" && age !== null && age > REVIEW_SLA_WORKING_DAYS,
      };
    }),
    total,
    page,
    pageCount,
    penyalurOptions,
    timeZone: branch.timeZone,
  };
}

export interface LineDto {
  month: string;
  total: number;
  dueDate: string;
  status: "DUE" | "PAID";
  reliefRuleId: string | null;
}

const LINE_SELECT = {
  orderBy: { month: "asc" },
  select: { month: true, total: true, dueDate: true, status: true, reliefRuleId: true },
} satisfies Prisma.Enrolment$contributionLinesArgs;

function toLineDto(l: { month: Date; total: number; dueDate: Date; status: "DUE" | "PAID"; reliefRuleId: string | null }): LineDto {
  return { month: isoMonth(l.month), total: l.total, dueDate: isoDay(l.dueDate), status: l.status, reliefRuleId: l.reliefRuleId };
}

export interface CoverageSummary extends Coverage {
  startMonth: string;
  /** Unpaid due months with what each costs (line total, or the month's price when no line exists yet). */
  owed: number;
}

/**
 * Coverage of an approved enrolment on `today` (RULES.md §3, lib/rules/coverage): ACTIVE / ARREARS /
 * ENDED / NOT_STARTED with "protected until", from its first month of cover and its paid lines.
 */
export function coverageFrom(
  startMonth: string,
  lines: readonly LineDto[],
  today: string,
  pricing: { declaredIncome: number; jht: boolean; sector: "TRANSPORT" | "OTHER"; fundedByBudget: boolean },
): CoverageSummary {
  const coverage = coverageStatus({ startMonth, paidMonths: lines.filter((l) => l.status === "PAID").map((l) => l.month), today });
  const byMonth = new Map(lines.map((l) => [l.month, l.total]));
  const owed = coverage.unpaidMonths.reduce(
    (sum, m) => sum + (byMonth.get(m) ?? contributionForMonth({ ...pricing, month: m }).total),
    0,
  );
  return { ...coverage, startMonth, owed };
}

export interface ReviewDetail {
  id: string;
  version: number;
  status: EnrolmentStatus;
  scheme: KurScheme;
  plafon: number;
  declaredIncome: number;
  tierBasis: number;
  tierTableVersion: string;
  jht: boolean;
  kpj: string | null;
  submittedAt: string | null;
  ageWorkingDays: number | null;
  returnReason: string | null;
  rejectReason: RejectReason | null;
  rejectNote: string | null;
  loanNumber: string | null;
  mandate: {
    status: MandateStatus;
    ruleId: string;
    ruleVersion: string;
    legalBasis: string;
    explanation: string;
    requiredFrom: string | null;
    inputs: Record<string, unknown>;
  };
  participant: { nikMasked: string; fullName: string; birthDate: string; sex: "L" | "P"; phone: string };
  nikChecks: NikCheck[];
  office: { name: string; penyalurName: string };
  kantorCabang: { name: string; timeZone: string };
  officerName: string;
  lines: LineDto[];
  coverage: CoverageSummary | null;
  payments: { id: string; amount: number; paidOn: string; channel: PaymentChannel; reference: string; months: string[] }[];
  /** Other enrolments of the same participant (same NIK), at any penyalur and any branch. */
  duplicates: {
    id: string;
    status: EnrolmentStatus;
    scheme: KurScheme;
    plafon: number;
    penyalurName: string;
    kantorCabangName: string;
    submittedAt: string | null;
    /** Whether this reviewer may open it (same Kantor Cabang). */
    inScope: boolean;
  }[];
  today: string;
}

/** One enrolment for the reviewer's page, only if it belongs to their Kantor Cabang; null otherwise. */
export async function reviewDetail(actor: Actor, id: string, now: Date): Promise<ReviewDetail | null> {
  const kantorCabangId = reviewerBranchId(actor);
  if (!kantorCabangId || !isUuid(id)) return null;
  const e = await db().enrolment.findFirst({
    where: { id, kantorCabangId },
    select: {
      id: true,
      version: true,
      status: true,
      scheme: true,
      plafon: true,
      declaredIncome: true,
      tierBasis: true,
      tierTableVersion: true,
      jht: true,
      sector: true,
      fundedByBudget: true,
      kpj: true,
      submittedAt: true,
      returnReason: true,
      rejectReason: true,
      rejectNote: true,
      loanNumber: true,
      coverStartMonth: true,
      participantId: true,
      mandateStatus: true,
      mandateRuleId: true,
      mandateRuleVersion: true,
      mandateLegalBasis: true,
      mandateExplanation: true,
      mandateRequiredFrom: true,
      mandateInputs: true,
      participant: { select: { nik: true, fullName: true, birthDate: true, sex: true, phone: true, addressProvinceCode: true } },
      penyalurOffice: { select: { name: true, penyalur: { select: { name: true } } } },
      kantorCabang: { select: { name: true, timeZone: true } },
      officer: { select: { name: true } },
      contributionLines: LINE_SELECT,
      payments: {
        orderBy: { createdAt: "asc" },
        select: { id: true, amount: true, paidOn: true, channel: true, reference: true, lines: { select: { month: true }, orderBy: { month: "asc" } } },
      },
    },
  });
  if (!e) return null;
  const duplicates = await db().enrolment.findMany({
    where: { participantId: e.participantId, id: { not: e.id } },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: {
      id: true,
      status: true,
      scheme: true,
      plafon: true,
      submittedAt: true,
      kantorCabangId: true,
      penyalur: { select: { name: true } },
      kantorCabang: { select: { name: true } },
    },
  });
  const zone = e.kantorCabang.timeZone;
  const today = todayInZone(now, zone);
  const lines: LineDto[] = e.contributionLines.map(toLineDto);
  const p = e.participant;
  return {
    id: e.id,
    version: e.version,
    status: e.status,
    scheme: e.scheme,
    plafon: e.plafon,
    declaredIncome: e.declaredIncome,
    tierBasis: e.tierBasis,
    tierTableVersion: e.tierTableVersion,
    jht: e.jht,
    kpj: e.kpj,
    submittedAt: e.submittedAt?.toISOString() ?? null,
    ageWorkingDays: e.submittedAt ? workingDaysBetween(todayInZone(e.submittedAt, zone), today) : null,
    returnReason: e.returnReason,
    rejectReason: e.rejectReason,
    rejectNote: e.rejectNote,
    loanNumber: e.loanNumber,
    mandate: {
      status: e.mandateStatus,
      ruleId: e.mandateRuleId,
      ruleVersion: e.mandateRuleVersion,
      legalBasis: e.mandateLegalBasis,
      explanation: e.mandateExplanation,
      requiredFrom: e.mandateRequiredFrom ? isoDay(e.mandateRequiredFrom) : null,
      inputs: (e.mandateInputs ?? {}) as Record<string, unknown>,
    },
    participant: { nikMasked: maskNik(p.nik), fullName: p.fullName, birthDate: isoDay(p.birthDate), sex: p.sex, phone: p.phone },
    nikChecks: nikChecks({ nik: p.nik, birthDate: isoDay(p.birthDate), sex: p.sex, addressProvinceCode: p.addressProvinceCode }, today),
    office: { name: e.penyalurOffice.name, penyalurName: e.penyalurOffice.penyalur.name },
    kantorCabang: { name: e.kantorCabang.name, timeZone: zone },
    officerName: e.officer.name,
    lines,
    coverage:
      e.status === "APPROVED" && e.coverStartMonth
        ? coverageFrom(isoMonth(e.coverStartMonth), lines, today, e)
        : null,
    payments: e.payments.map((pay) => ({
      id: pay.id,
      amount: pay.amount,
      paidOn: isoDay(pay.paidOn),
      channel: pay.channel,
      reference: pay.reference,
      months: pay.lines.map((l) => isoMonth(l.month)),
    })),
    duplicates: duplicates.map((d) => ({
      id: d.id,
      status: d.status,
      scheme: d.scheme,
      plafon: d.plafon,
      penyalurName: d.penyalur.name,
      kantorCabangName: d.kantorCabang.name,
      submittedAt: d.submittedAt?.toISOString() ?? null,
      inScope: d.kantorCabangId === kantorCabangId,
    })),
    today,
  };
}

export interface HistoryEntry {
  id: string;
  at: string;
  action: string;
  actorName: string | null;
  /** The reason or note written with a return or rejection, or a payment's summary. */
  reason: string | null;
  rejectReason: RejectReason | null;
  payment: { amount: number; reference: string; months: string[] } | null;
}

/** Actions written before the contract's names (contract §2) read as their new names. */
const LEGACY_ACTIONS: Record<string, string> = { ENROLMENT_SUBMITTED: "enrolment.submit" };

function jsonObject(value: Prisma.JsonValue | null): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * The status history of an enrolment, read from its AuditEvents (contract §2), oldest first; only
 * when the actor's scope covers the enrolment (null otherwise).
 */
export async function enrolmentHistory(actor: Actor, enrolmentId: string): Promise<HistoryEntry[] | null> {
  const scopeWhere = enrolmentWhere(actor);
  if (!scopeWhere || !isUuid(enrolmentId)) return null;
  // The scope check and the events in parallel (one round trip of latency); events are dropped unless visible.
  const [visible, events] = await Promise.all([
    db().enrolment.count({ where: { AND: [{ id: enrolmentId }, scopeWhere] } }),
    db().auditEvent.findMany({
      where: { entityType: "Enrolment", entityId: enrolmentId },
      orderBy: [{ at: "asc" }, { id: "asc" }],
      select: { id: true, at: true, action: true, after: true, actor: { select: { name: true } } },
    }),
  ]);
  if (!visible) return null;
  return events.map((ev) => {
    const after = jsonObject(ev.after);
    const action = LEGACY_ACTIONS[ev.action] ?? ev.action;
    const str = (v: unknown) => (typeof v === "string" && v ? v : null);
    return {
      id: String(ev.id),
      at: ev.at.toISOString(),
      action,
      actorName: ev.actor?.name ?? null,
      reason: action === "enrolment.reject" ? str(after.note) : str(after.reason),
      rejectReason: action === "enrolment.reject" ? (str(after.reason) as RejectReason | null) : null,
      payment:
        action === "payment.record" && typeof after.amount === "number"
          ? {
              amount: after.amount,
              reference: String(after.reference ?? ""),
              months: Array.isArray(after.months) ? after.months.map(String) : [],
            }
          : null,
    };
  });
}

export interface OfficerCoverage {
  status: EnrolmentStatus;
  kpj: string | null;
  certificateAvailable: boolean;
  coverage: CoverageSummary | null;
}

/** What the officer's enrolment page shows about review and cover (scoped like the page). */
export async function reviewSummaryForActor(actor: Actor, enrolmentId: string, now: Date): Promise<OfficerCoverage | null> {
  const scopeWhere = enrolmentWhere(actor);
  if (!scopeWhere || !isUuid(enrolmentId)) return null;
  const e = await db().enrolment.findFirst({
    where: { AND: [{ id: enrolmentId }, scopeWhere] },
    select: {
      status: true,
      kpj: true,
      coverStartMonth: true,
      declaredIncome: true,
      jht: true,
      sector: true,
      fundedByBudget: true,
      kantorCabang: { select: { timeZone: true } },
      contributionLines: LINE_SELECT,
    },
  });
  if (!e) return null;
  const today = todayInZone(now, e.kantorCabang.timeZone);
  const lines = e.contributionLines.map(toLineDto);
  return {
    status: e.status,
    kpj: e.kpj,
    // The same role rule as the certificate route (lib/review/certificate-response.ts); the scope is this query's.
    certificateAvailable: e.status === "APPROVED" && can(actor, "certificate:download"),
    coverage: e.status === "APPROVED" && e.coverStartMonth ? coverageFrom(isoMonth(e.coverStartMonth), lines, today, e) : null,
  };
}

export interface ArrearsRow {
  id: string;
  fullName: string;
  nikMasked: string;
  kpj: string | null;
  penyalurName: string;
  coverage: CoverageSummary;
}

export interface ArrearsPage {
  rows: ArrearsRow[];
  total: number;
  page: number;
  pageCount: number;
  today: string;
}

/**
 * Approved enrolments of the reviewer's Kantor Cabang with at least one due month unpaid (ARREARS,
 * and ENDED ones so the branch can follow up), most months unpaid first. The database finds and
 * pages them by counting paid lines among the months due; each row's status, months and amount
 * owed then come from lib/rules/coverage.
 */
export async function arrearsList(actor: Actor, pageAsked: number, now: Date): Promise<ArrearsPage | null> {
  const kantorCabangId = reviewerBranchId(actor);
  if (!kantorCabangId) return null;
  const branch = await db().kantorCabang.findUniqueOrThrow({ where: { id: kantorCabangId }, select: { timeZone: true } });
  const today = todayInZone(now, branch.timeZone);
  const current = monthOf(today);
  // The last month that is past due today (RULES.md §3): today's month only after its due date.
  const lastDueDate = `${isMonthDue(current, today) ? current : addMonths(current, -1)}-01`;

  const counted = await db().$queryRaw<{ id: string; unpaid: number; total: bigint }[]>`
    with due as (
      select e.id, e."createdAt",
             ((extract(year from ${lastDueDate}::date) - extract(year from e."coverStartMonth")) * 12
               + extract(month from ${lastDueDate}::date) - extract(month from e."coverStartMonth") + 1)::int as months_due,
             (select count(*) from "ContributionLine" l
               where l."enrolmentId" = e.id and l.status = 'PAID' and l.month <= ${lastDueDate}::date)::int as paid_due
      from "Enrolment" e
      where e."kantorCabangId" = ${kantorCabangId}::uuid and e.status = 'APPROVED'
        and e."coverStartMonth" is not null and e."coverStartMonth" <= ${lastDueDate}::date
    )
    select id::text, (months_due - paid_due) as unpaid, count(*) over () as total
    from due where paid_due < months_due
    order by unpaid desc, "createdAt" asc, id
    limit ${REVIEW_PAGE_SIZE} offset ${(Math.max(1, pageAsked) - 1) * REVIEW_PAGE_SIZE}`;
  const total = Number(counted[0]?.total ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / REVIEW_PAGE_SIZE));
  const page = Math.min(Math.max(1, pageAsked), pageCount);
  if (counted.length === 0) return { rows: [], total, page, pageCount, today };

  const rows = await db().enrolment.findMany({
    where: { id: { in: counted.map((c) => c.id) } },
    select: {
      id: true,
      kpj: true,
      coverStartMonth: true,
      declaredIncome: true,
      jht: true,
      sector: true,
      fundedByBudget: true,
      participant: { select: { fullName: true, nik: true } },
      penyalur: { select: { name: true } },
      contributionLines: LINE_SELECT,
    },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    rows: counted.flatMap((c) => {
      const r = byId.get(c.id);
      if (!r || !r.coverStartMonth) return [];
      const lines = r.contributionLines.map(toLineDto);
      return [
        {
          id: r.id,
          fullName: r.participant.fullName,
          nikMasked: maskNik(r.participant.nik),
          kpj: r.kpj,
          penyalurName: r.penyalur.name,
          coverage: coverageFrom(isoMonth(r.coverStartMonth), lines, today, r),
        },
      ];
    }),
    total,
    page,
    pageCount,
    today,
  };
}

/** Cover on the branch's calendar day of `now`, from the months paid (RULES.md §3). */
function coverageFromPaidLines(coverStartMonth: Date, paidLines: readonly { month: Date }[], now: Date, timeZone: string) {
  const today = todayInZone(now, timeZone);
  const coverage = coverageStatus({ startMonth: isoMonth(coverStartMonth), paidMonths: paidLines.map((l) => isoMonth(l.month)), today });
  return { today, coverage };
}

export interface VerificationView {
  maskedName: string;
  status: "ACTIVE" | "ARREARS" | "ENDED" | "NOT_STARTED";
  protectedUntil: string | null;
  programs: string[];
  checkedOn: string;
}

const CODE_PATTERN = /^[A-Za-z0-9_-]{27}$/;

/**
 * The public verification of a certificate's QR code: only what a third party needs (masked name,
 * coverage status, protected until, programs), never the NIK, KPJ, phone or birth date. One indexed
 * query whether or not the code exists, so an unknown code is not obviously faster or slower.
 */
export async function verificationByCode(code: string, now: Date): Promise<VerificationView | null> {
  if (!CODE_PATTERN.test(code)) return null;
  const e = await db().enrolment.findUnique({
    where: { verificationCode: code },
    select: {
      status: true,
      jht: true,
      coverStartMonth: true,
      participant: { select: { fullName: true } },
      kantorCabang: { select: { timeZone: true } },
      contributionLines: { where: { status: "PAID" }, select: { month: true } },
    },
  });
  if (!e || e.status !== "APPROVED" || !e.coverStartMonth) return null;
  const { today, coverage } = coverageFromPaidLines(e.coverStartMonth, e.contributionLines, now, e.kantorCabang.timeZone);
  return {
    maskedName: maskName(e.participant.fullName),
    status: coverage.status,
    protectedUntil: coverage.protectedUntil,
    programs: e.jht ? ["JKK", "JKM", "JHT"] : ["JKK", "JKM"],
    checkedOn: today,
  };
}

export interface CertificateData {
  kpj: string;
  fullName: string;
  nikMasked: string;
  programs: string[];
  protectedUntil: string | null;
  status: "ACTIVE" | "ARREARS" | "ENDED" | "NOT_STARTED";
  kantorCabangName: string;
  kanwilName: string;
  penyalurName: string;
  approvedAt: string;
  verificationCode: string;
  issuedOn: string;
}

/**
 * The certificate's content, for the owning bank office or the reviewing branch only.
 * "not-found" when the enrolment is missing or out of scope (404), "not-approved" when it has no
 * certificate yet (409).
 */
export async function certificateFor(actor: Actor, id: string, now: Date): Promise<CertificateData | "not-found" | "not-approved"> {
  const scopeWhere = enrolmentWhere(actor, "certificate:download");
  if (!scopeWhere || !isUuid(id)) return "not-found";
  const e = await db().enrolment.findFirst({
    where: { AND: [{ id }, scopeWhere] },
    select: {
      status: true,
      kpj: true,
      jht: true,
      approvedAt: true,
      verificationCode: true,
      coverStartMonth: true,
      participant: { select: { fullName: true, nik: true } },
      penyalur: { select: { name: true } },
      kantorCabang: { select: { name: true, timeZone: true, kanwil: { select: { name: true } } } },
      contributionLines: { where: { status: "PAID" }, select: { month: true } },
    },
  });
  if (!e) return "not-found";
  if (e.status !== "APPROVED" || !e.kpj || !e.verificationCode || !e.coverStartMonth || !e.approvedAt) return "not-approved";
  const { today, coverage } = coverageFromPaidLines(e.coverStartMonth, e.contributionLines, now, e.kantorCabang.timeZone);
  return {
    kpj: e.kpj,
    fullName: e.participant.fullName,
    nikMasked: maskNik(e.participant.nik),
    programs: e.jht ? ["JKK", "JKM", "JHT"] : ["JKK", "JKM"],
    protectedUntil: coverage.protectedUntil,
    status: coverage.status,
    kantorCabangName: e.kantorCabang.name,
    kanwilName: e.kantorCabang.kanwil.name,
    penyalurName: e.penyalur.name,
    approvedAt: todayInZone(e.approvedAt, e.kantorCabang.timeZone),
    verificationCode: e.verificationCode,
    issuedOn: today,
  };
}
