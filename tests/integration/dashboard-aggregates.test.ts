/**
 * The dashboard's numbers agree with the base tables (issue #6). Generated activity is written
 * with the triggers on, then changed the ways the portal changes it — approvals, returns and
 * resubmissions with re-priced lines, payments, rejections, deletes, a new e-form submission — and
 *  1. the trigger-maintained aggregates equal what dash_rebuild() computes from scratch, and
 *  2. every figure the data layer returns equals the same figure computed with plain SQL over
 *     Enrolment and ContributionLine (written independently of the aggregates' own SQL),
 * for head office, a Kanwil, a Kantor Cabang, and a penyalur + scheme filter.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { dashboardFigures, resolveDashboardFilter, type DashboardFigures, type ResolvedFilter } from "@/lib/dashboard/data";
import { bucketWidth, hoursBucket } from "@/lib/dashboard/median";
import { parseDashboardQuery } from "@/lib/dashboard/schema";
import { submitEnrolment } from "@/lib/enrolment/mutations";
import { validateEnrolment } from "@/lib/enrolment/schema";
import { addMonths, contributionForMonth, todayInZone } from "@/lib/rules";
import { loadActivity, loadActivityMaster, type ActivityMaster } from "../../scripts/lib/activity";
import { demoActors, uniqueNik } from "../support/db";
import { eformFields } from "../support/eform";

const url = process.env.DATABASE_URL!;
const RUN = "da7a";
const TODAY = todayInZone(new Date(), "Asia/Jakarta");
const CURRENT_MONTH = TODAY.slice(0, 7);
const FROM = addMonths(CURRENT_MONTH, -13);
const labels = { scheme: (c: string) => c, sector: (c: string) => c, province: (c: string) => c };

let client: pg.Client;
let actors: Awaited<ReturnType<typeof demoActors>>;
const q = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => (await client.query<T>(sql, params)).rows;
const genIds = async (status: string, limit: number) =>
  (await q<{ id: string }>(`select id from "Enrolment" where "loanNumber" like $1 and status = $2 order by id limit $3`, [`GEN-${RUN}-%`, status, limit])).map((r) => r.id);

beforeAll(async () => {
  client = new pg.Client({ connectionString: url });
  await client.connect();
  actors = await demoActors();
  const master: ActivityMaster = await loadActivityMaster(client);
  await loadActivity(client, master, { enrolments: 240, months: 14, today: TODAY, seed: 7, runTag: RUN });

  // Approve: status, review fields, then lines up to the current month (#5's approval).
  for (const id of await genIds("SUBMITTED", 3)) {
    await client.query("begin");
    await q(`update "Enrolment" set status = 'APPROVED', "reviewedAt" = "submittedAt" + interval '5 hours', "approvedAt" = "submittedAt" + interval '5 hours',
             "coverStartMonth" = date_trunc('month', "submittedAt")::date, version = version + 1 where id = $1`, [id]);
    await q(`insert into "ContributionLine" (id, "enrolmentId", month, "tierTableVersion", "tierBasis", "jkkGross", "jkmGross", "jhtGross", jkk, jkm, jht, discount, total, "dueDate")
             select gen_random_uuid(), l."enrolmentId", m::date, l."tierTableVersion", l."tierBasis", l."jkkGross", l."jkmGross", l."jhtGross", l.jkk, l.jkm, l.jht, l.discount, l.total,
                    (m + interval '14 days')::date
             from (select * from "ContributionLine" where "enrolmentId" = $1 order by month desc limit 1) l,
                  generate_series(l.month + interval '1 month', $2::date, interval '1 month') m`, [id, `${CURRENT_MONTH}-01`]);
    await client.query("commit");
  }
  // Return, then resubmit with corrected data: re-priced DUE lines, another branch and scheme (#4).
  const kcSemarang = (await q<{ id: string }>(`select id from "KantorCabang" where code = 'KC-SEMARANG'`))[0]!.id;
  for (const id of await genIds("SUBMITTED", 2)) {
    await q(`update "Enrolment" set status = 'RETURNED', "reviewedAt" = now(), "returnReason" = 'Perbaiki', version = version + 1 where id = $1`, [id]);
    const repriced = contributionForMonth({ declaredIncome: 5_000_000, jht: true, sector: "OTHER", month: CURRENT_MONTH });
    await client.query("begin");
    await q(`update "Enrolment" set status = 'SUBMITTED', "kantorCabangId" = $2, scheme = 'MIKRO', "mandateStatus" = 'VOLUNTARY', version = version + 1 where id = $1`, [id, kcSemarang]);
    await q(`delete from "ContributionLine" where "enrolmentId" = $1 and status = 'DUE'`, [id]);
    await q(`insert into "ContributionLine" (id, "enrolmentId", month, "tierTableVersion", "tierBasis", "jkkGross", "jkmGross", "jhtGross", jkk, jkm, jht, discount, "reliefRuleId", total, "dueDate")
             values ($1, $2, $3::date, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::date)`,
      [randomUUID(), id, `${CURRENT_MONTH}-01`, repriced.tierTableVersion, repriced.tierBasis, repriced.gross.jkk, repriced.gross.jkm, repriced.gross.jht,
        repriced.jkk, repriced.jkm, repriced.jht, repriced.discount, repriced.reliefRuleId, repriced.total, repriced.dueDate]);
    await client.query("commit");
  }
  // Payments: each settles the oldest unpaid months of an approved enrolment; one multi-row update.
  const unpaid = await q<{ id: string }>(
    `select e.id from "Enrolment" e where e."loanNumber" like $1 and e.status = 'APPROVED'
       and exists (select 1 from "ContributionLine" l where l."enrolmentId" = e.id and l.status = 'DUE') order by e.id limit 6`, [`GEN-${RUN}-%`]);
  for (const [i, { id }] of unpaid.entries()) {
    const paymentId = randomUUID();
    await client.query("begin");
    await q(`insert into "Payment" (id, "enrolmentId", amount, "paidOn", channel, reference, "recordedById")
             values ($1, $2, 0, $3::date, 'VIRTUAL_ACCOUNT', $4, $5)`, [paymentId, id, TODAY, `IT-${RUN}-${i}`, actors.headOffice.id]);
    await q(`update "ContributionLine" set status = 'PAID', "paidAt" = now(), "paymentId" = $2
             where id in (select id from "ContributionLine" where "enrolmentId" = $1 and status = 'DUE' order by month limit 2)`, [id, paymentId]);
    await client.query("commit");
  }
  // Reject; delete (lines go by cascade); a paid line reversed.
  for (const id of await genIds("SUBMITTED", 1)) {
    await q(`update "Enrolment" set status = 'REJECTED', "reviewedAt" = "submittedAt" + interval '50 hours', "rejectReason" = 'OTHER' where id = $1`, [id]);
  }
  for (const id of await genIds("RETURNED", 2)) await q(`delete from "Enrolment" where id = $1`, [id]);
  await q(`update "ContributionLine" set status = 'DUE', "paidAt" = null, "paymentId" = null
           where id = (select l.id from "ContributionLine" l join "Enrolment" e on e.id = l."enrolmentId"
                       where e."loanNumber" like $1 and l.status = 'PAID' order by l.month desc, l.id limit 1)`, [`GEN-${RUN}-%`]);
  // A lapse resumed by a payment: two unpaid months written off leave the contribution cells (docs/decisions/0011 §3).
  const writtenOff = await q(`update "ContributionLine" set status = 'WRITTEN_OFF'
           where id in (select l.id from "ContributionLine" l join "Enrolment" e on e.id = l."enrolmentId"
                        where e."loanNumber" like $1 and e.status = 'APPROVED' and l.status = 'DUE' order by l.month, l.id limit 2) returning id`, [`GEN-${RUN}-%`]);
  if (writtenOff.length !== 2) throw new Error(`expected 2 lines written off, got ${writtenOff.length}`);
  // And one enrolment through the e-form's own mutation.
  const form = validateEnrolment(
    eformFields(TODAY, {
      nik: uniqueNik("1979-04-02"), fullName: "Uji Dasbor", birthDate: "1979-04-02", monthsInAdvance: "3",
      kantorCabangId: (await q<{ id: string }>(`select id from "KantorCabang" where code = 'KC-BANDUNG-SUCI'`))[0]!.id,
    }),
    TODAY,
  );
  if (!form.ok) throw new Error(JSON.stringify(form.errors));
  await submitEnrolment(actors.officerBri, form.data, new Date());
});

afterAll(async () => {
  // Leave the shared test database as it was: the generated rows go (through the triggers too).
  await q(`delete from "ContributionLine" where "enrolmentId" in (select id from "Enrolment" where "loanNumber" like $1)`, [`GEN-${RUN}-%`]);
  await q(`delete from "Payment" where "enrolmentId" in (select id from "Enrolment" where "loanNumber" like $1)`, [`GEN-${RUN}-%`]);
  const participants = await q<{ id: string }>(`delete from "Enrolment" where "loanNumber" like $1 returning "participantId" as id`, [`GEN-${RUN}-%`]);
  await q(`delete from "Participant" where id = any($1::uuid[])`, [participants.map((p) => p.id)]);
  await client.end();
  await db().$disconnect();
});

const CELL_TABLES: Record<string, string> = {
  DashEnrolmentCell: `select month, "kanwilId", "kantorCabangId", "penyalurId", scheme, "sectorGroup", "provinceCode", "mandateStatus", status, enrolments, "firstMonthPaid" from "DashEnrolmentCell" where enrolments <> 0 or "firstMonthPaid" <> 0`,
  DashWeekCell: `select week, "kanwilId", "kantorCabangId", "penyalurId", scheme, status, enrolments from "DashWeekCell" where enrolments <> 0`,
  DashOfficeCell: `select "kantorCabangId", month, "penyalurOfficeId", "kanwilId", "penyalurId", scheme, "mandateStatus", status, enrolments, "firstMonthPaid" from "DashOfficeCell" where enrolments <> 0 or "firstMonthPaid" <> 0`,
  DashCoverageCell: `select month, "kanwilId", "kantorCabangId", "penyalurId", scheme, "paidThroughMonth", debtors from "DashCoverageCell" where debtors <> 0`,
  DashDecisionCell: `select month, "kanwilId", "kantorCabangId", "penyalurId", scheme, "hoursBucket", decisions from "DashDecisionCell" where decisions <> 0`,
  DashKanwilCell: `select month, "kanwilId", "penyalurId", scheme, "sectorGroup", "provinceCode", "mandateStatus", status, enrolments, "firstMonthPaid" from "DashKanwilCell" where enrolments <> 0 or "firstMonthPaid" <> 0`,
  DashDecisionKanwilCell: `select month, "kanwilId", "penyalurId", scheme, "hoursBucket", decisions from "DashDecisionKanwilCell" where decisions <> 0`,
  DashContributionCell: `select month, "dueDate", "kanwilId", "kantorCabangId", "penyalurId", scheme, "enrolmentStatus", lines, gross::text, discount::text, total::text, "paidLines", "paidTotal"::text
    from "DashContributionCell" where lines <> 0 or "paidLines" <> 0 or total <> 0`,
  DashEnrolmentFact: `select * from "DashEnrolmentFact"`,
  DashNationalWeekCell: `select week, "penyalurId", scheme, enrolments, approved from "DashNationalWeekCell" where enrolments <> 0 or approved <> 0`,
  DashNationalCoverageCell: `select month, "penyalurId", scheme, "paidThroughMonth", debtors from "DashNationalCoverageCell" where debtors <> 0`,
  DashNationalContributionCell: `select month, "dueDate", "penyalurId", scheme, lines, gross::text, discount::text, total::text, "paidLines", "paidTotal"::text
    from "DashNationalContributionCell" where lines <> 0 or "paidLines" <> 0 or total <> 0`,
  DashNationalDecisionCell: `select month, "penyalurId", scheme, "hoursBucket", decisions from "DashNationalDecisionCell" where decisions <> 0`,
  DashListCountCell: `select "kantorCabangId", "penyalurId", scheme, "mandateStatus", status, enrolments from "DashListCountCell" where enrolments <> 0`,
};

/** Each national series as the plain sum of the per-branch cells it rolls up (docs/decisions/0022). */
const NATIONAL_FROM_CELLS: Record<string, string> = {
  DashNationalWeekCell: `select week, "penyalurId", scheme, sum(enrolments)::int as enrolments, coalesce(sum(enrolments) filter (where status = 'APPROVED'), 0)::int as approved
    from "DashWeekCell" group by 1, 2, 3 having sum(enrolments) <> 0 or coalesce(sum(enrolments) filter (where status = 'APPROVED'), 0) <> 0`,
  DashNationalCoverageCell: `select month, "penyalurId", scheme, "paidThroughMonth", sum(debtors)::int as debtors from "DashCoverageCell" group by 1, 2, 3, 4 having sum(debtors) <> 0`,
  DashNationalContributionCell: `select month, "dueDate", "penyalurId", scheme, sum(lines)::int as lines, sum(gross)::text as gross, sum(discount)::text as discount, sum(total)::text as total,
      sum("paidLines")::int as "paidLines", sum("paidTotal")::text as "paidTotal"
    from "DashContributionCell" where "enrolmentStatus" = 'APPROVED' group by 1, 2, 3, 4 having sum(lines) <> 0 or sum("paidLines") <> 0 or sum(total) <> 0`,
  DashNationalDecisionCell: `select month, "penyalurId", scheme, "hoursBucket", sum(decisions)::int as decisions from "DashDecisionKanwilCell" group by 1, 2, 3, 4 having sum(decisions) <> 0`,
  DashListCountCell: `select "kantorCabangId", "penyalurId", scheme, "mandateStatus", status, sum(enrolments)::int as enrolments from "DashOfficeCell" group by 1, 2, 3, 4, 5 having sum(enrolments) <> 0`,
};

