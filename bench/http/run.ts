/**
 * `npm run bench:http [-- --duration 8 --only dasbor --no-build --cold --xlsx --replica]`: the portal
 * end to end over HTTP, as users feel it. Builds the production app (`next build`), starts it
 * (`next start`) against the scale database (npm run seed:scale), signs in as each role through the
 * credentials endpoint, and drives each request with autocannon at concurrency 1, 8 and 32:
 * throughput, p50/p95/p99, errors (any answer other than the one expected), and the server's peak
 * RSS (the whole `next start` process tree). Beside the e-form submit, the physical anchor in the
 * same run: pgbench writing the same rows in one transaction each against the same database.
 * `--cold` adds the first request after a restart of the server and of PostgreSQL, per list page.
 * Results go to stdout as Markdown and to bench/results/http-<time>.json. See bench/README.md.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { SCALE_CLUSTER, startEmbedded } from "../../scripts/lib/database";
import { say } from "../../scripts/lib/log";
import { applyMigrations } from "../../scripts/lib/migrate";
import { printTable, scaleDatabase, stats } from "../lib";
import { buildApp, startServer, treeRssSampler, type BenchServer } from "./server";
import { signIn } from "./session";
import { HTTP_LOAN_PREFIX, captureSubmit, deleteBenchRows, freshNiks, pgbenchAnchor, submitBody, type CapturedSubmit } from "./submit";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "8" },
    concurrency: { type: "string", default: "1,8,32" },
    only: { type: "string" },
    port: { type: "string", default: process.env.PORT ?? "3362" },
    "no-build": { type: "boolean", default: false },
    cold: { type: "boolean", default: false },
    xlsx: { type: "boolean", default: false },
    label: { type: "string", default: "" },
    /** Writes a V8 CPU profile of the server (node --cpu-prof) into bench/results/profile-<time>/. */
    profile: { type: "boolean", default: false },
    /** Applies this checkout's pending migrations to the scale database first. */
    migrate: { type: "boolean", default: false },
    /** The build folder (NEXT_DIST_DIR), e.g. .next-test to measure a second build beside the demo's .next. */
    dist: { type: "string", default: ".next" },
  },
});
const DURATION = Number(values.duration);
// Stopped from outside: exit through the 'exit' hooks, which stop the server and the cluster.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(130));
const CONCURRENCY = values.concurrency!.split(",").map(Number);
const PORT = Number(values.port);

const { url, server: database } = await scaleDatabase();
if (values.migrate) await applyMigrations(url, say);
const client = new pg.Client({ connectionString: url });
await client.connect();

// ── the people and the data the requests name ─────────────────────────────────────────────────────
const BENCH_REVIEWER = "bench.verifikator@demo.lindungikur.id";
const biggestKc = (
  await client.query<{ id: string; code: string; n: string }>(
    `select kc.id, kc.code, count(*)::text as n from "Enrolment" e join "KantorCabang" kc on kc.id = e."kantorCabangId"
     group by kc.id, kc.code order by count(*) desc limit 1`,
  )
).rows[0]!;
const biggestJabarKc = (
  await client.query<{ code: string }>(
    `select kc.code from "Enrolment" e join "KantorCabang" kc on kc.id = e."kantorCabangId" join "Kanwil" k on k.id = kc."kanwilId"
     where k.code = 'JAWA_BARAT' group by kc.code order by count(*) desc limit 1`,
  )
).rows[0]!.code;
// A reviewer of the largest Kantor Cabang, with the demo reviewer's password.
await client.query(
  `insert into "User" (id, email, name, "passwordHash", role, active, "kantorCabangId")
   select gen_random_uuid(), $1, 'Bench Verifikator', "passwordHash", 'BRANCH_REVIEWER', true, $2::uuid from "User" where email = 'verifikator.bandung@demo.lindungikur.id'
   on conflict (email) do update set "kantorCabangId" = excluded."kantorCabangId"`,
  [BENCH_REVIEWER, biggestKc.id],
);
const sample = (
  await client.query<{ surname: string; suffix: string; loan: string }>(
    `select split_part(p."fullName", ' ', 2) as surname, right(p.nik, 4) as suffix, e."loanNumber" as loan
     from "Enrolment" e join "Participant" p on p.id = e."participantId" where e."loanNumber" is not null and p."fullName" like '% %'
     order by e."createdAt" desc limit 1 offset least(1000, (select count(*) - 1 from "Enrolment" where "loanNumber" is not null))`,
  )
).rows[0]!;
const { rows: enrolmentCount } = await client.query<{ n: string }>(`select count(*)::text as n from "Enrolment"`);
const { rows: lineCount } = await client.query<{ n: string }>(`select reltuples::bigint::text as n from pg_class where relname = 'ContributionLine'`);
say(`Skala: ${Number(enrolmentCount[0]!.n).toLocaleString("id-ID")} pendaftaran, ~${Number(lineCount[0]!.n).toLocaleString("id-ID")} baris iuran; KC terbesar ${biggestKc.code} (${Number(biggestKc.n).toLocaleString("id-ID")}).`);
await deleteBenchRows(client);

