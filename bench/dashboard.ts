/**
 * `npm run bench:dashboard [-- --runs 20]`: server time of each dashboard request on the scale data
 * set (npm run seed:scale), for a Kanwil (manajer.jabar) and for head office, median and p95 over
 * repeated runs; beside it the same figures computed with plain GROUP BY over the base tables
 * (Enrolment, ContributionLine) and the ratio; and the peak RSS of this process, which runs the
 * dashboard's data layer exactly as the page and the export route call it (React rendering and
 * the Next server are not part of it). See bench/README.md.
 */
import pg from "pg";
import { ms, printTable, rssSampler, scaleDatabase, stats, timed } from "./lib";

const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 20;
const BASE_RUNS = Math.max(3, Math.round(RUNS / 5));
/** --no-base skips the (slow) base-table comparison, for quick reruns. */
const WITH_BASE = !process.argv.includes("--no-base");

const { url, server } = await scaleDatabase();
const [{ loadActor }, data, schema, tables, exporter, rules, { db }] = await Promise.all([
  import("../lib/auth/data"),
  import("../lib/dashboard/data"),
  import("../lib/dashboard/schema"),
  import("../lib/dashboard/tables"),
  import("../lib/dashboard/export"),
  import("../lib/rules"),
  import("../lib/db"),
]);

const actorOf = async (email: string) => (await loadActor((await db().user.findUniqueOrThrow({ where: { email } })).id))!;
const manager = await actorOf("manajer.jabar@demo.lindungikur.id");
const headOffice = await actorOf("pusat@demo.lindungikur.id");
const today = rules.todayInZone(new Date(), "Asia/Jakarta");
const month = today.slice(0, 7);
const labels = tables.figureLabels("id");
const biggestJabarKc = (
  await db().$queryRaw<{ code: string }[]>`
    select kc.code from "DashEnrolmentCell" c join "KantorCabang" kc on kc.id = c."kantorCabangId" join "Kanwil" k on k.id = c."kanwilId"
    where k.code = 'JAWA_BARAT' group by kc.code order by sum(c.enrolments) desc limit 1`
)[0]!.code;

type Actor = typeof manager;
/** What the page computes for one request (page.tsx): scope, figures, targets, filter options. */
async function pageRequest(actor: Actor, params: Record<string, string>) {
  const filter = await data.resolveDashboardFilter(actor, schema.parseDashboardQuery(params, month));
  if (!filter) throw new Error("out of scope");
  const [figures, targets] = await Promise.all([
    data.dashboardFigures(filter, today, labels),
    data.targetsForView(filter),
    data.dashboardFilterOptions(filter),
  ]);
  return tables.figureTables(figures, targets, { locale: "id", scopeCaption: "" });
}
/** What the export route computes for one table download (CSV written into memory). */
async function exportRequest(actor: Actor, params: Record<string, string>, table: "kc" | "penyalur" | "detail") {
  const filter = (await data.resolveDashboardFilter(actor, schema.parseDashboardQuery(params, month)))!;
  let bytes = 0;
  let rows = 0;
  if (table === "detail") {
    const batches = (async function* () {
      for await (const b of data.detailRows(filter)) {
        rows += b.length;
        yield b.map((r) => tables.detailRecord(r, "id"));
      }
    })();
    for await (const chunk of exporter.csvChunks(tables.detailColumns("id"), batches, "id")) bytes += chunk.length;
  } else {
    const t = (await pageRequest(actor, params)).get(table)!;
    rows = t.rows.length;
    for await (const chunk of exporter.csvChunks(t.columns, exporter.inBatches(t.rows), "id")) bytes += chunk.length;
  }
  return { bytes, rows };
}