async function snapshot(): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const [name, sql] of Object.entries(CELL_TABLES)) out[name] = (await q(sql)).map((r) => JSON.stringify(r)).sort();
  return out;
}

describe("aggregates kept by triggers", () => {
  it("keep each national series equal to the sum of the per-branch cells it rolls up", async () => {
    const national = await snapshot();
    expect(national.DashNationalWeekCell!.length).toBeGreaterThan(0);
    for (const [name, sql] of Object.entries(NATIONAL_FROM_CELLS)) {
      expect(national[name], name).toEqual((await q(sql)).map((r) => JSON.stringify(r)).sort());
    }
  });

  it("equal a rebuild from the base tables after inserts, status changes, re-pricing, payments and deletes", async () => {
    await client.query("begin");
    try {
      const incremental = await snapshot();
      await q("select dash_rebuild()");
      const rebuilt = await snapshot();
      expect(incremental.DashEnrolmentFact!.length).toBeGreaterThan(200);
      for (const name of Object.keys(CELL_TABLES)) expect(incremental[name], name).toEqual(rebuilt[name]);
    } finally {
      await client.query("rollback");
    }
  });
});

// ── the same figures with plain SQL over the base tables ────────────────────────────────────────

interface BaseRow {
  id: string;
  kanwilId: string;
  kantorCabangId: string;
  penyalurId: string;
  penyalurOfficeId: string;
  scheme: string;
  sector: string;
  province: string;
  mandate: string;
  status: string;
  month: string;
  week: string;
  firstPaid: boolean;
  paidThrough: string | null;
  decisionMonth: string | null;
  hours: number | null;
}

