/**
 * The production server for the HTTP bench: `next build` (unless told not to), `next start` against
 * the scale database, and a sampler of the server's resident memory (the whole process tree:
 * `next start` runs the app in a child process).
 */
import type { ChildProcess } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { bin, run, start, stopChild, waitForHttp } from "../../scripts/lib/processes";

export interface BenchServer {
  base: string;
  child: ChildProcess;
  /** Seconds from spawn until the sign-in page answered. */
  startSeconds: number;
  stop: () => Promise<void>;
}

export async function buildApp(distDir: string): Promise<void> {
  // next build points next-env.d.ts at its distDir's route types; put it back afterwards (as npm test does).
  const nextEnv = existsSync("next-env.d.ts") ? await readFile("next-env.d.ts", "utf8") : undefined;
  try {
    await run(bin("next"), ["build"], { NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: distDir });
  } finally {
    if (nextEnv !== undefined) await writeFile("next-env.d.ts", nextEnv);
  }
}

export async function startServer(port: number, databaseUrl: string, extraEnv: Record<string, string> = {}, nodeFlags: string[] = []): Promise<BenchServer> {
  const started = performance.now();
  const args = ["start", "-H", "127.0.0.1", "-p", String(port)];
  // node flags such as --cpu-prof are refused in NODE_OPTIONS: run next's own script under node.
  const [command, commandArgs] = nodeFlags.length
    ? [process.execPath, [...nodeFlags, path.resolve("node_modules/next/dist/bin/next"), ...args]]
    : [bin("next"), args];
  const child = start(command, commandArgs, {
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: "bench-secret-not-for-production-0123456789abcdef",
    AUTH_TRUST_HOST: "true",
    NODE_ENV: "production",
    LINDUNGIKUR_DEMO: "1",
    NEXT_TELEMETRY_DISABLED: "1",
    LOG_LEVEL: "warn",
    ...extraEnv,
  });
  // A crash or a kill of the bench must not leave the server holding the port.
  process.once("exit", () => child.exitCode === null && child.kill("SIGTERM"));
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}/masuk`, 120_000);
  return { base, child, startSeconds: (performance.now() - started) / 1000, stop: () => stopChild(child) };
}

function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((t) =>
      readFileSync(`/proc/${pid}/task/${t}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

function rssKiB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Resident set size of a process and all its descendants, in MiB. */
export function treeRssMiB(pid: number): number {
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    total += rssKiB(p);
    stack.push(...childrenOf(p));
  }
  return total / 1024;
}

/** Samples the tree's RSS every 100 ms; `reset()` starts a new peak (one per bench case). */
export function treeRssSampler(pid: number): { peak: () => number; reset: () => void; stop: () => void } {
  let peak = treeRssMiB(pid);
  const timer = setInterval(() => (peak = Math.max(peak, treeRssMiB(pid))), 100);
  return {
    peak: () => Math.max(peak, treeRssMiB(pid)),
    reset: () => (peak = treeRssMiB(pid)),
    stop: () => clearInterval(timer),
  };
}
