/**
 * `npm run bench:partitions [-- --runs 400 --keep]`: issue #17's "contribution lines partitioned by
 * month if that is what keeps the write and read paths flat — measure both ways" (decision 0023).
 *
 * On the scale data (npm run seed:scale) it copies "ContributionLine" twice: into a plain table with
 * the real table's indexes, and into a table partitioned by RANGE (month), one partition per month
 * (the primary key becomes (id, month): a partitioned table's unique keys must hold the partition
 * key). Both copies are fresh and vacuumed (no bloat either way) and carry no triggers, so what
 * differs is the layout alone. Then, interleaved (plain, partitioned, plain, … with the order flipped every round),
 * the statements the portal sends to that table, each as the app sends it (an unnamed parameterised
 * statement, planned every time, as @prisma/adapter-pg does):
 *
 * - an enrolment's lines (the record page, the arrears list, a payment's settle): enrolmentId only;
 * - one month of an enrolment (the daily scan's NOT EXISTS, a settle): enrolmentId + month;
 * - a payment's lines (a reversal): paymentId;
 * - a new enrolment's 12 lines written (approval's first lines, advance months): BEGIN/INSERT/COMMIT;
 * - one line settled (a payment): BEGIN/UPDATE/COMMIT;
 * - the month's due lines counted (a month-wide scan).
 *
 * Then retention, once each: the oldest month deleted from the plain copy vs its partition
 * detached and dropped. The copies are dropped at the end unless --keep. Prints Markdown.
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import pg from "pg";
import { say } from "../scripts/lib/log";
import { ms, printTable, scaleDatabase, stats } from "./lib";

const { values } = parseArgs({ options: { runs: { type: "string", default: "400" }, keep: { type: "boolean", default: false } } });
const RUNS = Number(values.runs);
const KEEP = values.keep;
const PLAIN = "bench_line_plain";
const PART = "bench_line_part";

const { server } = await scaleDatabase();
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
const q = (sql: string, params: unknown[] = []) => client.query(sql, params);
const seconds = (t: number) => `${((performance.now() - t) / 1000).toFixed(1)} s`;

async function build(): Promise<{ copy: Record<string, string>; partitions: number }> {
  await q(`drop table if exists ${PLAIN}, ${PART}`);
  await q(`set maintenance_work_mem = '1GB'`);
  const copy: Record<string, string> = {};

  let t = performance.now();
  await q(`create table ${PLAIN} (like "ContributionLine" including defaults)`);
  await fill(PLAIN, "id");
  copy.plain = seconds(t);
  say(`Salinan biasa: ${copy.plain}`);

  t = performance.now();
  const { rows } = await q(`select to_char(min(month), 'YYYY-MM-DD') as lo, to_char(max(month), 'YYYY-MM-DD') as hi from "ContributionLine"`);
  const lo = new Date(`${rows[0].lo}T00:00:00Z`);
  const hi = new Date(`${rows[0].hi}T00:00:00Z`);
  hi.setUTCMonth(hi.getUTCMonth() + 12); // a year ahead: months in advance and the next approvals
  await q(`create table ${PART} (like "ContributionLine" including defaults) partition by range (month)`);
  let partitions = 0;
  for (const d = new Date(lo); d <= hi; d.setUTCMonth(d.getUTCMonth() + 1)) {
    const next = new Date(d);
    next.setUTCMonth(next.getUTCMonth() + 1);
    const from = d.toISOString().slice(0, 10);
    await q(`create table ${PART}_${from.slice(0, 7).replace("-", "")} partition of ${PART} for values from ('${from}') to ('${next.toISOString().slice(0, 10)}')`);
    partitions++;
  }
  await fill(PART, "id, month");
  copy.partitioned = seconds(t);
  say(`Salinan berpartisi (${partitions} partisi bulanan): ${copy.partitioned}`);
  // VACUUM as well as ANALYZE: autovacuum keeps the real table's visibility map set, and without it
  // the plain copy's (month, status) index could not answer a count from the index alone.
  await q(`vacuum analyze ${PLAIN}`);
  await q(`vacuum analyze ${PART}`);
  return { copy, partitions };
}

/** The rows, then the real table's keys and indexes (a partitioned table's primary key must hold the month). */
async function fill(table: string, primaryKey: string): Promise<void> {
  await q(`insert into ${table} select * from "ContributionLine"`);
  await q(`alter table ${table} add primary key (${primaryKey})`);
  await q(`create unique index on ${table} ("enrolmentId", month)`);
  await q(`create index on ${table} (month, status)`);
  await q(`create index on ${table} ("paymentId")`);
}

const built = await build();
const sizes = (await q(`select pg_size_pretty(pg_total_relation_size('${PLAIN}')) as plain,
  (select pg_size_pretty(sum(pg_total_relation_size(inhrelid))) from pg_inherits where inhparent = '${PART}'::regclass) as part`)).rows[0];

const enrolments = (await q(`select "enrolmentId" as id, to_char(max(month), 'YYYY-MM-DD') as month from "ContributionLine"
  where "enrolmentId" in (select id from "Enrolment" tablesample system (1) limit $1) group by 1`, [RUNS])).rows as { id: string; month: string }[];