async function baseEnrolments(f: ResolvedFilter): Promise<BaseRow[]> {
  const rows = await q<BaseRow>(`
    select e.id, kc."kanwilId", e."kantorCabangId", e."penyalurId", e."penyalurOfficeId", e.scheme::text as scheme,
           coalesce(e."sectorGroup"::text, 'UNKNOWN') as sector, coalesce(e."businessProvinceCode", po."provinceCode")::text as province,
           e."mandateStatus"::text as mandate, e.status::text as status,
           to_char((coalesce(e."submittedAt", e."createdAt") at time zone kc."timeZone"), 'YYYY-MM') as month,
           to_char(date_trunc('week', (coalesce(e."submittedAt", e."createdAt") at time zone kc."timeZone")), 'YYYY-MM-DD') as week,
           coalesce((select l.status = 'PAID' from "ContributionLine" l where l."enrolmentId" = e.id order by l.month limit 1), false) as "firstPaid",
           (select to_char(max(l.month), 'YYYY-MM') from "ContributionLine" l where l."enrolmentId" = e.id and l.status = 'PAID') as "paidThrough",
           case when e.status in ('APPROVED', 'REJECTED') and e."reviewedAt" is not null and e."submittedAt" is not null
                then to_char(e."reviewedAt" at time zone kc."timeZone", 'YYYY-MM') end as "decisionMonth",
           case when e.status in ('APPROVED', 'REJECTED') and e."reviewedAt" is not null and e."submittedAt" is not null
                then extract(epoch from e."reviewedAt" - e."submittedAt") / 3600 end as hours
    from "Enrolment" e join "KantorCabang" kc on kc.id = e."kantorCabangId" join "PenyalurOffice" po on po.id = e."penyalurOfficeId"`);
  return rows.filter(
    (r) =>
      (!f.kanwil || r.kanwilId === f.kanwil.id) &&
      (!f.kc || r.kantorCabangId === f.kc.id) &&
      (!f.penyalur || r.penyalurId === f.penyalur.id) &&
      (!f.scheme || r.scheme === f.scheme),
  );
}

