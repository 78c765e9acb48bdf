/**
 * The e-form submit for the HTTP bench: one real submission captured from Chromium (the server
 * action's request exactly as the browser sends it), replayed with a fresh NIK, loan number and
 * submission key per request; and beside it the physical anchor — the same four rows (Participant,
 * Enrolment, MandateDecisionRecord, AuditEvent, plus the draft delete) written by pgbench in one
 * transaction each, against the same database, with the same triggers.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { chromium } from "@playwright/test";
import { fillEform, sendEform } from "../../tests/e2e/eform";

export const HTTP_LOAN_PREFIX = "BENCH-HTTP-";
export const ANCHOR_LOAN_PREFIX = "BENCH-PGB-";
const ANCHOR_NIK_PREFIX = "99";

export interface CapturedSubmit {
  url: string;
  headers: Record<string, string>;
  body: string;
  nik: string;
  loanNumber: string;
  submissionKey: string;
  birthDate: string;
  /** What a successful submit answers (the server action's redirect). */
  status: number;
}

const CHROMIUM = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(Boolean)!;

/** NIK for a Bandung (3273) man born on `day` of May 1985, serial `serial`. */
export function benchNik(day: number, serial: number): { nik: string; birthDate: string } {
  const dd = String(day).padStart(2, "0");
  return { nik: `327301${dd}0585${String(serial).padStart(4, "0")}`, birthDate: `1985-05-${dd}` };
}

/** Fills and submits the e-form once as the officer (cookie), recording the server action request. */
export async function captureSubmit(base: string, cookie: string): Promise<CapturedSubmit> {
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  try {
    const context = await browser.newContext({ baseURL: base, locale: "id-ID" });
    await context.addCookies(
      cookie.split("; ").map((c) => {
        const i = c.indexOf("=");
        return { name: c.slice(0, i), value: c.slice(i + 1), url: base };
      }),
    );
    const page = await context.newPage();
    page.setDefaultTimeout(120_000);
    const { nik, birthDate } = benchNik(28, 9999);
    const loanNumber = `${HTTP_LOAN_PREFIX}CAPTURE-${Date.now()}`;
    await page.goto("/pendaftaran/baru");
    await fillEform(page, { nik, loanNumber, birthDate, scheme: "MIKRO", plafon: "40.000.000" });
    const posted: import("@playwright/test").Request[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && r.headers()["next-action"]) posted.push(r);
    });
    // Through the check-your-answers step, as the officer sends it (the e2e journeys' own helper).
    const landed = page.waitForURL(/\/pendaftaran\/[0-9a-f-]{36}/, { timeout: 60_000 });
    await sendEform(page);
    await landed;
    let captured: import("@playwright/test").Request | undefined;
    for (const r of posted) {
      const res = await r.response();
      if (res && (res.headers()["x-action-redirect"] ?? "").includes("/pendaftaran/")) captured = r;
    }
    if (!captured) throw new Error(`kiriman e-form tidak terekam (${posted.length} permintaan aksi)`);
    const response = (await captured.response())!;
    const body = captured.postData()!;
    const submissionKey = /submissionKey[^0-9a-f]{0,40}([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/.exec(body)?.[1];
    if (!submissionKey) throw new Error(`submissionKey tidak ada di permintaan yang direkam: ${body.slice(0, 800)}`);
    const headers = await captured.allHeaders();
    for (const h of ["cookie", "content-length", "host", "connection", "accept-encoding"]) delete headers[h];
    return { url: new URL(captured.url()).pathname, headers, body, nik, loanNumber, submissionKey, birthDate, status: response.status() };
  } finally {
    await browser.close();
  }
}

