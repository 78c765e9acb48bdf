import "server-only";
import { db, Prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { can } from "@/lib/auth/permissions";
import type { ReportDimension } from "@/lib/reconcile/columns";

/**
 * The reconciliation report of one disbursed-debtor list against the enrolments (issue #14): per
 * penyalur, bank office, Kanwil or scheme, how many listed debtors are covered (their loan's
 * enrolment approved), enrolled and awaiting review, mandatory and not covered; and the enrolments
 * of the list's penyalur, planned to disburse in the list's period, whose loan is not on the list.
 * A loan matches the enrolment with the same penyalur and loan number (unique per penyalur).
 * A Kanwil manager sees the rows of their own Kanwil only.
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
}

export interface ReportRow {
  key: string | null;
  label: string;
  debtors: number;
  covered: number;
  pending: number;
  mandatoryUncovered: number;
  unmatchedEnrolments: number;
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
    select: { id: true, fileName: true, periodFrom: true, periodTo: true, rowCount: true, errorCount: true, createdAt: true, uploadedBy: { select: { name: true } } },
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

export async function reconciliationReport(actor: Actor, listId: string, by: ReportDimension) {
  const limit = kanwilLimit(actor);
  if (limit === undefined || !/^[0-9a-f-]{36}$/i.test(listId)) return null;
  const list = await db().reconciliationList.findUnique({
    where: { id: listId },
    select: { id: true, fileName: true, periodFrom: true, periodTo: true, rowCount: true, errorCount: true, rowErrors: true, createdAt: true, uploadedBy: { select: { name: true } } },
  });
  if (!list) return null;
  const loanScope = limit ? Prisma.sql`AND COALESCE(l."kanwilId", kc."kanwilId") = ${limit}::uuid` : Prisma.empty;
  const enrolmentScope = limit ? Prisma.sql`AND kc."kanwilId" = ${limit}::uuid` : Prisma.empty;
  const unmatchedWhere = Prisma.sql`
    e."penyalurId" IN (SELECT DISTINCT "penyalurId" FROM "ReconciliationLoan" WHERE "listId" = ${listId}::uuid)
    AND e."plannedDisbursementDate" BETWEEN ${list.periodFrom} AND ${list.periodTo}
    AND e.status IN ('SUBMITTED', 'APPROVED')
    AND NOT EXISTS (SELECT 1 FROM "ReconciliationLoan" x WHERE x."listId" = ${listId}::uuid AND x."penyalurId" = e."penyalurId" AND x."loanNumber" = e."loanNumber")
    ${enrolmentScope}`;

  const [loanRows, enrolmentRows, unmatched] = await Promise.all([
    db().$queryRaw<{ key: string | null; debtors: bigint; covered: bigint; pending: bigint; mandatoryUncovered: bigint }[]>`
      SELECT ${LOAN_KEY[by]} AS key, count(*) AS debtors,
        count(*) FILTER (WHERE e.status = 'APPROVED') AS covered,
        count(*) FILTER (WHERE e.status IN ('SUBMITTED', 'RETURNED')) AS pending,
        count(*) FILTER (WHERE l.mandatory AND (e.status IS NULL OR e.status <> 'APPROVED')) AS "mandatoryUncovered"
      FROM "ReconciliationLoan" l
      LEFT JOIN "Enrolment" e ON e."penyalurId" = l."penyalurId" AND e."loanNumber" = l."loanNumber"
      LEFT JOIN "KantorCabang" kc ON kc.id = e."kantorCabangId"
      WHERE l."listId" = ${listId}::uuid ${loanScope}
      GROUP BY 1`,
    db().$queryRaw<{ key: string | null; n: bigint }[]>`
      SELECT ${ENROLMENT_KEY[by]} AS key, count(*) AS n
      FROM "Enrolment" e JOIN "KantorCabang" kc ON kc.id = e."kantorCabangId"
      WHERE ${unmatchedWhere}
      GROUP BY 1`,
    db().$queryRaw<UnmatchedEnrolment[]>`
      SELECT e.id::text AS id, e."loanNumber" AS "loanNumber", e.scheme::text AS scheme, e.status::text AS status, o.name AS office
      FROM "Enrolment" e JOIN "KantorCabang" kc ON kc.id = e."kantorCabangId" JOIN "PenyalurOffice" o ON o.id = e."penyalurOfficeId"
      WHERE ${unmatchedWhere}
      -- The newest first: the ones the bank office can still correct before their loans are disbursed.
      ORDER BY e."submittedAt" DESC NULLS LAST, e.id
      LIMIT 200`,
  ]);

  const rows = new Map<string, ReportRow>();
  const rowFor = (key: string | null) => {
    const k = key ?? "";
    let r = rows.get(k);
    if (!r) rows.set(k, (r = { key, label: key ?? "", debtors: 0, covered: 0, pending: 0, mandatoryUncovered: 0, unmatchedEnrolments: 0 }));
    return r;
  };
  for (const r of loanRows) Object.assign(rowFor(r.key), { debtors: Number(r.debtors), covered: Number(r.covered), pending: Number(r.pending), mandatoryUncovered: Number(r.mandatoryUncovered) });
  for (const r of enrolmentRows) rowFor(r.key).unmatchedEnrolments = Number(r.n);
  const names = await labels(by, [...rows.keys()]);
  const out = [...rows.values()].map((r) => ({ ...r, label: r.key ? (names.get(r.key) ?? r.key) : "" }));
  out.sort((a, b) => b.debtors - a.debtors || a.label.localeCompare(b.label));
  const total = out.reduce(
    (t, r) => ({ debtors: t.debtors + r.debtors, covered: t.covered + r.covered, pending: t.pending + r.pending, mandatoryUncovered: t.mandatoryUncovered + r.mandatoryUncovered, unmatchedEnrolments: t.unmatchedEnrolments + r.unmatchedEnrolments }),
    { debtors: 0, covered: 0, pending: 0, mandatoryUncovered: 0, unmatchedEnrolments: 0 },
  );
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
    },
    rows: out,
    total,
    unmatched,
  };
}