const inPeriod = (f: ResolvedFilter, month: string | null) => month !== null && month >= f.from && month <= f.to;
const isMandatory = (r: BaseRow) => (r.mandate === "MANDATORY" || r.mandate === "PHASED_REQUIRED") && r.status !== "REJECTED";

function measuresOf(rows: BaseRow[]) {
  return {
    enrolments: rows.length,
    approved: rows.filter((r) => r.status === "APPROVED").length,
    approvedPaid: rows.filter((r) => r.status === "APPROVED" && r.firstPaid).length,
    mandatory: rows.filter(isMandatory).length,
    mandatoryCovered: rows.filter((r) => isMandatory(r) && r.status === "APPROVED" && r.firstPaid).length,
  };
}

function groupBy(rows: BaseRow[], key: (r: BaseRow) => string) {
  const groups = new Map<string, BaseRow[]>();
  for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return Object.fromEntries([...groups].map(([k, g]) => [k, measuresOf(g)]));
}

const fromBreakdown = (rows: DashboardFigures["byKanwil"]) =>
  Object.fromEntries(rows.map((r) => [r.key, { enrolments: r.enrolments, approved: r.approved, approvedPaid: r.approvedPaid, mandatory: r.mandatory, mandatoryCovered: r.mandatoryCovered }]));