/** Fresh NIKs of the bench's pattern that no participant has yet, as many as asked. */
export async function freshNiks(client: pg.Client, count: number): Promise<{ nik: string; birthDate: string }[]> {
  const candidates: { nik: string; birthDate: string }[] = [];
  for (let day = 1; day <= 28 && candidates.length < count * 1.2 + 100; day++) {
    for (let serial = 1; serial <= 9998 && candidates.length < count * 1.2 + 100; serial++) candidates.push(benchNik(day, serial));
  }
  const { rows } = await client.query<{ nik: string }>(`select nik from "Participant" where nik = any($1)`, [candidates.map((c) => c.nik)]);
  const taken = new Set(rows.map((r) => r.nik));
  return candidates.filter((c) => !taken.has(c.nik)).slice(0, count);
}

/** The captured body with the request's own NIK, birth date, loan number and submission key. */
export function submitBody(t: CapturedSubmit, n: number, person: { nik: string; birthDate: string }, runTag: string): string {
  return t.body
    .replaceAll(t.nik, person.nik)
    .replaceAll(t.birthDate, person.birthDate)
    .replaceAll(t.loanNumber, `${HTTP_LOAN_PREFIX}${runTag}-${n}`)
    .replaceAll(t.submissionKey, crypto.randomUUID());
}

/** Deletes what the bench wrote (its own loan numbers and NIKs), with the triggers on, so the aggregates stay true. */
export async function deleteBenchRows(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ id: string; participantId: string }>(
    `select id, "participantId" from "Enrolment" where "loanNumber" like $1 or "loanNumber" like $2`,
    [`${HTTP_LOAN_PREFIX}%`, `${ANCHOR_LOAN_PREFIX}%`],
  );
  if (!rows.length) return 0;
  const ids = rows.map((r) => r.id);
  await client.query("begin");
  // AuditEvent is append-only for the app (a trigger refuses DELETE); the bench's own rows go with
  // triggers off for that one statement only — the enrolment delete below needs the dashboard triggers.
  await client.query("set local session_replication_role = replica");
  await client.query(`delete from "AuditEvent" where "entityType" = 'Enrolment' and "entityId" = any($1)`, [ids]);
  await client.query("set local session_replication_role = origin");
  // Their events (the submits' own and the anchor's) and the fan-out jobs no worker ran here.
  await client.query(
    `delete from pgboss.job where name = 'events.dispatch'
       and data->>'eventId' in (select id::text from "OutboxEvent" where "enrolmentId" = any($1::uuid[]))`,
    [ids],
  );
  await client.query(`delete from "OutboxEvent" where "enrolmentId" = any($1::uuid[])`, [ids]);
  await client.query(`delete from "Enrolment" where id = any($1::uuid[])`, [ids]);
  await client.query(
    `delete from "Participant" p where p.id = any($1::uuid[]) and not exists (select 1 from "Enrolment" e where e."participantId" = p.id)`,
    [rows.map((r) => r.participantId)],
  );
  await client.query("commit");
  return ids.length;
}

// ── the physical anchor ─────────────────────────────────────────────────────────────────────────
const exec = promisify(execFile);

async function insertableColumns(client: pg.Client, table: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `select column_name as name from information_schema.columns
     where table_schema = 'public' and table_name = $1 and is_generated = 'NEVER' order by ordinal_position`,
    [table],
  );
  return rows.map((r) => `"${r.name}"`);
}

export interface AnchorResult {
  clients: number;
  tps: number;
  p50: number;
  p95: number;
  p99: number;
  failed: number;
}

/**
 * pgbench with `clients` connections for `seconds`, each transaction writing the rows one submit of
 * this run wrote (enrolment `templateId`), with fresh ids, NIK, loan number and submission key.
 */
