import "server-only";
import pg from "pg";
import { db, Prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { can } from "@/lib/auth/permissions";
import { serverEnv } from "@/lib/env";
import { lastDayOfMonth, monthRange } from "@/lib/rules";
import { medianFromHistogram, type HistogramBucket } from "@/lib/dashboard/median";
import type { DashboardQuery, DashboardScheme, TargetInput } from "@/lib/dashboard/schema";
import type { DetailSource } from "@/lib/dashboard/tables";

/**
 * Dashboard reads (issue #6). Every figure is a small GROUP BY over the aggregate tables that the
 * database keeps current (docs/decisions/0007-dashboard-aggregates.md); nothing here scans
 * Enrolment or ContributionLine, except the enrolment-level detail export, which streams through
 * a cursor. Scope is enforced here: resolveDashboardFilter turns the URL's codes into ids only
 * inside the actor's scope and answers null (the caller shows 404) for anything outside it.
 */

export interface NamedRef {
  id: string;
  code: string;
  name: string;
}

export interface ResolvedFilter {
  from: string;
  to: string;
  kanwil: NamedRef | null;
  kc: (NamedRef & { kanwilId: string }) | null;
  penyalur: NamedRef | null;
  scheme: DashboardScheme | null;
  /** True for a regional manager: the Kanwil is theirs and cannot be changed. */
  kanwilLocked: boolean;
}

/** The query's filters inside the actor's scope, or null: not allowed, unknown code, or out of scope. */
export async function resolveDashboardFilter(actor: Actor, query: DashboardQuery): Promise<ResolvedFilter | null> {
  if (!can(actor, "dashboard:read")) return null;
  let kanwil: NamedRef | null = null;
  let kanwilLocked = false;
  if (actor.scope.kind === "KANWIL") {
    kanwil = await db().kanwil.findUnique({ where: { id: actor.scope.kanwilId }, select: { id: true, code: true, name: true } });
    if (!kanwil || (query.kanwil && query.kanwil !== kanwil.code)) return null;
    kanwilLocked = true;
  } else if (actor.scope.kind === "ALL") {
    if (query.kanwil) {
      kanwil = await db().kanwil.findUnique({ where: { code: query.kanwil }, select: { id: true, code: true, name: true } });
      if (!kanwil) return null;
    }
  } else {
    return null;
  }
  let kc: ResolvedFilter["kc"] = null;
  if (query.kc) {
    const found = await db().kantorCabang.findUnique({
      where: { code: query.kc },
      select: { id: true, code: true, name: true, kanwilId: true, kanwil: { select: { id: true, code: true, name: true } } },
    });
    if (!found) return null;
    const { kanwil: kcKanwil, ...branch } = found;
    kc = branch;
    if (kanwil && kc.kanwilId !== kanwil.id) {
      // Out of a regional manager's Kanwil: not found. Head office switched Kanwil with a branch of
      // the old one still in the URL: the branch no longer applies.
      if (kanwilLocked) return null;
      kc = null;
    } else if (!kanwil) {
      kanwil = kcKanwil;
    }
  }
  let penyalur: NamedRef | null = null;
  if (query.penyalur) {
    penyalur = await db().penyalur.findUnique({ where: { code: query.penyalur }, select: { id: true, code: true, name: true } });
    if (!penyalur) return null;
  }
  return { from: query.from, to: query.to, kanwil, kc, penyalur, scheme: query.scheme ?? null, kanwilLocked };
}

// ── figures ─────────────────────────────────────────────────────────────────────────────────────

export interface BreakdownRow {
  key: string;
  label: string;
  /** Code for drill-down links (Kanwil, Kantor Cabang, penyalur); null otherwise. */
  code: string | null;
  enrolments: number;
  approved: number;
  /** Approved with the first contribution month paid. */
  approvedPaid: number;
  /** Mandatory (MANDATORY or PHASED_REQUIRED) enrolments, rejected ones excluded. */
  mandatory: number;
  /** Of those: approved with the first month paid. */
  mandatoryCovered: number;
}

export interface ContributionFigures {
  lines: number;
  /** Contributions after relief of approved enrolments' months in the period. */
  billed: number;
  /** Before relief. */
  gross: number;
  /** Removed by the PP 50/2025 relief (gross − billed). */
  relief: number;
  paid: number;
  paidLines: number;
  /** Unpaid after the due date. */
  arrears: number;
  /** Unpaid, not yet due. */
  notYetDue: number;
}

export interface DashboardFigures {
  filter: ResolvedFilter;
  /** The day "arrears" and "active" are measured on (YYYY-MM-DD, WIB). */
  today: string;
  totals: BreakdownRow;
  byStatus: { status: string; enrolments: number }[];
  funnel: { submitted: number; approved: number; paid: number; active: number };
  byKanwil: BreakdownRow[];
  /** Null in national views (see enrolmentBreakdowns). */
  byKc: BreakdownRow[] | null;
  byOffice: BreakdownRow[] | null;
  byPenyalur: BreakdownRow[];
  byScheme: BreakdownRow[];
  bySector: BreakdownRow[];
  byProvince: BreakdownRow[];
  byMonth: { month: string; enrolments: number; approved: number; approvedPaid: number }[];
  byWeek: { week: string; enrolments: number; approved: number }[];
  contributions: ContributionFigures;
  contributionsByMonth: ({ month: string } & ContributionFigures)[];
  decisions: { count: number; medianHours: number | null; histogram: HistogramBucket[] };
}

const STATUSES = ["SUBMITTED", "RETURNED", "APPROVED", "REJECTED"] as const;
const firstDay = (month: string) => `${month}-01`;

/** The filter's conditions on a cell table whose period column is `timeColumn`. */
function cellWhere(f: ResolvedFilter, timeColumn: "month" | "week", bounds?: { from: string; to: string }): Prisma.Sql {
  const from = bounds?.from ?? firstDay(f.from);
  const to = bounds?.to ?? firstDay(f.to);
  const column = Prisma.raw(`"${timeColumn}"`);
  const parts = [Prisma.sql`${column} >= ${from}::date`, Prisma.sql`${column} <= ${to}::date`];
  if (f.kanwil) parts.push(Prisma.sql`"kanwilId" = ${f.kanwil.id}::uuid`);
  if (f.kc) parts.push(Prisma.sql`"kantorCabangId" = ${f.kc.id}::uuid`);
  if (f.penyalur) parts.push(Prisma.sql`"penyalurId" = ${f.penyalur.id}::uuid`);
  if (f.scheme) parts.push(Prisma.sql`scheme = ${f.scheme}`);
  return Prisma.join(parts, " and ");
}

const BREAKDOWN_MEASURES = Prisma.sql`
  sum(enrolments)::int as enrolments,
  coalesce(sum(enrolments) filter (where status = 'APPROVED'), 0)::int as approved,
  coalesce(sum("firstMonthPaid") filter (where status = 'APPROVED'), 0)::int as "approvedPaid",
  coalesce(sum(enrolments) filter (where "mandateStatus" in ('MANDATORY', 'PHASED_REQUIRED') and status <> 'REJECTED'), 0)::int as mandatory,
  coalesce(sum("firstMonthPaid") filter (where "mandateStatus" in ('MANDATORY', 'PHASED_REQUIRED') and status = 'APPROVED'), 0)::int as "mandatoryCovered"`;

type Measures = Pick<BreakdownRow, "enrolments" | "approved" | "approvedPaid" | "mandatory" | "mandatoryCovered">;
type GroupedRow = Measures & { dim: string; key: string | null };

const ZERO: Measures = { enrolments: 0, approved: 0, approvedPaid: 0, mandatory: 0, mandatoryCovered: 0 };

/** A national view (no Kanwil, no branch) reads the roll-ups without the Kantor Cabang. */
const isNational = (f: ResolvedFilter) => !f.kanwil && !f.kc;

/**
 * Every breakdown of the enrolment cells in one scan (GROUPING SETS). National views read
 * DashKanwilCell, a few times smaller, and have no per-branch breakdown (their drill-down is by
 * Kanwil; a branch table appears once a Kanwil is chosen).
 */
async function enrolmentBreakdowns(f: ResolvedFilter): Promise<GroupedRow[]> {
  if (isNational(f)) {
    return db().$queryRaw<GroupedRow[]>`
    select case when grouping("kanwilId") = 0 then 'kanwil' when grouping("penyalurId") = 0 then 'penyalur'
                when grouping(scheme) = 0 then 'scheme' when grouping("sectorGroup") = 0 then 'sector'
                when grouping("provinceCode") = 0 then 'province' when grouping(month) = 0 then 'month'
                when grouping(status) = 0 then 'status' else 'total' end as dim,
           coalesce("kanwilId"::text, "penyalurId"::text, scheme, "sectorGroup", "provinceCode", to_char(month, 'YYYY-MM'), status) as key,
           ${BREAKDOWN_MEASURES}
    from "DashKanwilCell"
    where ${cellWhere(f, "month")}
    group by grouping sets ((), ("kanwilId"), ("penyalurId"), (scheme), ("sectorGroup"), ("provinceCode"), (month), (status))`;
  }
  return db().$queryRaw<GroupedRow[]>`
    select case when grouping("kanwilId") = 0 then 'kanwil' when grouping("kantorCabangId") = 0 then 'kc'
                when grouping("penyalurId") = 0 then 'penyalur' when grouping(scheme) = 0 then 'scheme'
                when grouping("sectorGroup") = 0 then 'sector' when grouping("provinceCode") = 0 then 'province'
                when grouping(month) = 0 then 'month' when grouping(status) = 0 then 'status' else 'total' end as dim,
           coalesce("kanwilId"::text, "kantorCabangId"::text, "penyalurId"::text, scheme, "sectorGroup", "provinceCode",
                    to_char(month, 'YYYY-MM'), status) as key,
           ${BREAKDOWN_MEASURES}
    from "DashEnrolmentCell"
    where ${cellWhere(f, "month")}
    group by grouping sets ((), ("kanwilId"), ("kantorCabangId"), ("penyalurId"), (scheme), ("sectorGroup"), ("provinceCode"), (month), (status))`;
}

async function officeBreakdown(f: ResolvedFilter): Promise<GroupedRow[]> {
  return db().$queryRaw<GroupedRow[]>`
    select 'office' as dim, "penyalurOfficeId"::text as key, ${BREAKDOWN_MEASURES}
    from "DashOfficeCell"
    where ${cellWhere(f, "month")}
    group by "penyalurOfficeId"`;
}

/** ISO weeks (Monday) that start inside the period. */
async function weekly(f: ResolvedFilter) {
  return db().$queryRaw<{ week: string; enrolments: number; approved: number }[]>`
    select to_char(week, 'YYYY-MM-DD') as week, sum(enrolments)::int as enrolments,
           coalesce(sum(enrolments) filter (where status = 'APPROVED'), 0)::int as approved
    from "DashWeekCell"
    where ${cellWhere(f, "week", { from: firstDay(f.from), to: lastDayOfMonth(f.to) })}
    group by week order by week`;
}

/** Debtors whose paid months reach the current month ("active", RULES.md §3). */
async function activeDebtors(f: ResolvedFilter, today: string): Promise<number> {
  const rows = await db().$queryRaw<{ active: number }[]>`
    select coalesce(sum(debtors), 0)::int as active from "DashCoverageCell"
    where ${cellWhere(f, "month")} and "paidThroughMonth" >= ${firstDay(today.slice(0, 7))}::date`;
  return rows[0]?.active ?? 0;
}

async function decisionHistogram(f: ResolvedFilter): Promise<HistogramBucket[]> {
  const table = Prisma.raw(isNational(f) ? `"DashDecisionKanwilCell"` : `"DashDecisionCell"`);
  return db().$queryRaw<HistogramBucket[]>`
    select "hoursBucket", sum(decisions)::int as decisions from ${table}
    where ${cellWhere(f, "month")}
    group by "hoursBucket" having sum(decisions) <> 0 order by "hoursBucket"`;
}

type ContributionRow = { month: string | null } & ContributionFigures;

async function contributionRows(f: ResolvedFilter, today: string): Promise<ContributionRow[]> {
  return db().$queryRaw<ContributionRow[]>`
    select to_char(month, 'YYYY-MM') as month,
           coalesce(sum(lines), 0)::int as lines, coalesce(sum(total), 0)::float8 as billed, coalesce(sum(gross), 0)::float8 as gross,
           coalesce(sum(discount), 0)::float8 as relief, coalesce(sum("paidTotal"), 0)::float8 as paid,
           coalesce(sum("paidLines"), 0)::int as "paidLines",
           coalesce(sum(total - "paidTotal") filter (where "dueDate" < ${today}::date), 0)::float8 as arrears,
           coalesce(sum(total - "paidTotal") filter (where "dueDate" >= ${today}::date), 0)::float8 as "notYetDue"
    from "DashContributionCell"
    where ${cellWhere(f, "month")} and "enrolmentStatus" = 'APPROVED'
    group by grouping sets ((), (month))
    order by month nulls first`;
}

async function names(kind: "kanwil" | "kc" | "penyalur" | "office", ids: string[]): Promise<Map<string, { code: string | null; name: string }>> {
  if (!ids.length) return new Map();
  const select = { id: true, code: true, name: true } as const;
  const where = { id: { in: ids } };
  const rows =
    kind === "kanwil" ? await db().kanwil.findMany({ where, select })
    : kind === "kc" ? await db().kantorCabang.findMany({ where, select })
    : kind === "penyalur" ? await db().penyalur.findMany({ where, select })
    : (await db().penyalurOffice.findMany({ where, select: { id: true, name: true, penyalur: { select: { name: true } } } })).map((o) => ({
        id: o.id,
        code: null,
        name: `${o.penyalur.name} — ${o.name}`,
      }));
  return new Map(rows.map((r) => [r.id, { code: r.code, name: r.name }]));
}

function measures(row: GroupedRow | undefined): Measures {
  if (!row) return { ...ZERO };
  const { enrolments, approved, approvedPaid, mandatory, mandatoryCovered } = row;
  return { enrolments, approved, approvedPaid, mandatory, mandatoryCovered };
}

/** Rows sorted by enrolments (largest first), then label. */
function breakdown(rows: GroupedRow[], label: (key: string) => { label: string; code: string | null }): BreakdownRow[] {
  return rows
    .filter((r) => r.key !== null && r.enrolments !== 0)
    .map((r) => ({ key: r.key!, ...label(r.key!), ...measures(r) }))
    .sort((a, b) => b.enrolments - a.enrolments || a.label.localeCompare(b.label, "id"));
}

export interface Labels {
  scheme: (code: string) => string;
  sector: (code: string) => string;
  province: (code: string) => string;
}

/** Every figure of one dashboard view. `today` is the office day (YYYY-MM-DD) arrears are measured on. */
export async function dashboardFigures(f: ResolvedFilter, today: string, labels: Labels): Promise<DashboardFigures> {
  const [grouped, offices, weeks, active, histogram, contributions] = await Promise.all([
    enrolmentBreakdowns(f),
    f.kc ? officeBreakdown(f) : Promise.resolve(null),
    weekly(f),
    activeDebtors(f, today),
    decisionHistogram(f),
    contributionRows(f, today),
  ]);
  const of = (dim: string) => grouped.filter((r) => r.dim === dim);
  const ids = (dim: string) => of(dim).map((r) => r.key!).filter(Boolean);
  const [kanwilNames, kcNames, penyalurNames, officeNames] = await Promise.all([
    names("kanwil", ids("kanwil")),
    names("kc", ids("kc")),
    names("penyalur", ids("penyalur")),
    names("office", (offices ?? []).map((r) => r.key!)),
  ]);
  const named = (map: Map<string, { code: string | null; name: string }>) => (key: string) => ({
    label: map.get(key)?.name ?? key,
    code: map.get(key)?.code ?? null,
  });
  const totals = { key: "all", label: "", code: null, ...measures(of("total")[0]) };
  const statusRows = of("status");
  const monthRows = new Map(of("month").map((r) => [r.key!, r]));
  const contributionTotal = contributions.find((c) => c.month === null);
  const histogramTotal = histogram.reduce((s, b) => s + b.decisions, 0);
  const contributionFigures = withoutMonth(contributionTotal);
  return {
    filter: f,
    today,
    totals,
    byStatus: STATUSES.map((status) => ({ status, enrolments: statusRows.find((r) => r.key === status)?.enrolments ?? 0 })),
    funnel: { submitted: totals.enrolments, approved: totals.approved, paid: totals.approvedPaid, active },
    byKanwil: breakdown(of("kanwil"), named(kanwilNames)),
    byKc: isNational(f) ? null : breakdown(of("kc"), named(kcNames)),
    byOffice: offices ? breakdown(offices, named(officeNames)) : null,
    byPenyalur: breakdown(of("penyalur"), named(penyalurNames)),
    byScheme: breakdown(of("scheme"), (k) => ({ label: labels.scheme(k), code: k })),
    bySector: breakdown(of("sector"), (k) => ({ label: labels.sector(k), code: null })),
    byProvince: breakdown(of("province"), (k) => ({ label: labels.province(k), code: null })),
    // Every month of the period, empty months included, so a trend has no silent gaps.
    byMonth: monthRange(f.from, f.to).map((month) => {
      const r = monthRows.get(month);
      return { month, enrolments: r?.enrolments ?? 0, approved: r?.approved ?? 0, approvedPaid: r?.approvedPaid ?? 0 };
    }),
    byWeek: weeks,
    contributions: contributionFigures,
    contributionsByMonth: monthRange(f.from, f.to).map((month) => {
      const r = contributions.find((c) => c.month === month);
      return { ...withoutMonth(r), month };
    }),
    decisions: { count: histogramTotal, medianHours: medianFromHistogram(histogram), histogram },
  };
}

function withoutMonth(row: ContributionRow | undefined): ContributionFigures {
  if (!row) return emptyContributions();
  const { lines, billed, gross, relief, paid, paidLines, arrears, notYetDue } = row;
  return { lines, billed, gross, relief, paid, paidLines, arrears, notYetDue };
}

function emptyContributions(): ContributionFigures {
  return { lines: 0, billed: 0, gross: 0, relief: 0, paid: 0, paidLines: 0, arrears: 0, notYetDue: 0 };
}

// ── filter options ──────────────────────────────────────────────────────────────────────────────

export interface FilterOptions {
  kanwil: NamedRef[];
  kc: NamedRef[];
  penyalur: NamedRef[];
}

/** What the filter form offers: only Kanwil and branches inside the actor's scope. */
export async function dashboardFilterOptions(f: ResolvedFilter): Promise<FilterOptions> {
  const select = { id: true, code: true, name: true } as const;
  const [kanwil, kc, penyalur] = await Promise.all([
    f.kanwilLocked ? Promise.resolve(f.kanwil ? [f.kanwil] : []) : db().kanwil.findMany({ select, orderBy: { name: "asc" } }),
    f.kanwil ? db().kantorCabang.findMany({ where: { kanwilId: f.kanwil.id }, select, orderBy: { name: "asc" } }) : Promise.resolve([]),
    db().penyalur.findMany({ select, orderBy: { name: "asc" } }),
  ]);
  return { kanwil, kc, penyalur };
}

// ── targets ─────────────────────────────────────────────────────────────────────────────────────

export interface TargetRow {
  scope: "KANWIL" | "KC";
  code: string;
  name: string;
  year: number;
  approvedTarget: number;
  approvedActual: number;
  complianceTargetPct: number;
  mandatory: number;
  mandatoryCovered: number;
}

/**
 * Targets of the year the period ends in, for the offices the view shows (the Kanwil in view and
 * its branches; all Kanwil for head office), with the year's actual figures beside them. Penyalur
 * and scheme filters do not apply: targets are set per office only.
 */
export async function targetsForView(f: ResolvedFilter): Promise<TargetRow[]> {
  const year = Number(f.to.slice(0, 4));
  const targets = await db().dashboardTarget.findMany({
    where: { year, ...(f.kc ? { kantorCabangId: f.kc.id } : f.kanwil ? { kanwilId: f.kanwil.id } : {}) },
    select: {
      year: true,
      kantorCabangId: true,
      kanwilId: true,
      approvedTarget: true,
      complianceTargetPct: true,
      kanwil: { select: { code: true, name: true } },
      kantorCabang: { select: { code: true, name: true } },
    },
  });
  if (!targets.length) return [];
  const actual = await db().$queryRaw<(Measures & { kanwilId: string; kantorCabangId: string | null })[]>`
    select "kanwilId"::text as "kanwilId", "kantorCabangId"::text as "kantorCabangId", ${BREAKDOWN_MEASURES}
    from "DashEnrolmentCell"
    where month >= ${`${year}-01-01`}::date and month <= ${`${year}-12-01`}::date
      ${f.kanwil ? Prisma.sql`and "kanwilId" = ${f.kanwil.id}::uuid` : Prisma.empty}
    group by grouping sets (("kanwilId"), ("kanwilId", "kantorCabangId"))`;
  return targets
    .map((t) => {
      const row = actual.find((a) => a.kanwilId === t.kanwilId && a.kantorCabangId === (t.kantorCabangId ?? null));
      const office = t.kantorCabang ?? t.kanwil;
      return {
        scope: t.kantorCabang ? ("KC" as const) : ("KANWIL" as const),
        code: office.code,
        name: office.name,
        year: t.year,
        approvedTarget: t.approvedTarget,
        approvedActual: row?.approved ?? 0,
        complianceTargetPct: t.complianceTargetPct,
        mandatory: row?.mandatory ?? 0,
        mandatoryCovered: row?.mandatoryCovered ?? 0,
      };
    })
    .sort((a, b) => (a.scope === b.scope ? a.name.localeCompare(b.name, "id") : a.scope === "KANWIL" ? -1 : 1));
}

export interface TargetListItem {
  id: string;
  year: number;
  kanwilCode: string;
  kanwilName: string;
  kcCode: string | null;
  kcName: string | null;
  approvedTarget: number;
  complianceTargetPct: number;
  updatedAt: string;
}

/** The targets of one year, for the administrator's page. */
export async function listTargets(year: number): Promise<TargetListItem[]> {
  const rows = await db().dashboardTarget.findMany({
    where: { year },
    select: {
      id: true,
      year: true,
      approvedTarget: true,
      complianceTargetPct: true,
      updatedAt: true,
      kanwil: { select: { code: true, name: true } },
      kantorCabang: { select: { code: true, name: true } },
    },
  });
  return rows
    .map((r) => ({
      id: r.id,
      year: r.year,
      kanwilCode: r.kanwil.code,
      kanwilName: r.kanwil.name,
      kcCode: r.kantorCabang?.code ?? null,
      kcName: r.kantorCabang?.name ?? null,
      approvedTarget: r.approvedTarget,
      complianceTargetPct: r.complianceTargetPct,
      updatedAt: r.updatedAt.toISOString(),
    }))
    .sort((a, b) => a.kanwilName.localeCompare(b.kanwilName, "id") || (a.kcName ?? "").localeCompare(b.kcName ?? "", "id"));
}

/** Kanwil and their branches, for the target form. */
export async function targetFormOptions(): Promise<{ code: string; name: string; branches: { code: string; name: string }[] }[]> {
  const rows = await db().kanwil.findMany({
    select: { code: true, name: true, branches: { select: { code: true, name: true }, orderBy: { name: "asc" } } },
    orderBy: { name: "asc" },
  });
  return rows;
}

/** The ids behind a target's codes, or field errors (unknown Kanwil; a branch of another Kanwil). */
export async function resolveTargetPlace(input: Pick<TargetInput, "kanwil" | "kc">): Promise<
  { ok: true; kanwilId: string; kantorCabangId: string | null } | { ok: false; field: "kanwil" | "kc"; message: string }
> {
  const kanwil = await db().kanwil.findUnique({ where: { code: input.kanwil }, select: { id: true } });
  if (!kanwil) return { ok: false, field: "kanwil", message: "Kanwil tidak ditemukan. Pilih dari daftar." };
  if (!input.kc) return { ok: true, kanwilId: kanwil.id, kantorCabangId: null };
  const kc = await db().kantorCabang.findUnique({ where: { code: input.kc }, select: { id: true, kanwilId: true } });
  if (!kc) return { ok: false, field: "kc", message: "Kantor Cabang tidak ditemukan. Pilih dari daftar." };
  if (kc.kanwilId !== kanwil.id) return { ok: false, field: "kc", message: "Kantor Cabang ini bukan bagian dari Kanwil yang dipilih." };
  return { ok: true, kanwilId: kanwil.id, kantorCabangId: kc.id };
}

// ── enrolment-level detail export ───────────────────────────────────────────────────────────────

/** One enrolment of the detail export: the shape tables.ts labels (its `DetailSource`). */
export type DetailRow = DetailSource;

const globalForPool = globalThis as unknown as { dashboardPool?: pg.Pool };

/** A small pool of plain pg connections for cursors (Prisma has none). */
function cursorPool(): pg.Pool {
  globalForPool.dashboardPool ??= new pg.Pool({ connectionString: serverEnv().DATABASE_URL, max: 4 });
  return globalForPool.dashboardPool;
}

/**
 * The enrolments behind a view, one row each, in batches of `batchSize` through a server-side
 * cursor, so a national export of millions of rows never sits in memory. No personal data: the
 * debtor is identified by the enrolment id only. Stop early by breaking out of the loop.
 */
export async function* detailRows(f: ResolvedFilter, batchSize = 5_000): AsyncGenerator<DetailRow[]> {
  const client = await cursorPool().connect();
  const params: unknown[] = [firstDay(f.from), firstDay(f.to)];
  const conditions = [`f."submittedMonth" >= $1::date`, `f."submittedMonth" <= $2::date`];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    conditions.push(sql.replace("?", `$${params.length}`));
  };
  if (f.kanwil) add(`f."kanwilId" = ?::uuid`, f.kanwil.id);
  if (f.kc) add(`f."kantorCabangId" = ?::uuid`, f.kc.id);
  if (f.penyalur) add(`f."penyalurId" = ?::uuid`, f.penyalur.id);
  if (f.scheme) add(`f.scheme = ?`, f.scheme);
  let open = false;
  try {
    await client.query("begin isolation level repeatable read read only");
    open = true;
    await client.query(
      `declare dashboard_detail no scroll cursor for
       select f."enrolmentId"::text as "enrolmentId", to_char(f."submittedDay", 'YYYY-MM-DD') as "submittedDay",
              k.name as kanwil, kc.name as "kantorCabang", p.name as penyalur, o.name as "penyalurOffice",
              f.scheme, e.plafon, f."sectorGroup", f."provinceCode", f."mandateStatus", f.status,
              case when f."decisionMonth" is not null then to_char(e."reviewedAt" at time zone kc."timeZone", 'YYYY-MM-DD') end as "decidedOn",
              f."firstMonthPaid", to_char(f."paidThroughMonth", 'YYYY-MM') as "paidThroughMonth"
       from "DashEnrolmentFact" f
       join "Enrolment" e on e.id = f."enrolmentId"
       join "Kanwil" k on k.id = f."kanwilId"
       join "KantorCabang" kc on kc.id = f."kantorCabangId"
       join "Penyalur" p on p.id = f."penyalurId"
       join "PenyalurOffice" o on o.id = f."penyalurOfficeId"
       where ${conditions.join(" and ")}
       order by f."submittedDay", f."enrolmentId"`,
      params,
    );
    for (;;) {
      const batch = await client.query<DetailRow>(`fetch ${Math.max(1, Math.floor(batchSize))} from dashboard_detail`);
      if (!batch.rows.length) break;
      yield batch.rows;
      if (batch.rows.length < batchSize) break;
    }
  } finally {
    if (open) await client.query("rollback").catch(() => undefined);
    client.release();
  }
}
