/**
 * `npm run bench:xlsx [-- --rows 1000000 --read-mib-per-s 8]`: the memory of the enrolment-level
 * XLSX export (issue #17: 1M rows under 500 MB RSS, with back-pressure from the zip writer). The
 * export's own writer (lib/dashboard/export.ts `xlsxStream`, the detail columns and labels of
 * lib/dashboard/tables.ts) is fed generated rows in batches of 5,000, as the database cursor feeds
 * it, and read by a client that takes `--read-mib-per-s` (a slow phone link by default; 0 = as fast
 * as it can). No database: what is measured is the writer and its zip, whose queues are what grew.
 * Prints the time, the file size and the process's peak RSS. See bench/README.md.
 */
import { rssSampler, printTable } from "./lib";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROWS = arg("rows", 1_000_000);
const READ_MIB_PER_S = arg("read-mib-per-s", 8);
const BATCH = 5_000;

const [{ xlsxStream }, { detailColumns, detailRecord }] = await Promise.all([import("../lib/dashboard/export"), import("../lib/dashboard/tables")]);
const columns = detailColumns("id");
const schemes = ["SUPER_MIKRO", "MIKRO", "KECIL"];
const statuses = ["SUBMITTED", "APPROVED", "RETURNED", "REJECTED"];

async function* batches() {
  for (let start = 0; start < ROWS; start += BATCH) {
    const rows = [];
    for (let i = start; i < Math.min(ROWS, start + BATCH); i++) {
      rows.push(
        detailRecord(
          {
            enrolmentId: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
            submittedDay: `2026-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`,
            kanwil: "Kanwil Jawa Barat",
            kantorCabang: `KC Bandung ${i % 40}`,
            penyalur: ["BRI", "BNI", "Mandiri", "BJB"][i % 4]!,
            penyalurOffice: `Kantor cabang ${i % 900}`,
            scheme: schemes[i % 3]!,
            plafon: 50_000_000 + (i % 400) * 1_000_000,
            sectorGroup: "TRADE",
            provinceCode: "32",
            mandateStatus: i % 5 ? "MANDATORY" : "VOLUNTARY",
            status: statuses[i % 4]!,
            decidedOn: i % 4 === 1 ? "2026-11-20" : null,
            firstMonthPaid: i % 3 === 0,
            paidThroughMonth: i % 3 === 0 ? "2026-11" : null,
          },
          "id",
        ),
      );
    }
    // The cursor's round trip: the next batch arrives a turn of the event loop later.
    await new Promise((resolve) => setImmediate(resolve));
    yield rows;
  }
}

const rss = rssSampler();
const started = Date.now();
const reader = xlsxStream(columns, batches(), "Rincian", (error) => console.error(error)).getReader();
let bytes = 0;
for (;;) {
  const { value, done } = await reader.read();
  if (done) break;
  bytes += value.byteLength;
  if (READ_MIB_PER_S > 0) {
    // Keep the client at its rate: wait until the bytes read so far are due.
    const due = started + (bytes / (READ_MIB_PER_S * 1024 * 1024)) * 1000;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
const seconds = (Date.now() - started) / 1000;
rss.stop();
const load = (await import("node:os")).loadavg().map((l) => l.toFixed(1)).join(" / ");
console.log(`\n${new Date().toISOString()}, load average ${load}.\n`);
printTable(
  ["rows", "client MiB/s", "seconds", "file MiB", "peak RSS MiB", "target"],
  [[ROWS, READ_MIB_PER_S || "max", seconds.toFixed(1), (bytes / 1024 / 1024).toFixed(1), rss.peak().toFixed(0), "< 500"]],
);
