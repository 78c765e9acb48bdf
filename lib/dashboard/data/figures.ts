import "server-only";
import { staleReadDb } from "@/lib/db";
import { addDays, dayOfWeek, lastDayOfMonth, monthRange } from "@/lib/rules";
import { medianFromHistogram, type HistogramBucket } from "@/lib/dashboard/median";
import { BREAKDOWN_MEASURES, ZERO, cellWhere, isNational, type GroupedRow, type Measures } from "@/lib/dashboard/data/cells";
import type { ResolvedFilter } from "@/lib/dashboard/data/filter";
import {
  activeDebtors,
  contributionRows,
  decisionHistogram,
  weekly,
  withoutMonth,
  type ContributionFigures,
} from "@/lib/dashboard/data/series";

/**
 * Every figure of one dashboard view. Each is a small GROUP BY over the aggregate tables that the
 * database keeps current (docs/decisions/0007-dashboard-aggregates.md); nothing here scans
 * Enrolment or ContributionLine.
 */

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

export interface DashboardFigures {
  filter: ResolvedFilter;
  /** The day "arrears" and "active" are measured on (YYYY-MM-DD, the viewer's office day). */
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
  /**
   * The month in progress (today's, YYYY-MM) when the period reaches it, and the ISO week in
   * progress (its Monday): their figures are partial, shown so, not plotted as a collapse.
   */
  partialMonth: string | null;
  partialWeek: string | null;
  contributions: ContributionFigures;
  contributionsByMonth: ({ month: string } & ContributionFigures)[];
  decisions: { count: number; medianHours: number | null; histogram: HistogramBucket[] };
}

const STATUSES = ["SUBMITTED", "RETURNED", "APPROVED", "REJECTED"] as const;

/**
 * Every breakdown of the enrolment cells in one scan (GROUPING SETS). National views read
 * DashKanwilCell, a few times smaller, and have no per-branch breakdown (their drill-down is by
 * Kanwil; a branch table appears once a Kanwil is chosen).
 */
async function enrolmentBreakdowns(f: ResolvedFilter): Promise<GroupedRow[]> {
  if (isNational(f)) {
    return staleReadDb().$queryRaw<GroupedRow[]>`
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
  return staleReadDb().$queryRaw<GroupedRow[]>`
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
  return staleReadDb().$queryRaw<GroupedRow[]>`
    select 'office' as dim, "penyalurOfficeId"::text as key, ${BREAKDOWN_MEASURES}
    from "DashOfficeCell"
    where ${cellWhere(f, "month")}
    group by "penyalurOfficeId"`;
}

async function names(kind: "kanwil" | "kc" | "penyalur" | "office", ids: string[]): Promise<Map<string, { code: string | null; name: string }>> {
  if (!ids.length) return new Map();
  const select = { id: true, code: true, name: true } as const;
  const where = { id: { in: ids } };
  const rows =
    kind === "kanwil" ? await staleReadDb().kanwil.findMany({ where, select })
    : kind === "kc" ? await staleReadDb().kantorCabang.findMany({ where, select })
    : kind === "penyalur" ? await staleReadDb().penyalur.findMany({ where, select })
    : (await staleReadDb().penyalurOffice.findMany({ where, select: { id: true, name: true, penyalur: { select: { name: true } } } })).map((o) => ({
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

/**
 * Every Kanwil of a national view and every Kantor Cabang of a Kanwil view, active ones and
 * retired ones that still hold enrolments here, so a place with no enrolment shows as a row of
 * zeros instead of vanishing (a missing row reads as "no data", a zero row as "nothing enrolled").
 */
async function placesInView(kind: "kanwil" | "kc", f: ResolvedFilter, withData: string[]): Promise<{ id: string; code: string; name: string }[]> {
  const select = { id: true, code: true, name: true } as const;
  const present = { OR: [{ retiredAt: null }, { id: { in: withData } }] };
  if (kind === "kanwil") return staleReadDb().kanwil.findMany({ where: { ...(f.kanwil ? { id: f.kanwil.id } : {}), ...present }, select });
  if (!f.kanwil) return [];
  return staleReadDb().kantorCabang.findMany({ where: { kanwilId: f.kanwil.id, ...(f.kc ? { id: f.kc.id } : {}), ...present }, select });
}

/** The breakdown with a zero row for every place in view that has none, largest first then by name. */
function withZeroRows(rows: BreakdownRow[], places: { id: string; code: string; name: string }[]): BreakdownRow[] {
  const seen = new Set(rows.map((r) => r.key));
  const zeros = places.filter((p) => !seen.has(p.id)).map((p) => ({ key: p.id, label: p.name, code: p.code, ...ZERO }));
  return [...rows, ...zeros].sort((a, b) => b.enrolments - a.enrolments || a.label.localeCompare(b.label, "id"));
}

/** The Monday of the ISO week of a day. */
const weekOf = (day: string) => addDays(day, -((dayOfWeek(day) + 6) % 7));

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
  const [kanwilNames, kcNames, penyalurNames, officeNames, kanwilPlaces, kcPlaces] = await Promise.all([
    names("kanwil", ids("kanwil")),
    names("kc", ids("kc")),
    names("penyalur", ids("penyalur")),
    names("office", (offices ?? []).map((r) => r.key!)),
    placesInView("kanwil", f, ids("kanwil")),
    isNational(f) ? Promise.resolve([]) : placesInView("kc", f, ids("kc")),
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
    byKanwil: withZeroRows(breakdown(of("kanwil"), named(kanwilNames)), kanwilPlaces),
    byKc: isNational(f) ? null : withZeroRows(breakdown(of("kc"), named(kcNames)), kcPlaces),
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
    partialMonth: today.slice(0, 7) >= f.from && today.slice(0, 7) <= f.to ? today.slice(0, 7) : null,
    partialWeek: weekOf(today) >= `${f.from}-01` && weekOf(today) <= lastDayOfMonth(f.to) ? weekOf(today) : null,
    contributions: contributionFigures,
    contributionsByMonth: monthRange(f.from, f.to).map((month) => {
      const r = contributions.find((c) => c.month === month);
      return { ...withoutMonth(r), month };
    }),
    decisions: { count: histogramTotal, medianHours: medianFromHistogram(histogram), histogram },
  };
}