const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const month = today.slice(0, 7);
const addMonths = (m: string, n: number) => {
  const d = new Date(`${m}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 7);
};
const p12 = `from=${addMonths(month, -11)}&to=${month}`;
const p24 = `from=${addMonths(month, -23)}&to=${month}`;

type Role = "officer" | "reviewer" | "manager" | "headOffice";
const ACCOUNTS: Record<Role, string> = {
  officer: "petugas.bri@demo.lindungikur.id",
  reviewer: BENCH_REVIEWER,
  manager: "manajer.jabar@demo.lindungikur.id",
  headOffice: "pusat@demo.lindungikur.id",
};
interface Case {
  name: string;
  role: Role;
  path: string;
  /** Concurrencies for this case (default: --concurrency). */
  concurrency?: number[];
  duration?: number;
  /** A fixed number of requests instead of a duration. */
  amount?: number;
  /** The e-form submit (a POST replayed from the captured request). */
  submit?: boolean;
  list?: boolean;
}
const cases: Case[] = [
  { name: "dasbor Kanwil Jabar, 12 bln", role: "manager", path: `/dasbor?${p12}` },
  { name: "dasbor Kanwil → KC terbesar", role: "manager", path: `/dasbor?${p12}&kc=${biggestJabarKc}` },
  { name: "dasbor nasional, 12 bln", role: "headOffice", path: `/dasbor?${p12}` },
  { name: "dasbor nasional, 24 bln", role: "headOffice", path: `/dasbor?${p24}` },
  { name: "dasbor nasional BRI + mikro", role: "headOffice", path: `/dasbor?${p12}&penyalur=BRI&scheme=MIKRO` },
  { name: "ruang kerja nasional /pendaftaran", role: "headOffice", path: `/pendaftaran`, list: true },
  { name: "cari nama (nasional)", role: "headOffice", path: `/pendaftaran?q=${encodeURIComponent(sample.surname)}` },
  { name: "cari 4 digit NIK (nasional)", role: "headOffice", path: `/pendaftaran?q=${sample.suffix}` },
  { name: "cari nomor pinjaman (nasional)", role: "headOffice", path: `/pendaftaran?q=${encodeURIComponent(sample.loan)}` },
  { name: "cari nama, Kanwil Jabar", role: "manager", path: `/pendaftaran?q=${encodeURIComponent(sample.surname)}` },
  { name: "antrean tinjauan KC terbesar", role: "reviewer", path: `/tinjauan`, list: true },
  { name: "tunggakan KC terbesar", role: "reviewer", path: `/tunggakan`, list: true },
  { name: "ekspor CSV penyalur, nasional", role: "headOffice", path: `/dasbor/ekspor?${p12}&table=penyalur&format=csv` },
  { name: "ekspor CSV rincian, KC terbesar Jabar", role: "manager", path: `/dasbor/ekspor?${p12}&kc=${biggestJabarKc}&table=detail&format=csv`, concurrency: [1, 8] },
  ...(values.xlsx
    ? [{ name: "ekspor XLSX rincian nasional 24 bln", role: "headOffice" as const, path: `/dasbor/ekspor?${p24}&table=detail&format=xlsx`, concurrency: [1], amount: 1 }]
    : []),
  { name: "kirim e-form (server action)", role: "officer", path: "/pendaftaran/baru", submit: true, concurrency: [1, 16, 32] },
];
const selected = cases.filter((c) => !values.only || c.name.includes(values.only) || c.path.includes(values.only));

// ── the server ──────────────────────────────────────────────────────────────────────────────────
if (!values["no-build"]) {
  say("Membangun aplikasi produksi (next build) …");
  await buildApp(values.dist!);
}
const profileDir = `bench/results/profile-${new Date().toISOString().replace(/[:.]/g, "-")}`;
const serverEnv: Record<string, string> = { NEXT_DIST_DIR: values.dist! };
const nodeFlags = values.profile ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
let app: BenchServer = await startServer(PORT, url, serverEnv, nodeFlags);
say(`Server siap dalam ${app.startSeconds.toFixed(1)} s di ${app.base}.`);
const cookies = {} as Record<Role, string>;
for (const role of Object.keys(ACCOUNTS) as Role[]) cookies[role] = await signIn(app.base, ACCOUNTS[role], undefined, `198.18.1.${Object.keys(cookies).length + 1}`);

interface Measured {
  name: string;
  concurrency: number;
  requests: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  rssMiB: number;
  /** Seconds the server still worked after the window closed (requests sent, not answered in it). */
  unfinished?: number;
  note?: string;
}
const results: Measured[] = [];

function drive(c: Case, concurrency: number, options: Partial<autocannon.Options>, expected: number): Promise<Omit<Measured, "name" | "rssMiB" | "unfinished">> {
  const latencies: number[] = [];
  let errors = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${app.base}${c.path}`,
        connections: concurrency,
        timeout: 180,
        headers: { cookie: cookies[c.role], "accept-language": "id-ID" },
        ...(c.amount ? { amount: c.amount } : { duration: c.duration ?? DURATION }),
        ...options,
      },
      (error, result) => {
        if (error) return reject(error);
        const s = stats(latencies.length ? latencies : [NaN]);
        const at = (p: number) => [...latencies].sort((a, b) => a - b)[Math.min(latencies.length - 1, Math.max(0, Math.ceil(p * latencies.length) - 1))] ?? NaN;
        resolve({
          concurrency,
          requests: latencies.length,
          throughput: latencies.length / ((result.duration || 1) as number),
          p50: s.median,
          p95: at(0.95),
          p99: at(0.99),
          errors: errors + result.errors + result.timeouts,
        });
      },
    );
    instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
      if (statusCode !== expected) errors++;
    });
  });
}

