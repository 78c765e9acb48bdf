import "server-only";
import { isUuid } from "@/lib/search-params";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { can, presentIdentifier, presentPhone } from "@/lib/auth/permissions";
import { enrolmentWhere } from "@/lib/auth/scope";
import { monthOf, todayInZone, workingDaysBetween, type KurScheme } from "@/lib/rules";
import { plannedRows, type PlannedRow } from "@/lib/enrolment/pricing";
import type { PaymentChannel, RejectReason } from "@/lib/review/schema";
import { nikChecks, type NikCheck } from "@/lib/review/identity";
import { historyOf, type HistoryEntry } from "@/lib/review/data/history";
import { STORED_MANDATE_SELECT, storedMandateOf, type StoredMandate } from "@/lib/enrolment/data";
import { LINE_SELECT, coverageFrom, isoDay, isoMonth, toLineDto, type CoverageSummary, type EnrolmentStatus, type LineDto } from "@/lib/review/data/shared";

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
  /** Issued at approval with the KPJ (lib/rules/billing.ts); null before. */
  billingCode: string | null;
  submittedAt: string | null;
  ageWorkingDays: number | null;
  returnReason: string | null;
  rejectReason: RejectReason | null;
  rejectNote: string | null;
  loanNumber: string | null;
  mandate: StoredMandate;
  participant: { nikMasked: string; fullName: string; birthDate: string; sex: "L" | "P"; phone: string };
  nikChecks: NikCheck[];
  office: { name: string; penyalurName: string };
  kantorCabang: { name: string; timeZone: string };
  officerName: string;
  lines: LineDto[];
  /** Not yet approved: the planned months as they would be written if approved today (no debt). */
  plan: PlannedRow[] | null;
  coverage: CoverageSummary | null;
  /**
   * Oldest first. `reversible`: the latest payment still standing, the only one a reversal may undo
   * (docs/decisions/0016 §3); a reversed one keeps its row, with when and why.
   */
  payments: {
    id: string;
    amount: number;
    paidOn: string;
    channel: PaymentChannel;
    reference: string;
    months: string[];
    reversed: { at: string; reason: string } | null;
    reversible: boolean;
  }[];
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
  history: HistoryEntry[];
  today: string;
}

/**
 * One enrolment for the reviewer's page, with its status history: only if the reviewer's scope
 * covers it (one scope check for the whole page); null otherwise.
 */
export async function reviewDetail(actor: Actor, id: string, now: Date): Promise<ReviewDetail | null> {
  const scopeWhere = enrolmentWhere(actor, "enrolment:review");
  if (!scopeWhere || !isUuid(id)) return null;
  const e = await db().enrolment.findFirst({
    where: { AND: [{ id }, scopeWhere] },
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
      billingCode: true,
      submittedAt: true,
      returnReason: true,
      rejectReason: true,
      rejectNote: true,
      loanNumber: true,
      coverStartMonth: true,
      monthsInAdvance: true,
      participantId: true,
      ...STORED_MANDATE_SELECT,
      participant: { select: { nik: true, fullName: true, birthDate: true, sex: true, phone: true, addressProvinceCode: true } },
      penyalurOffice: { select: { name: true, penyalur: { select: { name: true } } } },
      kantorCabang: { select: { name: true, timeZone: true } },
      officer: { select: { name: true } },
      contributionLines: LINE_SELECT,
      payments: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          amount: true,
          paidOn: true,
          channel: true,
          reference: true,
          reversedAt: true,
          reversalReason: true,
          lines: { select: { month: true }, orderBy: { month: "asc" } },
        },
      },
    },
  });
  if (!e) return null;
  const [duplicates, history] = await Promise.all([
    db().enrolment.findMany({
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
      penyalurOfficeId: true,
      penyalur: { select: { name: true } },
      kantorCabang: { select: { name: true, kanwilId: true } },
    },
    }),
    historyOf(e.id),
  ]);
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
    billingCode: e.status === "APPROVED" ? e.billingCode : null,
    submittedAt: e.submittedAt?.toISOString() ?? null,
    ageWorkingDays: e.submittedAt ? workingDaysBetween(todayInZone(e.submittedAt, zone), today) : null,
    returnReason: e.returnReason,
    rejectReason: e.rejectReason,
    rejectNote: e.rejectNote,
    loanNumber: e.loanNumber,
    mandate: storedMandateOf(e),
    participant: { nikMasked: presentIdentifier(actor, p.nik), fullName: p.fullName, birthDate: isoDay(p.birthDate), sex: p.sex, phone: presentPhone(actor, p.phone) },
    nikChecks: nikChecks({ nik: p.nik, birthDate: isoDay(p.birthDate), sex: p.sex, addressProvinceCode: p.addressProvinceCode }, today),
    office: { name: e.penyalurOffice.name, penyalurName: e.penyalurOffice.penyalur.name },
    kantorCabang: { name: e.kantorCabang.name, timeZone: zone },
    officerName: e.officer.name,
    lines,
    plan: e.status === "SUBMITTED" || e.status === "RETURNED"
      ? plannedRows({ declaredIncome: e.declaredIncome, jht: e.jht, sector: e.sector, firstMonth: monthOf(today), months: e.monthsInAdvance })
      : null,
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
      reversed: pay.reversedAt ? { at: pay.reversedAt.toISOString(), reason: pay.reversalReason ?? "" } : null,
      reversible: pay.id === e.payments.findLast((p) => !p.reversedAt)?.id,
    })),
    duplicates: duplicates.map((d) => ({
      id: d.id,
      status: d.status,
      scheme: d.scheme,
      plafon: d.plafon,
      penyalurName: d.penyalur.name,
      kantorCabangName: d.kantorCabang.name,
      submittedAt: d.submittedAt?.toISOString() ?? null,
      inScope: can(actor, "enrolment:review", { kantorCabangId: d.kantorCabangId, penyalurOfficeId: d.penyalurOfficeId, kanwilId: d.kantorCabang.kanwilId }),
    })),
    history,
    today,
  };
}
