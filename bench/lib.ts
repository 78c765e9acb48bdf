/**
 * Shared by the benchmarks: the scale database (npm run seed:scale), timing statistics and a
 * peak-RSS sampler. Benchmarks are run by hand (see bench/README.md), never in CI.
 */
import pg from "pg";
import { SCALE_CLUSTER, startEmbedded, withDatabase, type RunningDatabase } from "../scripts/lib/database";
import { say } from "../scripts/lib/log";

export const SCALE_DATABASE = "lindungikur_scale";

/** DATABASE_URL's server (database lindungikur_scale on it), or the embedded scale cluster. */
export async function scaleDatabase(): Promise<{ url: string; server: RunningDatabase | null }> {
  const external = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  const server = external ? null : await startEmbedded(SCALE_CLUSTER, say);
  const url = withDatabase(external ?? server!.url, SCALE_DATABASE);
  const client = new pg.Client({ connectionString: url });
  await client.connect().catch(() => {
    throw new Error(`Basis data ${SCALE_DATABASE} tidak ada: jalankan dulu npm run seed:scale -- --enrolments 1000000`);
  });
  const { rows } = await client.query<{ n: string }>(`select count(*)::text as n from "DashEnrolmentFact"`);
  say(`Basis data skala: ${Number(rows[0]!.n).toLocaleString("id-ID")} pendaftaran.`);
  await client.end();
  process.env.DATABASE_URL = url;
  return { url, server };
}

export interface Stats {
  runs: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

export function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!;
  const median = s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  return { runs: s.length, median, p95: at(0.95), min: s[0]!, max: s[s.length - 1]! };
}

export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** Samples this process's resident set size every 20 ms; `peak()` is the largest seen, in MiB. */
export function rssSampler(): { peak: () => number; stop: () => void } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  return { peak: () => Math.max(peak, process.memoryUsage().rss) / 1024 / 1024, stop: () => clearInterval(timer) };
}

export function printTable(headers: string[], rows: (string | number)[][]): void {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => "| " + r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ") + " |";
  console.log(line(headers));
  console.log("|" + widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : "-".repeat(w + 1) + ":")).join("|") + "|");
  for (const r of cells.slice(1)) console.log(line(r));
}

export const ms = (v: number) => v.toFixed(1);