let template: CapturedSubmit | undefined;
let submitted = 0;
const runTag = Date.now().toString(36).toUpperCase();
const rss = treeRssSampler(app.child.pid!);
for (const c of selected) {
  let options: Partial<autocannon.Options> = {};
  let expected = 200;
  if (c.submit) {
    try {
      template ??= await captureSubmit(app.base, cookies.officer);
    } catch (error) {
      say(`  ${c.name}: dilewati — ${String(error).slice(0, 300)}`);
      continue;
    }
    const t = template;
    expected = t.status;
    const people = await freshNiks(client, 40_000);
    options = {
      method: "POST",
      headers: { ...t.headers, cookie: cookies.officer },
      requests: [
        {
          setupRequest: (req) => {
            const person = people[submitted % people.length]!;
            return { ...req, body: submitBody(t, submitted++, person, runTag) };
          },
        },
      ],
    };
    c.path = t.url;
  }
  // Warm-up: connections, compiled code and plans, as a user after the first visit sees it.
  await drive(c, 1, { ...options, amount: c.amount ? 1 : 3, duration: undefined }, expected).catch(() => undefined);
  await drain();
  for (const concurrency of c.concurrency ?? CONCURRENCY) {
    rss.reset();
    const before = c.submit ? await createdCount() : 0;
    const m = { ...(await drive(c, concurrency, options, expected)), unfinished: 0 };
    // autocannon stops sending at the end of the window; requests the server is still working on
    // would slow the next point down, so wait until the database is idle again.
    m.unfinished = await drain();
    const note = c.submit ? `${(await createdCount()) - before} pendaftaran tercipta` : undefined;
    results.push({ name: c.name, ...m, rssMiB: rss.peak(), note });
    say(`  ${c.name} c=${concurrency}: ${m.throughput.toFixed(1)}/s, p50 ${m.p50.toFixed(0)} ms, p95 ${m.p95.toFixed(0)} ms, p99 ${m.p99.toFixed(0)} ms, galat ${m.errors}, RSS ${rss.peak().toFixed(0)} MiB, sisa ${m.unfinished.toFixed(1)} s${note ? `, ${note}` : ""}`);
  }
}
rss.stop();

