import "server-only";
import { db, Prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { can } from "@/lib/auth/permissions";
import type { ReportDimension } from "@/lib/reconcile/columns";

/**
 * The reconciliation report of one disbursed-debtor list against the enrolments (issue #14;
 * docs/bulk-upload.md "Reconciliation"): per penyalur, bank office (the bank's branch), Kanwil or
 * scheme, how many listed debtors are **covered** — their enrolment approved and its first month
 * paid, both on or before the loan's disbursement day, the condition docs/regulation.md §2.2 sets for
 * disbursing a mandatory debtor's loan (cover letter of Permenko 1/2023, point 5) — how many are
 * enrolled but not covered (awaiting review, or approved without the first month paid in time),
 * how many are **mandatory and not covered** (the list's coverage gaps), and which enrolments of the
 * list's penyalur, planned to disburse in the list's period, have no loan on the list; also which
 * listed loans match no enrolment. Each loan's enrolment was matched at import (lib/reconcile/
 * mutations matchLoans: loan number, else NIK). A Kanwil manager sees the rows of their own Kanwil only.
 */

export interface ListSummary {
  id: string;
  fileName: string;
  periodFrom: string;
  periodTo: string;
  rowCount: number;
  errorCount: number;
  createdAt: string;
  uploadedBy: string;
  status: "QUEUED" | "IMPORTING" | "IMPORTED" | "FAILED";
}

export interface ReportFigures {
  debtors: number;
  covered: number;
  /** Approved, but not approved and first-month paid by the disbursement day. */
  approvedNotCovered: number;
  /** Enrolled, awaiting review (submitted or returned for correction). */
  pending: number;
  /** Mandatory on the disbursement day and not covered: the list's coverage gaps. */
  mandatoryUncovered: number;
  /** Listed loans matching no enrolment. */
  unmatchedLoans: number;
  /** Enrolments (planned in the period) whose loan is not on the list. */
  unmatchedEnrolments: number;
}

export interface ReportRow extends ReportFigures {
  key: string | null;
  label: string;
}

export interface UnmatchedLoan {
  rowNumber: number;
  loanNumber: string;
  penyalur: string;
  office: string | null;
  scheme: string;
  plafon: number;
  disbursedOn: string;
  mandatory: boolean;
}

export interface UnmatchedEnrolment {
  id: string;
  loanNumber: string | null;
  scheme: string;
  status: string;
  office: string;
}

/** The Kanwil the actor's report is limited to: null for head office (every Kanwil); undefined = refused. */
function kanwilLimit(actor: Actor): string | null | undefined {
  if (!can(actor, "reconciliation:run")) return undefined;
  if (actor.scope.kind === "ALL") return null;
  if (actor.scope.kind === "KANWIL") return actor.scope.kanwilId;
  return undefined;
}

export async function debtorLists(actor: Actor, take = 20): Promise<ListSummary[]> {
  if (kanwilLimit(actor) === undefined) return [];
  const rows = await db().reconciliationList.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, fileName: true, periodFrom: true, periodTo: true, rowCount: true, errorCount: true, createdAt: true, status: true, uploadedBy: { select: { name: true } } },
  });
  return rows.map((r) => ({
    ...r,
    periodFrom: r.periodFrom.toISOString().slice(0, 10),
    periodTo: r.periodTo.toISOString().slice(0, 10),
    createdAt: r.createdAt.toISOString(),
    uploadedBy: r.uploadedBy.name,
  }));
}

const LOAN_KEY: Record<ReportDimension, Prisma.Sql> = {
  penyalur: Prisma.sql`l."penyalurId"::text`,
  office: Prisma.sql`COALESCE(l."penyalurOfficeId", e."penyalurOfficeId")::text`,
  kanwil: Prisma.sql`COALESCE(l."kanwilId", kc."kanwilId")::text`,
  scheme: Prisma.sql`l.scheme::text`,
};
const ENROLMENT_KEY: Record<ReportDimension, Prisma.Sql> = {
  penyalur: Prisma.sql`e."penyalurId"::text`,
  office: Prisma.sql`e."penyalurOfficeId"::text`,
  kanwil: Prisma.sql`kc."kanwilId"::text`,
  scheme: Prisma.sql`e.scheme::text`,
};

/**
 * Covered on the loan's disbursement day (docs/regulation.md §2.2): approved (the approval's day at
 * the Kantor Cabang, whose calendar the reviewer works in) and the first contribution month paid, both
 * on or before it — the same condition as the coverage-gap rule (lib/loans/cover.ts isCoverageGap).
 */
const COVERED = Prisma.sql`(e.status = 'APPROVED'
  AND (e."approvedAt" AT TIME ZONE kc."timeZone")::date <= l."disbursedOn"
  AND EXISTS (
    SELECT 1 FROM "ContributionLine" cl JOIN "Payment" pay ON pay.id = cl."paymentId"
    WHERE cl."enrolmentId" = e.id AND cl.month = e."coverStartMonth" AND cl.status = 'PAID' AND pay."paidOn" <= l."disbursedOn"))`;

