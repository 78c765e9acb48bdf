/**
 * `npm run bench:counts [-- --runs 7]`: the database side of issue #17's list and national-series
 * changes, before and after in the same run, interleaved, on the scale data (npm run seed:scale):
 * the list counts and filter options as they were (over Enrolment) and as they are (DashListCountCell),
 * the national weekly / active / contribution / decision reads as they were (per-branch cells) and as
 * they are (national series); the arrears list's page query as it was (lines counted) and as it is
 * (the facts' first open month). Also a cold cache: the scale cluster restarted (its shared buffers
 * emptied; the OS page cache stays warm), then each query once. Prints Markdown. See bench/README.md.
 */
import pg from "pg";
import { SCALE_CLUSTER, startEmbedded } from "../scripts/lib/database";
import { say } from "../scripts/lib/log";
import { applyMigrations } from "../scripts/lib/migrate";
import { ms, printTable, scaleDatabase, stats, timed } from "./lib";

const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 7;

const { url, server } = await scaleDatabase();
await applyMigrations(url, say);
let client = new pg.Client({ connectionString: url });
await client.connect();
const one = async (sql: string) => (await client.query<{ v: string }>(sql)).rows[0]!.v;
const kc = await one(`select "kantorCabangId"::text as v from "Enrolment" group by 1 order by count(*) desc limit 1`);
const kanwil = await one(`select id::text as v from "Kanwil" where code = 'JAWA_BARAT'`);
const month = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7);
const from = (() => {
  const d = new Date(`${month}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - 11);
  return d.toISOString().slice(0, 10);
})();
const to = `${month}-01`;
const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
// The last month past due (the 15th, without the holiday shift: close enough for a bench).
const lastDue = Number(today.slice(8, 10)) > 15 ? `${month}-01` : (() => {
  const d = new Date(`${month}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 10);
})();