/** Waits (up to 3 minutes) until no query of the app is running on the scale database; returns the seconds waited. */
async function drain(): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < 1800; i++) {
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity where datname = current_database() and state = 'active' and pid <> pg_backend_pid()`,
    );
    if (rows[0]!.n === 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return (performance.now() - started) / 1000;
}

async function createdCount(): Promise<number> {
  const { rows } = await client.query<{ n: number }>(`select count(*)::int as n from "Enrolment" where "loanNumber" like $1`, [`${HTTP_LOAN_PREFIX}${runTag}-%`]);
  return rows[0]!.n;
}

// ── the physical anchor, same run, same database ────────────────────────────────────────────────
const anchors = [];
if (template) {
  const { rows } = await client.query<{ id: string }>(`select id from "Enrolment" where "loanNumber" like $1 limit 1`, [`${HTTP_LOAN_PREFIX}${runTag}-%`]);
  if (rows[0]) for (const clients of [1, 16, 32]) anchors.push(await pgbenchAnchor(client, url, rows[0].id, clients, Math.min(DURATION, 8)));
}

// ── first request after a restart (server and PostgreSQL) ───────────────────────────────────────
const cold: { name: string; seconds: number; status: number; serverStart: number }[] = [];
let db = database;
if (values.cold) {
  for (const c of selected.filter((x) => x.list)) {
    await app.stop();
    await client.end().catch(() => undefined);
    if (db) {
      await db.stop();
      db = await startEmbedded(SCALE_CLUSTER, () => undefined);
    }
    app = await startServer(PORT, url, serverEnv, nodeFlags);
    const started = performance.now();
    const response = await fetch(`${app.base}${c.path}`, { headers: { cookie: cookies[c.role] } });
    await response.arrayBuffer();
    cold.push({ name: c.name, seconds: (performance.now() - started) / 1000, status: response.status, serverStart: app.startSeconds });
    say(`  dingin ${c.name}: ${((performance.now() - started) / 1000).toFixed(1)} s (${response.status})`);
  }
}

// ── report ──────────────────────────────────────────────────────────────────────────────────────
const after = new pg.Client({ connectionString: url });
await after.connect();
const removed = await deleteBenchRows(after);
await after.end();
await client.end().catch(() => undefined);
await app.stop();
await db?.stop();

const load = (await import("node:os")).loadavg().map((l) => l.toFixed(1)).join(" / ");
console.log(`\n${values.label ? `${values.label} — ` : ""}${new Date().toISOString()}, ${Number(enrolmentCount[0]!.n).toLocaleString("id-ID")} pendaftaran, ${DURATION} s per titik, load average sesudahnya ${load}.\n`);
printTable(
  ["permintaan", "konkurensi", "n", "per detik", "p50 ms", "p95 ms", "p99 ms", "galat", "RSS puncak MiB", "sisa s", "catatan"],
  results.map((r) => [r.name, r.concurrency, r.requests, r.throughput.toFixed(1), r.p50.toFixed(0), r.p95.toFixed(0), r.p99.toFixed(0), r.errors, r.rssMiB.toFixed(0), (r.unfinished ?? 0).toFixed(1), r.note ?? ""]),
);
if (anchors.length) {
  console.log("\nJangkar fisik (pgbench, baris yang sama dengan satu kiriman, satu transaksi per kiriman, basis data yang sama):\n");
  printTable(
    ["klien", "transaksi/detik", "p50 ms", "p95 ms", "p99 ms", "gagal"],
    anchors.map((a) => [a.clients, a.tps.toFixed(0), a.p50.toFixed(1), a.p95.toFixed(1), a.p99.toFixed(1), a.failed]),
  );
}
if (cold.length) {
  console.log("\nPermintaan pertama sesudah server dan PostgreSQL dinyalakan ulang (cache halaman OS tetap hangat):\n");
  printTable(["halaman", "detik", "status", "server siap dalam s"], cold.map((c) => [c.name, c.seconds.toFixed(2), c.status, c.serverStart.toFixed(1)]));
}
console.log(`\n${removed} pendaftaran bench dihapus.`);
if (values.profile) console.log(`\nProfil CPU server: ${profileDir} (npx tsx bench/http/profile-summary.ts <file>).`);
await mkdir("bench/results", { recursive: true });
await writeFile(`bench/results/http-${new Date().toISOString().replace(/[:.]/g, "-")}.json`, JSON.stringify({ label: values.label, results, anchors, cold }, null, 2));
