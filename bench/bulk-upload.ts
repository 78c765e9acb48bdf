/**
 * `npm run bench:bulk-upload [-- --rows 100000 --format csv|xlsx]`: how long the bulk upload takes
 * for a bank's file of 100 000 rows (issue #14: validate in under 60 s, commit in under 3 minutes).
 * A fresh database `lindungikur_bench_bulk` on the demo cluster (PG_DEMO_PORT; or on
 * BENCH_DATABASE_URL's server) is migrated and seeded, a file of valid template rows is generated
 * (unique NIKs and loan numbers, KUR mikro and kecil mixed), and the upload's own functions run on
 * it as the jobs run them: validateUpload, then commitUpload. Prints both times, rows per second
 * and this process's peak RSS. The database is dropped at the end. See bench/README.md.
 */
import { CSV_BOM, csvDialect, csvRow, csvText } from "../lib/csv";
import { DEMO_CLUSTER, embeddedUrl, recreateDatabase, startEmbedded, withDatabase } from "../scripts/lib/database";
import { applyMigrations } from "../scripts/lib/migrate";
import { seedAll } from "../scripts/lib/seed";
import { say } from "../scripts/lib/log";
import { printTable, rssSampler } from "./lib";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const ROWS = Number(arg("rows", "100000"));
const FORMAT = arg("format", "csv").toUpperCase() as "CSV" | "XLSX";
const DATABASE = "lindungikur_bench_bulk";

const external = process.env.BENCH_DATABASE_URL;
const server = external ? null : await startEmbedded(DEMO_CLUSTER, say);
const adminUrl = withDatabase(external ?? embeddedUrl(DEMO_CLUSTER, "postgres"), "postgres");
const url = withDatabase(external ?? server!.url, DATABASE);
await recreateDatabase(adminUrl, DATABASE);
await applyMigrations(url);
await seedAll(url, () => undefined);
process.env.DATABASE_URL = url;

const [{ db }, { loadActor }, bulk, { TEMPLATE_COLUMNS }, { TEMPLATE_EXAMPLE }, rules, consent] = await Promise.all([
  import("../lib/db"),
  import("../lib/auth/data"),
  import("../lib/bulk/mutations"),
  import("../lib/bulk/template"),
  import("../lib/bulk/files"),
  import("../lib/rules"),
  import("../lib/enrolment/consent"),
]);

const officer = (await loadActor((await db().user.findUniqueOrThrow({ where: { email: "petugas.bri@demo.lindungikur.id" } })).id))!;
const today = rules.todayInZone(new Date(), officer.timeZone);
const planned = rules.addDays(today, 7);
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Row i of the file: a Kota Bandung NIK (kecamatan 01–30) whose date fits its birth date, a unique loan. */
function row(i: number): string[] {
  const district = String(1 + (i % 30)).padStart(2, "0");
  const day = 1 + (Math.floor(i / 30) % 28);
  const month = 1 + (Math.floor(i / 840) % 12);
  const serial = String(1 + Math.floor(i / 10080)).padStart(4, "0");
  const birth = `1985-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  const kecil = i % 10 === 0;
  const values: Record<string, string> = {
    ...TEMPLATE_EXAMPLE,
    nik: `3273${district}${String(day).padStart(2, "0")}${String(month).padStart(2, "0")}85${serial}`,
    fullName: `Uji Unggah ${"abcdefghijklmnopqrstuvwxyz"[i % 26]}`,
    sex: "L",
    birthDate: dmy(birth),
    loanNumber: `BENCH-${i}`,
    scheme: kecil ? "KECIL" : "MIKRO",
    plafon: kecil ? "150000000" : "40000000",
    npwp: kecil ? "01.234.567.8-901.000" : "",
    attestNpwpPresent: kecil ? "Ya" : "Tidak",
    plannedDisbursementDate: dmy(planned),
    consentTextVersion: consent.CONSENT_TEXT_VERSION,
  };
  return TEMPLATE_COLUMNS.map((c) => values[c.field] ?? "");
}

async function file(): Promise<Uint8Array> {
  if (FORMAT === "CSV") {
    const d = csvDialect("id");
    const parts = [CSV_BOM + csvRow(TEMPLATE_COLUMNS.map((c) => csvText(c.header, d)), d)];
    for (let i = 0; i < ROWS; i++) parts.push(csvRow(row(i).map((v) => csvText(v, d)), d));
    return new TextEncoder().encode(parts.join(""));
  }
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("Pendaftaran");
  sheet.addRow(TEMPLATE_COLUMNS.map((c) => c.header));
  for (let i = 0; i < ROWS; i++) sheet.addRow(row(i));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const bytes = await file();
say(`Berkas ${FORMAT}: ${ROWS.toLocaleString("id-ID")} baris, ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MiB.`);
if (global.gc) global.gc();
const rss = rssSampler();
const id = await bulk.createUpload(officer, { name: `bench.${FORMAT.toLowerCase()}`, bytes }, "id");

let t = performance.now();
const validated = await bulk.validateUpload(id, new Date());
const validateMs = performance.now() - t;
if (validated.validCount !== ROWS) throw new Error(`validation: ${JSON.stringify(validated)}`);
const afterValidate = rss.peak();

await bulk.beginCommit(officer, id);
t = performance.now();
const committed = await bulk.commitUpload(id, new Date());
const commitMs = performance.now() - t;
if (committed.createdCount !== ROWS) throw new Error(`commit: ${JSON.stringify(committed)}`);
const enrolments = await db().enrolment.count({ where: { loanNumber: { startsWith: "BENCH-" } } });
rss.stop();

printTable(
  ["step", "rows", "seconds", "rows/s", "target", "peak RSS MiB"],
  [
    ["validate", ROWS, (validateMs / 1000).toFixed(1), Math.round(ROWS / (validateMs / 1000)), "< 60 s", afterValidate.toFixed(0)],
    ["commit", enrolments, (commitMs / 1000).toFixed(1), Math.round(ROWS / (commitMs / 1000)), "< 180 s", rss.peak().toFixed(0)],
  ],
);
await db().$disconnect();
if (process.argv.includes("--keep")) {
  say(`Basis data ${DATABASE} disimpan (--keep): ${url}`);
  process.exit(0);
}
const pg = (await import("pg")).default;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`drop database if exists ${DATABASE} with (force)`);
await admin.end();
await server?.stop();