async function baseContributions(f: ResolvedFilter) {
  const params: unknown[] = [`${f.from}-01`, `${f.to}-01`, TODAY];
  // A written-off month (a lapse, docs/regulation.md §3.6) is not billed.
  const where = [`l.month between $1::date and $2::date`, `e.status = 'APPROVED'`, `l.status::text <> 'WRITTEN_OFF'`];
  if (f.kanwil) where.push(`kc."kanwilId" = '${f.kanwil.id}'`);
  if (f.kc) where.push(`e."kantorCabangId" = '${f.kc.id}'`);
  if (f.penyalur) where.push(`e."penyalurId" = '${f.penyalur.id}'`);
  if (f.scheme) where.push(`e.scheme = '${f.scheme}'`);
  return q<{ month: string; billed: number; gross: number; relief: number; paid: number; arrears: number; notYetDue: number; lines: number; paidLines: number }>(`
    select to_char(l.month, 'YYYY-MM') as month, sum(l.total)::float8 as billed,
           sum(l."jkkGross" + l."jkmGross" + l."jhtGross")::float8 as gross, sum(l.discount)::float8 as relief,
           coalesce(sum(l.total) filter (where l.status = 'PAID'), 0)::float8 as paid,
           coalesce(sum(l.total) filter (where l.status = 'DUE' and l."dueDate" < $3::date), 0)::float8 as arrears,
           coalesce(sum(l.total) filter (where l.status = 'DUE' and l."dueDate" >= $3::date), 0)::float8 as "notYetDue",
           count(*)::int as lines, (count(*) filter (where l.status = 'PAID'))::int as "paidLines"
    from "ContributionLine" l join "Enrolment" e on e.id = l."enrolmentId" join "KantorCabang" kc on kc.id = e."kantorCabangId"
    where ${where.join(" and ")}
    group by 1 order by 1`, params);
}