const payments = (await q(`select "paymentId" as id from ${PLAIN} tablesample system (1) where "paymentId" is not null limit $1`, [RUNS])).rows as { id: string }[];
const dueLines = (await q(`select "enrolmentId" as id, to_char(month, 'YYYY-MM-DD') as month from ${PLAIN} tablesample system (1) where status = 'DUE' limit $1`, [RUNS])).rows as { id: string; month: string }[];
const currentMonth = (await q(`select to_char(date_trunc('month', now() at time zone 'Asia/Jakarta'), 'YYYY-MM-DD') as m`)).rows[0].m as string;
const template = (await q(`select * from ${PLAIN} limit 1`)).rows[0];
say(`Sampel: ${enrolments.length} pendaftaran, ${payments.length} pembayaran, ${dueLines.length} baris terutang; ${RUNS} putaran.`);

type Op = { name: string; run: (table: string, i: number) => Promise<unknown> };
const ops: Op[] = [
  { name: "baris iuran satu pendaftaran (enrolmentId)", run: (t, i) => q(`select * from ${t} where "enrolmentId" = $1 order by month`, [enrolments[i % enrolments.length]!.id]) },
  { name: "satu bulan satu pendaftaran (enrolmentId + month)", run: (t, i) => q(`select 1 from ${t} where "enrolmentId" = $1 and month = $2::date and status = 'PAID'`, [enrolments[i % enrolments.length]!.id, enrolments[i % enrolments.length]!.month]) },
  { name: "baris satu pembayaran (paymentId)", run: (t, i) => q(`select id, month from ${t} where "paymentId" = $1`, [payments[i % payments.length]!.id]) },
  {
    name: "tulis 12 baris pendaftaran baru (transaksi)",
    run: async (t) => {
      const id = randomUUID();
      await q("begin");
      await q(
        `insert into ${t} (id, "enrolmentId", month, "tierTableVersion", "tierBasis", "jkkGross", "jkmGross", "jhtGross", jkk, jkm, jht, discount, total, "dueDate", status)
         select gen_random_uuid(), $1::uuid, m::date, $2, $3, $4, $5, 0, $4, $5, 0, 0, $6, (m + interval '1 month 14 days')::date, 'DUE'
         from generate_series($7::date, $7::date + interval '11 months', interval '1 month') m`,
        [id, template.tierTableVersion, template.tierBasis, template.jkkGross, template.jkmGross, template.total, currentMonth],
      );
      await q("commit");
    },
  },
  {
    name: "lunasi satu baris (transaksi)",
    run: async (t, i) => {
      const line = dueLines[i % dueLines.length]!;
      await q("begin");
      await q(`update ${t} set status = case when status = 'DUE' then 'PAID'::"ContributionStatus" else 'DUE'::"ContributionStatus" end, "paidAt" = now() where "enrolmentId" = $1 and month = $2::date`, [line.id, line.month]);
      await q("commit");
    },
  },
  { name: "hitung baris terutang bulan berjalan", run: (t) => q(`select count(*) from ${t} where month = $1::date and status = 'DUE'`, [currentMonth]) },
];

// Warm both copies' indexes the same way, then measure interleaved.
for (const op of ops) for (let i = 0; i < 20; i++) for (const t of [PLAIN, PART]) await op.run(t, i);
const samples = new Map<string, { plain: number[]; part: number[] }>(ops.map((o) => [o.name, { plain: [], part: [] }]));
for (const op of ops) {
  const rounds = op.name.startsWith("hitung") ? Math.min(RUNS, 40) : RUNS;
  for (let i = 0; i < rounds; i++) {
    const order = i % 2 ? [PART, PLAIN] : [PLAIN, PART];
    for (const t of order) {
      const started = performance.now();
      await op.run(t, i);
      samples.get(op.name)![t === PLAIN ? "plain" : "part"].push(performance.now() - started);
    }
  }
}

// Retention: the oldest month, once each.
const oldest = (await q(`select to_char(min(month), 'YYYY-MM-DD') as m from ${PLAIN}`)).rows[0].m as string;
const oldestRows = Number((await q(`select count(*) as n from ${PLAIN} where month = $1::date`, [oldest])).rows[0].n);
let t = performance.now();
await q(`delete from ${PLAIN} where month = $1::date`, [oldest]);
const deleteMs = performance.now() - t;
t = performance.now();
await q(`alter table ${PART} detach partition ${PART}_${oldest.slice(0, 7).replace("-", "")}`);
await q(`drop table ${PART}_${oldest.slice(0, 7).replace("-", "")}`);
const detachMs = performance.now() - t;

console.log(`\nBaris iuran: ${Number((await q(`select count(*) as n from "ContributionLine"`)).rows[0].n).toLocaleString("id-ID")}; ${built.partitions} partisi bulanan.`);
console.log(`Salin + indeks: biasa ${built.copy.plain}, berpartisi ${built.copy.partitioned}. Ukuran: biasa ${sizes.plain}, berpartisi ${sizes.part}.\n`);
printTable(
  ["pernyataan", "n", "biasa median ms", "p95 ms", "berpartisi median ms", "p95 ms", "berpartisi / biasa"],
  ops.map((o) => {
    const s = samples.get(o.name)!;
    const a = stats(s.plain);
    const b = stats(s.part);
    return [o.name, a.runs, ms(a.median), ms(a.p95), ms(b.median), ms(b.p95), `${(b.median / a.median).toFixed(2)}×`];
  }),
);
console.log(`\nRetensi, bulan tertua (${oldest}, ${oldestRows.toLocaleString("id-ID")} baris): DELETE dari tabel biasa ${ms(deleteMs)} ms; DETACH + DROP partisi ${ms(detachMs)} ms.`);

if (!KEEP) await q(`drop table if exists ${PLAIN}, ${PART}`);
await client.end();
await server?.stop();