const sample = (
  await client.query<{ loan: string; name: string }>(
    `select e."loanNumber" as loan, p."fullName" as name from "Enrolment" e join "Participant" p on p.id = e."participantId"
     where e."loanNumber" is not null order by e."createdAt" desc limit 1 offset 1000`,
  )
).rows[0]!;
const fewIds = async (name: string) => {
  const { rows } = await client.query<{ id: string }>(`select id from "Participant" where "fullName" ilike $1 limit 2001`, [`%${name}%`]);
  return rows.length <= 2000 ? rows.map((r) => `'${r.id}'`).join(", ") || "null" : null;
};
const esc = (t: string) => t.replace(/'/g, "''");
const searchPair = async (label: string, text: string) => {
  const ids = await fewIds(text);
  const byName = `e."participantId" in (select id from "Participant" where "fullName" ilike '%${esc(text)}%')`;
  return {
    name: label,
    before: `select status, count(*) from "Enrolment" e where (${byName} or e."loanNumber" = '${esc(text.toUpperCase())}') group by status`,
    after: `select status, count(*) from "Enrolment" e where (${ids ? `e."participantId" in (${ids})` : byName} or e."loanNumber" = '${esc(text.toUpperCase())}') group by status`,
  };
};

const pairs: { name: string; before: string; after: string }[] = [
  await searchPair("cari nomor pinjaman, nasional (jumlah)", sample.loan),
  await searchPair("cari nama lengkap, nasional (jumlah)", sample.name),
  {
    name: "jumlah per status, ruang kerja nasional",
    before: `select status, count(*) from "Enrolment" group by status`,
    after: `select status, sum(enrolments) from "DashListCountCell" group by status having sum(enrolments) > 0`,
  },
  {
    name: "jumlah per status, ruang kerja Kanwil Jabar",
    before: `select status, count(*) from "Enrolment" where "kantorCabangId" in (select id from "KantorCabang" where "kanwilId" = '${kanwil}') group by status`,
    after: `select status, sum(enrolments) from "DashListCountCell" where "kantorCabangId" in (select id from "KantorCabang" where "kanwilId" = '${kanwil}') group by status having sum(enrolments) > 0`,
  },
  {
    name: "jumlah antrean KC terbesar (semua status)",
    before: `select count(*) from "Enrolment" where "kantorCabangId" = '${kc}' and status <> 'DRAFT'`,
    after: `select coalesce(sum(enrolments), 0) from "DashListCountCell" where "kantorCabangId" = '${kc}' and status <> 'DRAFT'`,
  },
  {
    name: "pilihan penyalur antrean KC terbesar",
    before: `select p.id, p.name from "Penyalur" p where exists (select 1 from "Enrolment" e where e."penyalurId" = p.id and e."kantorCabangId" = '${kc}') order by p.name`,
    after: `select p.id, p.name from "Penyalur" p where p.id in (select "penyalurId" from "DashListCountCell" where "kantorCabangId" = '${kc}' and enrolments > 0) order by p.name`,
  },
  {
    // The arrears list's page query (lib/review/data/arrears.ts), as it was (the lines of every
    // approved enrolment of the branch counted) and as it is (the facts' first open month).
    name: "daftar tunggakan KC terbesar (halaman 1)",
    before: `with due as (
      select e.id, e."createdAt",
             ((extract(year from '${lastDue}'::date) - extract(year from e."coverStartMonth")) * 12
               + extract(month from '${lastDue}'::date) - extract(month from e."coverStartMonth") + 1)::int as months_due,
             (select count(*) from "ContributionLine" l
               where l."enrolmentId" = e.id and l.month <= '${lastDue}'::date
                 and (l.status::text in ('PAID', 'WRITTEN_OFF')
                      or (l.month = e."coverStartMonth" and l."dueDate" >= '${today}'::date)))::int as paid_due
      from "Enrolment" e
      where e."kantorCabangId" = '${kc}' and e.status = 'APPROVED'
        and e."coverStartMonth" is not null and e."coverStartMonth" <= '${lastDue}'::date
    )
    select id::text, (months_due - paid_due) as unpaid, count(*) over () as total
    from due where paid_due < months_due order by unpaid desc, "createdAt" asc, id limit 20`,
    after: `with due as (
      select f."enrolmentId" as id, f."submittedDay",
             case when f."settledBeyond" = 0 then
               ((extract(year from '${lastDue}'::date) - extract(year from f."firstOpenMonth")) * 12
                 + extract(month from '${lastDue}'::date) - extract(month from f."firstOpenMonth") + 1)::int
               - (f."firstOpenMonth" = f."coverStartMonth" and f."firstOpenDueDate" >= '${today}'::date)::int
             else
               ((extract(year from '${lastDue}'::date) - extract(year from f."coverStartMonth")) * 12
                 + extract(month from '${lastDue}'::date) - extract(month from f."coverStartMonth") + 1)::int
               - (select count(*) from "ContributionLine" l
                   where l."enrolmentId" = f."enrolmentId" and l.month <= '${lastDue}'::date
                     and (l.status::text in ('PAID', 'WRITTEN_OFF')
                          or (l.month = f."coverStartMonth" and l."dueDate" >= '${today}'::date)))::int
             end as unpaid
      from "DashEnrolmentFact" f
      where f."kantorCabangId" = '${kc}' and f.status = 'APPROVED' and f."firstOpenMonth" <= '${lastDue}'::date
    )
    select id::text, unpaid, count(*) over () as total
    from due where unpaid > 0 order by unpaid desc, "submittedDay" asc, id limit 20`,
  },
  {
    name: "tren mingguan nasional, 12 bln",
    before: `select week, sum(enrolments), coalesce(sum(enrolments) filter (where status = 'APPROVED'), 0) from "DashWeekCell" where week >= '${from}' and week <= '${to}'::date + 30 group by week`,
    after: `select week, sum(enrolments), sum(approved) from "DashNationalWeekCell" where week >= '${from}' and week <= '${to}'::date + 30 group by week`,
  },
  {
    name: "debitur aktif nasional, 12 bln",
    before: `select coalesce(sum(debtors), 0) from "DashCoverageCell" where month >= '${from}' and month <= '${to}' and "paidThroughMonth" >= '${to}'`,
    after: `select coalesce(sum(debtors), 0) from "DashNationalCoverageCell" where month >= '${from}' and month <= '${to}' and "paidThroughMonth" >= '${to}'`,
  },
  {
    name: "iuran nasional per bulan, 12 bln",
    before: `select month, sum(lines), sum(total), sum(total - "paidTotal") filter (where "dueDate" < '${today}') from "DashContributionCell" where month >= '${from}' and month <= '${to}' and "enrolmentStatus" = 'APPROVED' group by grouping sets ((), (month))`,
    after: `select month, sum(lines), sum(total), sum(total - "paidTotal") filter (where "dueDate" < '${today}') from "DashNationalContributionCell" where month >= '${from}' and month <= '${to}' group by grouping sets ((), (month))`,
  },
  {
    name: "waktu keputusan nasional, 12 bln",
    before: `select "hoursBucket", sum(decisions) from "DashDecisionKanwilCell" where month >= '${from}' and month <= '${to}' group by 1`,
    after: `select "hoursBucket", sum(decisions) from "DashNationalDecisionCell" where month >= '${from}' and month <= '${to}' group by 1`,
  },
];

const rowsRead = async (sql: string) => {
  const plan = await client.query<{ "QUERY PLAN": unknown }>(`explain (analyze, format json) ${sql}`);
  let total = 0;
  const walk = (node: Record<string, unknown>) => {
    if (String(node["Node Type"]).includes("Scan")) total += Number(node["Actual Rows"] ?? 0) * Number(node["Actual Loops"] ?? 1);
    for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
  };
  walk((plan.rows[0]!["QUERY PLAN"] as { Plan: Record<string, unknown> }[])[0]!.Plan);
  return total;
};

const table: (string | number)[][] = [];
for (const p of pairs) {
  await client.query(p.before);
  await client.query(p.after);
  const b: number[] = [];
  const a: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    b.push(await timed(() => client.query(p.before)));
    a.push(await timed(() => client.query(p.after)));
  }
  const sb = stats(b);
  const sa = stats(a);
  table.push([p.name, ms(sb.median), ms(sa.median), `${(sb.median / sa.median).toFixed(0)}×`, await rowsRead(p.before), await rowsRead(p.after)]);
  say(`  ${p.name}: ${ms(sb.median)} → ${ms(sa.median)} ms`);
}

// Cold: restart the cluster (shared buffers empty), then each query once, before and after alternately.
const cold: (string | number)[][] = [];
if (server) {
  for (const p of pairs.slice(0, 7)) {
    const once: number[] = [];
    for (const sql of [p.before, p.after]) {
      await client.end();
      await server.stop();
      Object.assign(server, await startEmbedded(SCALE_CLUSTER, () => undefined));
      client = new pg.Client({ connectionString: url });
      await client.connect();
      once.push(await timed(() => client.query(sql)));
    }
    cold.push([p.name, ms(once[0]!), ms(once[1]!)]);
  }
}

const load = (await import("node:os")).loadavg().map((l) => l.toFixed(1)).join(" / ");
console.log(`\n${new Date().toISOString()}, ${RUNS} ulangan berselang-seling, load average sesudahnya ${load}.\n`);
printTable(["kueri", "sebelum median ms", "sesudah median ms", "rasio", "baris dibaca sebelum", "baris dibaca sesudah"], table);
if (cold.length) {
  console.log("\nCache dingin (cluster dinyalakan ulang sebelum tiap kueri; cache halaman OS tetap hangat):\n");
  printTable(["kueri", "sebelum ms", "sesudah ms"], cold);
}
await client.end();
await server?.stop();
