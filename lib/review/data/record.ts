import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { can, personalDataView, presentIdentifier, presentPhone } from "@/lib/auth/permissions";
import { enrolmentForActor, type EnrolmentDetail } from "@/lib/enrolment/data";
import { monthOf, todayInZone } from "@/lib/rules";
import { plannedRows, type PlannedRow } from "@/lib/enrolment/pricing";
import { historyOf, type HistoryEntry } from "@/lib/review/data/history";
import { coverageFrom, isoMonth, type CoverageSummary, type EnrolmentStatus, type LineDto } from "@/lib/review/data/shared";

export interface OfficerCoverage {
  status: EnrolmentStatus;
  kpj: string | null;
  /** Issued at approval with the KPJ (lib/rules/billing.ts); null before. */
  billingCode: string | null;
  certificateAvailable: boolean;
  coverage: CoverageSummary | null;
  /** Submitted or returned: the planned months, priced as if approved today (docs/decisions/0011 §1). */
  plan: PlannedRow[] | null;
}

/**
 * The enrolment record page (/pendaftaran/[id]) in one DTO: the enrolment as the e-form stored it,
 * with the debtor's identifiers as this actor may see them; the review block (cover, protected-until,
 * certificate); the status history. One scope check (the enrolment's own reader); what follows reads
 * by the id it found.
 */
export interface EnrolmentRecord {
  enrolment: EnrolmentDetail;
  review: OfficerCoverage;
  history: HistoryEntry[];
}

/** What this actor may see of the debtor's personal data, decided here and not in the page. */
function presented(actor: Actor, e: EnrolmentDetail): EnrolmentDetail {
  const view = personalDataView(actor);
  return {
    ...e,
    participant: {
      ...e.participant,
      nik: presentIdentifier(actor, e.participant.nik),
      phone: presentPhone(actor, e.participant.phone),
      address: view.contactDetails ? e.participant.address : null,
    },
    // An individual's NPWP is often the NIK itself: masked like the NIK.
    loan: { ...e.loan, npwp: e.loan.npwp ? presentIdentifier(actor, e.loan.npwp) : null },
    coverage: {
      ...e.coverage,
      heirName: view.contactDetails ? e.coverage.heirName : null,
      heirPhone: e.coverage.heirPhone ? presentPhone(actor, e.coverage.heirPhone) : null,
    },
  };
}

/** The officer's (or any reader's) record of one enrolment; null when missing or out of scope (404). */
export async function enrolmentRecord(actor: Actor, id: string, now: Date): Promise<EnrolmentRecord | null> {
  const e = await enrolmentForActor(actor, id);
  if (!e) return null;
  const [cover, history] = await Promise.all([
    db().enrolment.findUniqueOrThrow({
      where: { id: e.id },
      select: {
        coverStartMonth: true,
        billingCode: true,
        sector: true,
        fundedByBudget: true,
        penyalurOfficeId: true,
        kantorCabangId: true,
        kantorCabang: { select: { kanwilId: true } },
      },
    }),
    historyOf(e.id),
  ]);
  const today = todayInZone(now, e.kantorCabang.timeZone);
  const lines: LineDto[] = e.contributionLines;
  const place = { penyalurOfficeId: cover.penyalurOfficeId, kantorCabangId: cover.kantorCabangId, kanwilId: cover.kantorCabang.kanwilId };
  const approved = e.status === "APPROVED";
  return {
    enrolment: presented(actor, e),
    review: {
      status: e.status,
      kpj: e.kpj,
      billingCode: approved ? cover.billingCode : null,
      certificateAvailable: approved && can(actor, "certificate:download", place),
      coverage:
        approved && cover.coverStartMonth
          ? coverageFrom(isoMonth(cover.coverStartMonth), lines, today, { declaredIncome: e.declaredIncome, jht: e.jht, sector: cover.sector, fundedByBudget: cover.fundedByBudget })
          : null,
      plan:
        e.status === "SUBMITTED" || e.status === "RETURNED" || e.status === "DRAFT"
          ? plannedRows({ declaredIncome: e.declaredIncome, jht: e.jht, sector: cover.sector, firstMonth: monthOf(today), months: e.coverage.monthsInAdvance })
          : null,
    },
    history,
  };
}

/**
 * What the officer's enrolment page shows about review and cover, on its own (scoped like the page).
 * The page itself reads it inside `enrolmentRecord`.
 */
export async function reviewSummaryForActor(actor: Actor, enrolmentId: string, now: Date): Promise<OfficerCoverage | null> {
  return (await enrolmentRecord(actor, enrolmentId, now))?.review ?? null;
}
