/**
 * `npm run bench:sign-in -- --base http://127.0.0.1:3232 --runs 20`: sign-in answer times over HTTP,
 * through next-auth's credentials endpoint (the same authorize() the form uses), for a wrong password
 * on an active account, any password on an inactive account, and an unknown address. They must not
 * tell the three apart (docs/decisions/0015-abuse-limits.md §Equal timing).
 *
 * Needs a running portal (`npm run demo`) and its database (DATABASE_URL, or the demo cluster of
 * PG_DEMO_PORT): it creates its own accounts (e-mails `bench.timing.*`) and deletes them after.
 * Each attempt comes from its own X-Forwarded-For address and each account is tried at most three
 * times between successful sign-ins, so neither the per-address budget nor the growing delay
 * (lib/auth/throttle.ts) is what is measured. Prints a Markdown table.
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import bcrypt from "bcryptjs";
import pg from "pg";
import { DEMO_CLUSTER, resolveDatabase } from "../scripts/lib/database";

const { values } = parseArgs({ options: { base: { type: "string" }, runs: { type: "string" } } });
const base = values.base ?? `http://127.0.0.1:${process.env.PORT ?? "3000"}`;
const runs = Number(values.runs ?? 20);
const PASSWORD = "Bench-Timing-2026";

const database = await resolveDatabase(DEMO_CLUSTER, () => undefined);
const client = new pg.Client({ connectionString: database.url });
await client.connect();
const tag = randomUUID().slice(0, 8);
const hash = await bcrypt.hash(PASSWORD, 12);
const accounts = Math.ceil(runs / 3);
const active = Array.from({ length: accounts }, (_, i) => `bench.timing.active.${tag}.${i}@contoh.id`);
const inactive = Array.from({ length: accounts }, (_, i) => `bench.timing.inactive.${tag}.${i}@contoh.id`);
for (const [emails, on] of [[active, true], [inactive, false]] as const) {
  for (const email of emails) {
    await client.query(`insert into "User" (id, email, name, "passwordHash", role, active) values (gen_random_uuid(), $1, 'Bench', $2, 'HEAD_OFFICE', $3)`, [email, hash, on]);
  }
}

let addressCounter = 0;
const address = () => `198.18.${Math.floor(++addressCounter / 250) % 250}.${(addressCounter % 250) + 1}`;

async function signIn(email: string, password: string): Promise<{ ms: number; location: string }> {
  const from = address();
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { "X-Forwarded-For": from } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const body = new URLSearchParams({ email, password, csrfToken, callbackUrl: "/beranda" });
  const started = performance.now();
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie, "X-Forwarded-For": from },
    body,
  });
  const ms = performance.now() - started;
  await response.arrayBuffer();
  return { ms, location: response.headers.get("location") ?? "" };
}

const cases: Record<string, number[]> = { "aktif, kata sandi salah": [], "nonaktif": [], "tidak dikenal": [] };
try {
  await signIn(active[0]!, PASSWORD); // warm-up
  for (let i = 0; i < runs; i++) {
    const n = Math.floor(i / 3);
    // Interleaved, so that load on the machine falls on all three alike.
    cases["aktif, kata sandi salah"]!.push((await signIn(active[n]!, "salah")).ms);
    cases["nonaktif"]!.push((await signIn(inactive[n]!, PASSWORD)).ms);
    cases["tidak dikenal"]!.push((await signIn(`bench.timing.none.${tag}.${i}@contoh.id`, PASSWORD)).ms);
    // A right password clears the active account's count (its third failure never turns into a delay).
    if (i % 3 === 2) await signIn(active[n]!, PASSWORD);
  }
} finally {
  await client.query(`delete from "User" where email like $1`, [`bench.timing.%.${tag}.%`]);
  await client.query(`delete from "RateLimit" where key like $1`, [`signin-%bench.timing.%${tag}%`]);
  await client.end();
  await database.stop();
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
console.log(`\nSign-in ${base}, ${runs} attempts per case (bcrypt cost 12):\n`);
console.log("| akun                    |  n | median ms | p10 ms | p90 ms |");
console.log("|-------------------------|---:|----------:|-------:|-------:|");
for (const [name, xs] of Object.entries(cases)) {
  console.log(`| ${name.padEnd(23)} | ${String(xs.length).padStart(2)} | ${quantile(xs, 0.5).toFixed(1).padStart(9)} | ${quantile(xs, 0.1).toFixed(1).padStart(6)} | ${quantile(xs, 0.9).toFixed(1).padStart(6)} |`);
}