// ── the same figures from the base tables ────────────────────────────────────────────────────────
const pool = new pg.Pool({ connectionString: url, max: 6 });
async function baseRequest(kanwilCode: string | null, params: { from: string; to: string; kc?: string; penyalur?: string; scheme?: string }) {
  const where: string[] = [];
  const args: unknown[] = [`${params.from}-01`, `${rules.addMonths(params.to, 1)}-01`, today];
  if (kanwilCode) where.push(`k.code = '${kanwilCode}'`);
  if (params.kc) where.push(`kc.code = '${params.kc}'`);
  if (params.penyalur) where.push(`p.code = '${params.penyalur}'`);
  if (params.scheme) where.push(`e.scheme = '${params.scheme}'`);
  const filter = where.length ? `and ${where.join(" and ")}` : "";
  const enrolments = `
    select e.id, kc."kanwilId", e."kantorCabangId", e."penyalurId", e."penyalurOfficeId", e.scheme::text as scheme,
           coalesce(e."sectorGroup"::text, 'UNKNOWN') as sector, coalesce(e."businessProvinceCode", po."provinceCode") as province,
           e."mandateStatus"::text as mandate, e.status::text as status, e."reviewedAt", e."submittedAt",
           (coalesce(e."submittedAt", e."createdAt") at time zone kc."timeZone") as local_at, kc."timeZone"
    from "Enrolment" e join "KantorCabang" kc on kc.id = e."kantorCabangId" join "Kanwil" k on k.id = kc."kanwilId"
    join "PenyalurOffice" po on po.id = e."penyalurOfficeId" join "Penyalur" p on p.id = e."penyalurId"
    where coalesce(e."submittedAt", e."createdAt") >= $1::date - interval '1 day' and coalesce(e."submittedAt", e."createdAt") < $2::date + interval '1 day' ${filter}`;
  // Every query names all three parameters ($3 = today), so one argument list fits them all.
  const inPeriod = `local_at >= $1::date and local_at < $2::date and $3::date is not null`;
  const queries = [
    `with e as (${enrolments}), f as (
       select e.*, coalesce((select l.status = 'PAID' from "ContributionLine" l where l."enrolmentId" = e.id order by l.month limit 1), false) as first_paid
       from e where ${inPeriod})
     select "kanwilId", "kantorCabangId", "penyalurId", scheme, sector, province, date_trunc('month', local_at) as month, status, count(*),
            count(*) filter (where status = 'APPROVED') as approved, count(*) filter (where status = 'APPROVED' and first_paid) as paid,
            count(*) filter (where mandate in ('MANDATORY', 'PHASED_REQUIRED') and status <> 'REJECTED') as mandatory,
            count(*) filter (where mandate in ('MANDATORY', 'PHASED_REQUIRED') and status = 'APPROVED' and first_paid) as covered
     from f group by grouping sets ((), ("kanwilId"), ("kantorCabangId"), ("penyalurId"), (scheme), (sector), (province), (month), (status))`,
    `with e as (${enrolments}) select date_trunc('week', local_at) as week, count(*), count(*) filter (where status = 'APPROVED') from e where ${inPeriod} group by 1`,
    `with e as (${enrolments}) select count(*) from e
     where ${inPeriod} and status = 'APPROVED'
       and (select l.status = 'PAID' from "ContributionLine" l where l."enrolmentId" = e.id order by l.month limit 1)
       and (select max(l.month) from "ContributionLine" l where l."enrolmentId" = e.id and l.status = 'PAID') >= date_trunc('month', $3::date)`,
    `with e as (${enrolments}) select floor(extract(epoch from "reviewedAt" - "submittedAt") / 3600) as hours, count(*) from e
     where $3::date is not null and status in ('APPROVED', 'REJECTED') and "reviewedAt" is not null
       and ("reviewedAt" at time zone "timeZone") >= $1::date and ("reviewedAt" at time zone "timeZone") < $2::date group by 1`,
    `select l.month, sum(l.total), sum(l."jkkGross" + l."jkmGross" + l."jhtGross"), sum(l.discount), sum(l.total) filter (where l.status = 'PAID'),
            sum(l.total) filter (where l.status = 'DUE' and l."dueDate" < $3::date), sum(l.total) filter (where l.status = 'DUE' and l."dueDate" >= $3::date)
     from "ContributionLine" l join "Enrolment" e on e.id = l."enrolmentId" join "KantorCabang" kc on kc.id = e."kantorCabangId"
     join "Kanwil" k on k.id = kc."kanwilId" join "Penyalur" p on p.id = e."penyalurId"
     where l.month >= $1::date and l.month < $2::date and e.status = 'APPROVED' ${filter}
     group by grouping sets ((), (l.month))`,
  ];
  await Promise.all(queries.map((sql) => pool.query(sql, args)));
}