export async function pgbenchAnchor(client: pg.Client, url: string, templateId: string, clients: number, seconds: number): Promise<AnchorResult> {
  await client.query(`drop table if exists bench_anchor_template; create table bench_anchor_template (name text primary key, row jsonb not null)`);
  await client.query(`create sequence if not exists bench_anchor_seq`);
  await client.query(
    `insert into bench_anchor_template
     select 'participant', to_jsonb(p) from "Participant" p join "Enrolment" e on e."participantId" = p.id where e.id = $1
     union all select 'enrolment', to_jsonb(e) from "Enrolment" e where e.id = $1
     union all select 'decision', to_jsonb(m) from "MandateDecisionRecord" m where m."enrolmentId" = $1
     union all select 'audit', to_jsonb(a) from "AuditEvent" a where a."entityType" = 'Enrolment' and a."entityId" = $1::text`,
    [templateId],
  );
  const cols = async (table: string) => (await insertableColumns(client, table)).join(", ");
  const insert = (table: string, colList: string, name: string, changes: string) =>
    `insert into "${table}" (${colList}) select ${colList} from jsonb_populate_record(null::"${table}", (select row from bench_anchor_template where name = '${name}') || jsonb_build_object(${changes}));`;
  const script = [
    `select nextval('bench_anchor_seq') as n \\gset`,
    `begin;`,
    insert("Participant", await cols("Participant"), "participant", `'id', md5('p' || :n)::uuid, 'nik', '${ANCHOR_NIK_PREFIX}' || lpad(:n::text, 14, '0'), 'createdAt', now(), 'updatedAt', now()`),
    insert("Enrolment", await cols("Enrolment"), "enrolment", `'id', md5('e' || :n)::uuid, 'participantId', md5('p' || :n)::uuid, 'loanNumber', '${ANCHOR_LOAN_PREFIX}' || :n, 'submissionKey', gen_random_uuid(), 'referenceNo', nextval('"Enrolment_referenceNo_seq"'), 'createdAt', now(), 'updatedAt', now(), 'submittedAt', now()`),
    insert("MandateDecisionRecord", await cols("MandateDecisionRecord"), "decision", `'id', gen_random_uuid(), 'enrolmentId', md5('e' || :n)::uuid`),
    `delete from "EnrolmentDraft" where "submissionKey" = gen_random_uuid();`,
    // AuditEvent's id is a bigint sequence: left out, so the insert takes the next one as the app's does.
    insert("AuditEvent", (await insertableColumns(client, "AuditEvent")).filter((c) => c !== '"id"' && c !== "id").join(", "), "audit", `'entityId', md5('e' || :n)::uuid, 'at', now()`),
    // The outbox row and its fan-out job, as recordEvent writes them in the submit's transaction.
    `insert into "OutboxEvent" (id, type, "penyalurId", "enrolmentId", payload) select md5('o' || :n)::uuid, 'enrolment.submitted', (row->>'penyalurId')::uuid, md5('e' || :n)::uuid, '{"status":"SUBMITTED"}'::jsonb from bench_anchor_template where name = 'enrolment';`,
    `insert into pgboss.job (name, data) values ('events.dispatch', jsonb_build_object('eventId', md5('o' || :n)::uuid));`,
    `commit;`,
  ].join("\n");
  const dir = await mkdtemp(path.join(tmpdir(), "bench-anchor-"));
  const file = path.join(dir, "submit.sql");
  await writeFile(file, script + "\n");
  let out = "";
  try {
    const r = await exec("pgbench", ["-n", "-c", String(clients), "-j", "2", "-T", String(seconds), "-l", "--log-prefix", path.join(dir, "tx"), "-f", file, url], { cwd: dir });
    out = r.stdout;
  } catch (error) {
    throw new Error(`pgbench gagal: ${(error as { stderr?: string }).stderr ?? String(error)}\n${script}`);
  }
  const latencies: number[] = [];
  let failed = 0;
  for (const f of (await readdir(dir)).filter((n) => n.startsWith("tx"))) {
    for (const line of (await readFile(path.join(dir, f), "utf8")).split("\n")) {
      const parts = line.split(" ");
      if (parts.length < 3) continue;
      if (parts[2] === "failed" || parts[2] === "skipped") failed++;
      else latencies.push(Number(parts[2]) / 1000);
    }
  }
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.max(0, Math.ceil(p * latencies.length) - 1))] ?? NaN;
  const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? NaN);
  await client.query(`drop table if exists bench_anchor_template`);
  return { clients, tps, p50: at(0.5), p95: at(0.95), p99: at(0.99), failed };
}