const ZERO: ReportFigures = { debtors: 0, covered: 0, approvedNotCovered: 0, pending: 0, mandatoryUncovered: 0, unmatchedLoans: 0, unmatchedEnrolments: 0 };

async function labels(by: ReportDimension, keys: string[]): Promise<Map<string, string>> {
  const ids = keys.filter((k) => /^[0-9a-f-]{36}$/.test(k));
  switch (by) {
    case "penyalur":
      return new Map((await db().penyalur.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((r) => [r.id, r.name]));
    case "office":
      return new Map(
        (await db().penyalurOffice.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, penyalur: { select: { code: true } } } })).map((r) => [r.id, `${r.penyalur.code} — ${r.name}`]),
      );
    case "kanwil":
      return new Map((await db().kanwil.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((r) => [r.id, r.name]));
    default:
      return new Map();
  }
}

/** The list as the actor may see it (null: not theirs to see, or no such list). */
async function listFor(actor: Actor, listId: string) {
  const limit = kanwilLimit(actor);
  if (limit === undefined || !/^[0-9a-f-]{36}$/i.test(listId)) return null;
  const list = await db().reconciliationList.findUnique({
    where: { id: listId },
    select: {
      id: true,
      fileName: true,
      periodFrom: true,
      periodTo: true,
      rowCount: true,
      errorCount: true,
      rowErrors: true,
      createdAt: true,
      status: true,
      importRunId: true,
      matchedCount: true,
      matchedByNikCount: true,
      uploadedById: true,
      uploadedBy: { select: { name: true } },
    },
  });
  return list ? { list, limit } : null;
}

type Scoped = NonNullable<Awaited<ReturnType<typeof listFor>>>;

function conditions({ list, limit }: Scoped) {
  const listId = list.id;
  const loanScope = limit ? Prisma.sql`AND COALESCE(l."kanwilId", kc."kanwilId") = ${limit}::uuid` : Prisma.empty;
  const enrolmentScope = limit ? Prisma.sql`AND kc."kanwilId" = ${limit}::uuid` : Prisma.empty;
  const unmatchedEnrolments = Prisma.sql`
    e."penyalurId" IN (SELECT DISTINCT "penyalurId" FROM "ReconciliationLoan" WHERE "listId" = ${listId}::uuid)
    AND e."plannedDisbursementDate" BETWEEN ${list.periodFrom} AND ${list.periodTo}
    AND e.status IN ('SUBMITTED', 'APPROVED')
    AND NOT EXISTS (SELECT 1 FROM "ReconciliationLoan" x WHERE x."listId" = ${listId}::uuid AND x."enrolmentId" = e.id)
    ${enrolmentScope}`;
  return { listId, loanScope, unmatchedEnrolments };
}

/** The enrolments with no loan on the list (newest first); `limit` rows, the export passes none. */
async function unmatchedEnrolmentRows(scoped: Scoped, limit?: number): Promise<UnmatchedEnrolment[]> {
  const c = conditions(scoped);
  return db().$queryRaw<UnmatchedEnrolment[]>`
    SELECT e.id::text AS id, e."loanNumber" AS "loanNumber", e.scheme::text AS scheme, e.status::text AS status, o.name AS office
    FROM "Enrolment" e JOIN "KantorCabang" kc ON kc.id = e."kantorCabangId" JOIN "PenyalurOffice" o ON o.id = e."penyalurOfficeId"
    WHERE ${c.unmatchedEnrolments}
    -- The newest first: the ones the bank office can still correct before their loans are disbursed.
    ORDER BY e."submittedAt" DESC NULLS LAST, e.id
    ${limit === undefined ? Prisma.empty : Prisma.sql`LIMIT ${limit}`}`;
}

/** The listed loans that match no enrolment, mandatory ones first, in the list's order. */
async function unmatchedLoanRows(scoped: Scoped, limit?: number): Promise<UnmatchedLoan[]> {
  const c = conditions(scoped);
  const rows = await db().$queryRaw<(Omit<UnmatchedLoan, "disbursedOn"> & { disbursedOn: Date })[]>`
    SELECT l."rowNumber" AS "rowNumber", l."loanNumber" AS "loanNumber", p.name AS penyalur, o.name AS office, l.scheme::text AS scheme, l.plafon, l."disbursedOn" AS "disbursedOn", l.mandatory
    FROM "ReconciliationLoan" l
    JOIN "Penyalur" p ON p.id = l."penyalurId"
    LEFT JOIN "PenyalurOffice" o ON o.id = l."penyalurOfficeId"
    LEFT JOIN "Enrolment" e ON e.id = l."enrolmentId"
    LEFT JOIN "KantorCabang" kc ON kc.id = e."kantorCabangId"
    WHERE l."listId" = ${c.listId}::uuid AND l."enrolmentId" IS NULL ${c.loanScope}
    ORDER BY l.mandatory DESC, l."rowNumber"
    ${limit === undefined ? Prisma.empty : Prisma.sql`LIMIT ${limit}`}`;
  return rows.map((r) => ({ ...r, disbursedOn: r.disbursedOn.toISOString().slice(0, 10) }));
}