// ── run ─────────────────────────────────────────────────────────────────────────────────────────
const period12 = { from: rules.addMonths(month, -11), to: month };
const period24 = { from: rules.addMonths(month, -23), to: month };
interface Case {
  name: string;
  run: () => Promise<unknown>;
  base?: () => Promise<unknown>;
  runs?: number;
}
const cases: Case[] = [
  { name: "dasbor Kanwil Jawa Barat, 12 bln (manajer.jabar)", run: () => pageRequest(manager, period12), base: () => baseRequest("JAWA_BARAT", period12) },
  { name: "dasbor Kanwil → KC terbesar (drill-down)", run: () => pageRequest(manager, { ...period12, kc: biggestJabarKc }), base: () => baseRequest("JAWA_BARAT", { ...period12, kc: biggestJabarKc }) },
  { name: "dasbor nasional, 12 bln (pusat)", run: () => pageRequest(headOffice, period12), base: () => baseRequest(null, period12) },
  { name: "dasbor nasional, 24 bln (pusat)", run: () => pageRequest(headOffice, period24), base: () => baseRequest(null, period24) },
  { name: "dasbor nasional BRI + mikro, 12 bln", run: () => pageRequest(headOffice, { ...period12, penyalur: "BRI", scheme: "MIKRO" }), base: () => baseRequest(null, { ...period12, penyalur: "BRI", scheme: "MIKRO" }) },
  { name: "ekspor CSV tabel KC, Kanwil", run: () => exportRequest(manager, period12, "kc") },
  { name: "ekspor CSV tabel penyalur, nasional", run: () => exportRequest(headOffice, period12, "penyalur") },
  { name: "ekspor CSV rincian, KC terbesar (kursor)", run: () => exportRequest(manager, { ...period12, kc: biggestJabarKc }, "detail"), runs: 3 },
];

/** The whole national history as one enrolment-level XLSX (the 1M-row case), bytes discarded. */
async function nationalDetailXlsx() {
  const { PassThrough } = await import("node:stream");
  const filter = (await data.resolveDashboardFilter(headOffice, schema.parseDashboardQuery(period24, month)))!;
  let rows = 0;
  const batches = (async function* () {
    for await (const b of data.detailRows(filter)) {
      rows += b.length;
      yield b.map((r) => tables.detailRecord(r, "id"));
    }
  })();
  const out = new PassThrough();
  let bytes = 0;
  out.on("data", (c: Buffer) => (bytes += c.length));
  const sheets = await exporter.writeXlsx(out, tables.detailColumns("id"), batches, { sheetName: "Rincian" });
  return { rows, bytes, sheets };
}
if (process.argv.includes("--xlsx")) {
  cases.push({ name: "ekspor XLSX rincian nasional 24 bln", run: nationalDetailXlsx, runs: 1 });
}

const rss = rssSampler();
let peakBeforeXlsx = 0;
const rows: (string | number)[][] = [];
for (const c of cases) {
  const n = c.runs ?? RUNS;
  if (c.run === nationalDetailXlsx) peakBeforeXlsx = rss.peak();
  for (let i = 0; i < (c.runs === 1 ? 0 : 2); i++) await c.run(); // warm-up: connections, plans, caches
  const samples: number[] = [];
  for (let i = 0; i < n; i++) samples.push(await timed(c.run));
  const s = stats(samples);
  let baseCols: (string | number)[] = ["—", "—", "—"];
  if (c.base && WITH_BASE) {
    const baseSamples: number[] = [];
    for (let i = 0; i < BASE_RUNS; i++) baseSamples.push(await timed(c.base));
    const b = stats(baseSamples);
    baseCols = [ms(b.median), ms(b.p95), `${(b.median / s.median).toFixed(0)}×`];
  }
  rows.push([c.name, n, ms(s.median), ms(s.p95), ...baseCols]);
  console.error(`  ${c.name}: median ${ms(s.median)} ms, p95 ${ms(s.p95)} ms`);
}
rss.stop();
const peakAll = rss.peak();
const detail = await exportRequest(manager, period12, "detail");
console.log(`\nSkala: ${url.replace(/:[^:@/]+@/, ":***@")}; hari ini ${today}; ${RUNS} ulangan (${BASE_RUNS} untuk tabel dasar).\n`);
printTable(["permintaan", "n", "median ms", "p95 ms", "dasar median ms", "dasar p95 ms", "rasio"], rows);
console.log(`\nPuncak RSS proses lapisan data (Node, proses bench ini): ${(peakBeforeXlsx || peakAll).toFixed(0)} MiB` +
  (peakBeforeXlsx ? `; termasuk ekspor XLSX 1 juta baris: ${peakAll.toFixed(0)} MiB` : ""));
console.log(`Rincian Kanwil Jawa Barat 12 bln: ${detail.rows.toLocaleString("id-ID")} baris, ${(detail.bytes / 1e6).toFixed(1)} MB CSV.`);
await pool.end();
await db().$disconnect();
await server?.stop();