async function figuresAndBase(actor: Actor, params: Record<string, string>) {
  const filter = await resolveDashboardFilter(actor, parseDashboardQuery({ from: FROM, to: CURRENT_MONTH, ...params }, CURRENT_MONTH));
  if (!filter) throw new Error("filter out of scope");
  const figures = await dashboardFigures(filter, TODAY, labels);
  const all = await baseEnrolments(filter);
  return { filter, figures, all, period: all.filter((r) => inPeriod(filter, r.month)) };
}

const VIEWS: Array<[string, "headOffice" | "managerJabar", Record<string, string>]> = [
  ["head office, national", "headOffice", {}],
  ["regional manager, own Kanwil", "managerJabar", {}],
  ["head office, one Kantor Cabang (office drill-down)", "headOffice", { kc: "KC-BANDUNG-SUCI" }],
  ["head office, one penyalur and scheme", "headOffice", { penyalur: "BRI", scheme: "MIKRO" }],
];

describe.each(VIEWS)("dashboard figures equal plain SQL over the base tables: %s", (_name, who, params) => {
  it("enrolments by status, the totals, the compliance rate and the funnel", async () => {
    const { figures, period, filter, all } = await figuresAndBase(actors[who], params);
    expect(figures.totals.enrolments).toBeGreaterThan(0);
    const totals = pick(figures.totals, ["enrolments", "approved", "approvedPaid", "mandatory", "mandatoryCovered"]);
    expect(totals).toEqual(measuresOf(period));
    for (const s of figures.byStatus) expect(s.enrolments, s.status).toBe(period.filter((r) => r.status === s.status).length);
    const active = all.filter((r) => inPeriod(filter, r.month) && r.status === "APPROVED" && r.firstPaid && r.paidThrough !== null && r.paidThrough >= CURRENT_MONTH);
    expect(figures.funnel).toEqual({ submitted: period.length, approved: totals.approved, paid: totals.approvedPaid, active: active.length });
  });

  it("every breakdown: Kanwil, Kantor Cabang, penyalur office, penyalur, scheme, sector, province", async () => {
    const { figures, period, filter } = await figuresAndBase(actors[who], params);
    // Places without enrolments are zero rows (tests/integration/dashboard-honest.test.ts); the rest equal the base tables.
    const withData = (rows: DashboardFigures["byKanwil"]) => rows.filter((r) => r.enrolments !== 0);
    expect(fromBreakdown(withData(figures.byKanwil))).toEqual(groupBy(period, (r) => r.kanwilId));
    if (filter.kanwil) expect(fromBreakdown(withData(figures.byKc!))).toEqual(groupBy(period, (r) => r.kantorCabangId));
    else expect(figures.byKc, "national views drill down by Kanwil").toBeNull();
    expect(fromBreakdown(figures.byPenyalur)).toEqual(groupBy(period, (r) => r.penyalurId));
    expect(fromBreakdown(figures.byScheme)).toEqual(groupBy(period, (r) => r.scheme));
    expect(fromBreakdown(figures.bySector)).toEqual(groupBy(period, (r) => r.sector));
    expect(fromBreakdown(figures.byProvince)).toEqual(groupBy(period, (r) => r.province));
    if (filter.kc) expect(fromBreakdown(figures.byOffice!)).toEqual(groupBy(period, (r) => r.penyalurOfficeId));
    else expect(figures.byOffice).toBeNull();
  });

  it("monthly and weekly trends", async () => {
    const { figures, period, all, filter } = await figuresAndBase(actors[who], params);
    for (const m of figures.byMonth) {
      const rows = period.filter((r) => r.month === m.month);
      expect({ ...m }, m.month).toEqual({ month: m.month, ...pick(measuresOf(rows), ["enrolments", "approved", "approvedPaid"]) });
    }
    const weeks = new Map<string, BaseRow[]>();
    for (const r of all.filter((r) => r.week >= `${filter.from}-01` && r.week <= `${filter.to}-31`)) weeks.set(r.week, [...(weeks.get(r.week) ?? []), r]);
    // The series shows every week of the period (decision 0026: an empty period is a zero, not a gap), so the
    // weeks without any enrolment are zeros and the others equal the base rows.
    expect(figures.byWeek.filter((w) => weeks.has(w.week))).toEqual(
      [...weeks.keys()].sort().map((week) => ({ week, enrolments: weeks.get(week)!.length, approved: weeks.get(week)!.filter((r) => r.status === "APPROVED").length })),
    );
    for (const w of figures.byWeek.filter((w) => !weeks.has(w.week))) expect(w, w.week).toEqual({ week: w.week, enrolments: 0, approved: 0 });
  });

  it("contributions billed, paid, in arrears and not yet due, with the PP 50/2025 relief, by month and in total", async () => {
    const { figures, filter } = await figuresAndBase(actors[who], params);
    const base = await baseContributions(filter);
    const byMonth = figures.contributionsByMonth.filter((c) => c.lines !== 0);
    expect(byMonth).toEqual(base);
    const sum = (k: keyof (typeof base)[number]) => base.reduce((s, r) => s + Number(r[k]), 0);
    expect(figures.contributions).toEqual({
      lines: sum("lines"), billed: sum("billed"), gross: sum("gross"), relief: sum("relief"), paid: sum("paid"),
      paidLines: sum("paidLines"), arrears: sum("arrears"), notYetDue: sum("notYetDue"),
    });
    expect(figures.contributions.gross - figures.contributions.billed).toBe(figures.contributions.relief);
  });

  it("the decision-time histogram, and a median within one bucket of the exact median", async () => {
    const { figures, all, filter } = await figuresAndBase(actors[who], params);
    const decided = all.filter((r) => inPeriod(filter, r.decisionMonth)).map((r) => Math.max(0, r.hours!));
    const histogram = new Map<number, number>();
    for (const h of decided) histogram.set(hoursBucket(h), (histogram.get(hoursBucket(h)) ?? 0) + 1);
    expect(figures.decisions.histogram).toEqual([...histogram].sort((a, b) => a[0] - b[0]).map(([hoursBucket, decisions]) => ({ hoursBucket, decisions })));
    expect(figures.decisions.count).toBe(decided.length);
    const sorted = [...decided].sort((a, b) => a - b);
    const mid = sorted.length / 2;
    const exact = sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
    const width = Math.max(1, bucketWidth(hoursBucket(exact)));
    expect(Math.abs(figures.decisions.medianHours! - exact)).toBeLessThanOrEqual(width);
  });
});

function pick<T extends object, K extends keyof T>(o: T, keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, o[k]])) as Pick<T, K>;
}
