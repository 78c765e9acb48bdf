/**
 * The audit trail (AuditEvent, docs/decisions/0014): append-only enforced by the database itself —
 * UPDATE, DELETE and TRUNCATE are refused even to the application's own role; every row gets the
 * actor's role and its Kanwil from the database; the viewer is scoped (a Kanwil manager sees its
 * Kanwil's events only), searchable, masks NIKs, and the CSV export streams the same rows.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { auditBatches, auditPage } from "@/lib/admin/audit/data";
import { GET as exportAudit } from "@/app/(portal)/admin/audit/ekspor/route";
import { signInAs } from "../support/actions";
import { DEMO_ACCOUNTS, demoActors, type DemoActors } from "../support/db";
import { submittedEnrolment } from "../support/review";

vi.mock("@/lib/auth/session", () => import("../support/actions").then((m) => m.sessionStub()));
vi.mock("next/headers", () => import("../support/actions").then((m) => m.headersStub()));
vi.mock("next-intl/server", () => import("../support/actions").then((m) => m.intlStub()));
vi.mock("next/cache", () => import("../support/actions").then((m) => m.cacheStub()));

let client: pg.Client;
let actors: DemoActors;
let bandung: { id: string; nik: string };
let semarang: { id: string; nik: string };

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  actors = await demoActors();
  bandung = await submittedEnrolment(actors.officerBri);
  semarang = await submittedEnrolment(actors.officerBri, { kantorCabangCode: "KC-SEMARANG" });
  // A before/after carrying a NIK, as a lookup or a correction might.
  await db().auditEvent.create({ data: { actorId: actors.officerBri.id, action: "test.nikInAfter", entityType: "Enrolment", entityId: bandung.id, after: { nik: bandung.nik, note: `NIK ${bandung.nik}` } } });
});

afterAll(async () => {
  await client.end();
  await db().$disconnect();
});

describe("append-only, enforced by the database", () => {
  it.each([
    ["UPDATE", `update "AuditEvent" set action = 'tampered' where id = (select max(id) from "AuditEvent")`],
    ["DELETE", `delete from "AuditEvent" where id = (select max(id) from "AuditEvent")`],
    ["TRUNCATE", `truncate "AuditEvent"`],
  ])("%s on AuditEvent is refused, and nothing changes", async (op, sql) => {
    const before = await client.query(`select count(*)::int as n, max(id)::text as last, max(action) as a from "AuditEvent"`);
    await expect(client.query(sql)).rejects.toThrow(`AuditEvent is append-only: ${op} refused`);
    expect((await client.query(`select count(*)::int as n, max(id)::text as last, max(action) as a from "AuditEvent"`)).rows).toEqual(before.rows);
  });

  it("Prisma's own update and delete are refused the same way", async () => {
    const last = await db().auditEvent.findFirstOrThrow({ orderBy: { id: "desc" }, select: { id: true } });
    await expect(db().auditEvent.update({ where: { id: last.id }, data: { action: "tampered" } })).rejects.toThrow(/append-only/);
    await expect(db().auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
  });

  it("every row gets the actor's role and the record's Kanwil from the database", async () => {
    const kanwilOf = async (id: string) =>
      (await client.query(`select k.code from "AuditEvent" a join "Kanwil" k on k.id = a."kanwilId" where a."entityId" = $1 and a.action = 'enrolment.submit'`, [id])).rows[0]?.code;
    expect(await kanwilOf(bandung.id)).toBe("JAWA_BARAT");
    expect(await kanwilOf(semarang.id)).toBe("JATENG_DIY");
    expect((await client.query(`select distinct "actorRole"::text as r from "AuditEvent" where "entityId" = any($1)`, [[bandung.id, semarang.id]])).rows.map((r) => r.r).sort()).toEqual(["BANK_OFFICER"]);
  });
});

describe("the viewer", () => {
  it("a Kanwil manager sees its Kanwil's events and not another's; head office and the administrator see both", async () => {
    const ids = async (actor: (typeof actors)[keyof DemoActors]) => (await auditPage(actor, { action: "enrolment.submit" }))!.rows.map((r) => r.entityId);
    expect(await ids(actors.managerJabar)).toContain(bandung.id);
    expect(await ids(actors.managerJabar)).not.toContain(semarang.id);
    for (const a of [actors.headOffice, actors.admin]) expect(await ids(a)).toEqual(expect.arrayContaining([bandung.id, semarang.id]));
    expect(await auditPage(actors.officerBri, {})).toBeNull();
    expect(await auditPage(actors.reviewerBandung, {})).toBeNull();
  });

  it("searches by record, actor, action and date", async () => {
    const byRecord = (await auditPage(actors.admin, { record: bandung.id }))!.rows;
    expect(byRecord.length).toBeGreaterThanOrEqual(2);
    expect(byRecord.every((r) => r.entityId === bandung.id)).toBe(true);
    const byActor = (await auditPage(actors.admin, { actor: "petugas.bri", record: bandung.id }))!.rows;
    expect(byActor.every((r) => r.actorEmail === DEMO_ACCOUNTS.officerBri)).toBe(true);
    expect((await auditPage(actors.admin, { actor: "pusat@", record: bandung.id }))!.rows).toEqual([]);
    expect((await auditPage(actors.admin, { action: "nikInAfter", record: bandung.id }))!.rows).toHaveLength(1);
    expect((await auditPage(actors.admin, { record: bandung.id, to: "2020-01-01" }))!.rows).toEqual([]);
  });

  it("masks NIKs in before/after for every reader", async () => {
    const row = (await auditPage(actors.managerJabar, { action: "nikInAfter", record: bandung.id }))!.rows[0]!;
    expect(row.after).not.toContain(bandung.nik);
    expect(row.after).toContain(`${bandung.nik.slice(0, 4)}********${bandung.nik.slice(12)}`);
  });

  it("the CSV export streams the same scoped, masked rows in batches", async () => {
    let batches = 0;
    let rows = 0;
    for await (const batch of auditBatches(actors.admin, { record: bandung.id }, 1)) {
      batches += 1;
      rows += batch.length;
    }
    expect(batches).toBe(rows);
    expect(rows).toBe((await auditPage(actors.admin, { record: bandung.id }))!.rows.length);

    await signInAs(DEMO_ACCOUNTS.managerJabar);
    const response = await exportAudit(new Request(`http://127.0.0.1/admin/audit/ekspor?action=enrolment.submit`));
    expect(response.status).toBe(200);
    const csv = await response.text();
    expect(csv).toContain(bandung.id);
    expect(csv).not.toContain(semarang.id);
    expect(csv).not.toContain(bandung.nik);
    await signInAs(DEMO_ACCOUNTS.officerBri);
    expect((await exportAudit(new Request(`http://127.0.0.1/admin/audit/ekspor`))).status).toBe(403);
  });
});