async function reportRows(scoped: Scoped, by: ReportDimension) {
  const c = conditions(scoped);
  const [loanRows, enrolmentRows] = await Promise.all([
    db().$queryRaw<{ key: string | null; debtors: bigint; covered: bigint; approved: bigint; pending: bigint; mandatoryUncovered: bigint; unmatchedLoans: bigint }[]>`
      SELECT key, count(*) AS debtors,
        count(*) FILTER (WHERE covered) AS covered,
        count(*) FILTER (WHERE status = 'APPROVED') AS approved,
        count(*) FILTER (WHERE status IN ('SUBMITTED', 'RETURNED')) AS pending,
        count(*) FILTER (WHERE mandatory AND NOT covered) AS "mandatoryUncovered",
        count(*) FILTER (WHERE status IS NULL) AS "unmatchedLoans"
      FROM (
        SELECT ${LOAN_KEY[by]} AS key, e.status::text AS status, l.mandatory, COALESCE(${COVERED}, false) AS covered
        FROM "ReconciliationLoan" l
        LEFT JOIN "Enrolment" e ON e.id = l."enrolmentId"
        LEFT JOIN "KantorCabang" kc ON kc.id = e."kantorCabangId"
        WHERE l."listId" = ${c.listId}::uuid ${c.loanScope}
      ) x
      GROUP BY 1`,
    db().$queryRaw<{ key: string | null; n: bigint }[]>`
      SELECT ${ENROLMENT_KEY[by]} AS key, count(*) AS n
      FROM "Enrolment" e JOIN "KantorCabang" kc ON kc.id = e."kantorCabangId"
      WHERE ${c.unmatchedEnrolments}
      GROUP BY 1`,
  ]);
  const rows = new Map<string, ReportRow>();
  const rowFor = (key: string | null) => {
    const k = key ?? "";
    let r = rows.get(k);
    if (!r) rows.set(k, (r = { key, label: key ?? "", ...ZERO }));
    return r;
  };
  for (const r of loanRows) {
    Object.assign(rowFor(r.key), {
      debtors: Number(r.debtors),
      covered: Number(r.covered),
      approvedNotCovered: Number(r.approved) - Number(r.covered),
      pending: Number(r.pending),
      mandatoryUncovered: Number(r.mandatoryUncovered),
      unmatchedLoans: Number(r.unmatchedLoans),
    });
  }
  for (const r of enrolmentRows) rowFor(r.key).unmatchedEnrolments = Number(r.n);
  const names = await labels(by, [...rows.keys()]);
  const out = [...rows.values()].map((r) => ({ ...r, label: r.key ? (names.get(r.key) ?? r.key) : "" }));
  out.sort((a, b) => b.debtors - a.debtors || a.label.localeCompare(b.label));
  const total = out.reduce<ReportFigures>((t, r) => {
    const sum = { ...t };
    for (const k of Object.keys(ZERO) as (keyof ReportFigures)[]) sum[k] += r[k];
    return sum;
  }, ZERO);
  return { rows: out, total };
}

const SHOWN = 200;

export async function reconciliationReport(actor: Actor, listId: string, by: ReportDimension) {
  const scoped = await listFor(actor, listId);
  if (!scoped) return null;
  const { list } = scoped;
  const imported = list.status === "IMPORTED";
  const [figures, unmatched, unmatchedLoans] = imported
    ? await Promise.all([reportRows(scoped, by), unmatchedEnrolmentRows(scoped, SHOWN), unmatchedLoanRows(scoped, SHOWN)])
    : [{ rows: [], total: ZERO }, [], []];
  return {
    list: {
      id: list.id,
      fileName: list.fileName,
      periodFrom: list.periodFrom.toISOString().slice(0, 10),
      periodTo: list.periodTo.toISOString().slice(0, 10),
      rowCount: list.rowCount,
      errorCount: list.errorCount,
      rowErrors: (list.rowErrors as { row: number; message: string }[]).slice(0, 50),
      createdAt: list.createdAt.toISOString(),
      uploadedBy: list.uploadedBy.name,
      uploadedById: list.uploadedById,
      status: list.status,
      importRunId: list.importRunId,
      matchedCount: list.matchedCount,
      matchedByNikCount: list.matchedByNikCount,
    },
    rows: figures.rows,
    total: figures.total,
    unmatched,
    unmatchedLoans,
    shown: SHOWN,
  };
}

export type ReconciliationReport = NonNullable<Awaited<ReturnType<typeof reconciliationReport>>>;

/** What the export writes: the report's rows (by `by`), or every row of one unmatched list. */
export async function reconciliationExport(actor: Actor, listId: string, by: ReportDimension) {
  const scoped = await listFor(actor, listId);
  if (!scoped || scoped.list.status !== "IMPORTED") return null;
  const [figures, unmatchedEnrolments, unmatchedLoans] = await Promise.all([reportRows(scoped, by), unmatchedEnrolmentRows(scoped), unmatchedLoanRows(scoped)]);
  return { fileName: scoped.list.fileName, ...figures, unmatchedEnrolments, unmatchedLoans };
}
