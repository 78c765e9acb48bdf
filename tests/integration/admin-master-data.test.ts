/**
 * Master data as an administrator keeps it (/admin/data, lib/admin/masterdata): created, edited and
 * retired through the one action pipeline with an audit row each; a Kantor Cabang moved to another
 * Kanwil takes its enrolments' dashboard cells with it in the same transaction, with no manual
 * dash_rebuild() (docs/decisions/0007, 0014); an office's new Kantor Cabang routes new enrolments only.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { loadActor } from "@/lib/auth/data";
import { retireMasterDataAction, saveMasterDataAction } from "@/lib/admin/masterdata/actions";
import { enrolmentFormOptions } from "@/lib/enrolment/data";
import { translator } from "@/lib/i18n/translator";
import { formData, runAction, signInAs } from "../support/actions";
import { DEMO_ACCOUNTS } from "../support/db";
import { submittedEnrolment } from "../support/review";

vi.mock("@/lib/auth/session", () => import("../support/actions").then((m) => m.sessionStub()));
vi.mock("next/headers", () => import("../support/actions").then((m) => m.headersStub()));
vi.mock("next-intl/server", () => import("../support/actions").then((m) => m.intlStub()));
vi.mock("next/cache", () => import("../support/actions").then((m) => m.cacheStub()));

const id = translator("id");
const tag = randomUUID().slice(0, 6).toUpperCase();
const KC = `KC-UJI-${tag}`;
let client: pg.Client;

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
});

afterAll(async () => {
  await client.end();
  await db().$disconnect();
});

const kanwilId = async (code: string) => (await db().kanwil.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;

async function kanwilTotals(): Promise<Record<string, number>> {
  const rows = (await client.query<{ kanwil: string; n: string }>(`select k.code as kanwil, sum(c.enrolments)::text as n from "DashKanwilCell" c join "Kanwil" k on k.id = c."kanwilId" group by 1`)).rows;
  return Object.fromEntries(rows.map((r) => [r.kanwil, Number(r.n)]));
}

const CELLS = [
  `select * from "DashEnrolmentFact"`,
  `select * from "DashEnrolmentCell" where enrolments <> 0 or "firstMonthPaid" <> 0`,
  `select * from "DashKanwilCell" where enrolments <> 0 or "firstMonthPaid" <> 0`,
  `select * from "DashWeekCell" where enrolments <> 0`,
  `select * from "DashOfficeCell" where enrolments <> 0 or "firstMonthPaid" <> 0`,
  `select month, "dueDate", "kanwilId", "kantorCabangId", "penyalurId", scheme, "enrolmentStatus", lines, total::text, "paidLines" from "DashContributionCell" where lines <> 0 or "paidLines" <> 0`,
];
async function snapshot(): Promise<string[][]> {
  const out: string[][] = [];
  for (const sql of CELLS) out.push((await client.query(sql)).rows.map((r) => JSON.stringify(r)).sort());
  return out;
}

describe("master data: create, edit, retire", () => {
  it("a Kantor Cabang and a penyalur office served by it are created, each with its audit row", async () => {
    await signInAs(DEMO_ACCOUNTS.admin);
    const kc = await runAction(saveMasterDataAction, {}, formData({ entity: "kantorCabang", code: KC.toLowerCase(), name: `KC Uji ${tag}`, kanwil: "JAWA_BARAT", province: "32", timeZone: "Asia/Jakarta" }));
    expect(kc.redirect?.url).toBe("/admin/data/kantor-cabang?tersimpan=1");
    const row = await db().kantorCabang.findUniqueOrThrow({ where: { code: KC }, select: { id: true } });
    expect(await db().auditEvent.count({ where: { entityType: "KantorCabang", entityId: row.id, action: "kantorCabang.create", actorRole: "ADMIN", kanwilId: await kanwilId("JAWA_BARAT") } })).toBe(1);

    const office = await runAction(saveMasterDataAction, {}, formData({ entity: "office", penyalur: "BRI", code: `UJI-${tag}`, name: `BRI Unit Uji ${tag}`, level: "UNIT", province: "32", timeZone: "Asia/Jakarta", kantorCabang: KC }));
    expect(office.redirect?.url).toBe("/admin/data/kantor-penyalur?tersimpan=1");
    const saved = await db().penyalurOffice.findFirstOrThrow({ where: { code: `UJI-${tag}` }, select: { defaultKantorCabangId: true } });
    expect(saved.defaultKantorCabangId).toBe(row.id);
  });

  it("bad input: field errors in Indonesian on their fields, the input kept; a taken code is said on the code", async () => {
    await signInAs(DEMO_ACCOUNTS.admin);
    const bad = await runAction(saveMasterDataAction, {}, formData({ entity: "kantorCabang", code: "kc bandung!", name: "K", kanwil: "", province: "3", timeZone: "Europe/Paris" }));
    expect(bad.result?.code).toBe("VALIDATION");
    expect(bad.result?.errors).toMatchObject({
      code: [id("adminData.master.errors.codeFormat")],
      name: [id("adminData.master.errors.nameRequired")],
      kanwil: [id("adminData.master.errors.choose")],
      province: [id("adminData.master.errors.provinceFormat")],
      timeZone: [id("adminData.master.errors.choose")],
    });
    expect(bad.result?.values).toMatchObject({ code: "kc bandung!", name: "K" });
    const taken = await runAction(saveMasterDataAction, {}, formData({ entity: "kantorCabang", code: "KC-BANDUNG-SUCI", name: "Duplikat", kanwil: "JAWA_BARAT", province: "32", timeZone: "Asia/Jakarta" }));
    expect(taken.result?.errors?.code).toEqual([id("adminData.master.errors.codeTaken")]);
  });

  it("a head-office user may not change master data", async () => {
    await signInAs(DEMO_ACCOUNTS.headOffice);
    const run = await runAction(saveMasterDataAction, {}, formData({ entity: "kanwil", code: `KW-${tag}`, name: "Kanwil Uji" }));
    expect(run.result?.code).toBe("FORBIDDEN");
  });
});

describe("moving a Kantor Cabang to another Kanwil", () => {
  it("moves its enrolments' dashboard figures in the same save, equal to a rebuild from the base tables (and so does a new time zone)", async () => {
    await signInAs(DEMO_ACCOUNTS.admin);
    const kc = await db().kantorCabang.findUniqueOrThrow({ where: { code: KC }, select: { id: true } });
    const office = await db().penyalurOffice.findFirstOrThrow({ where: { code: `UJI-${tag}` }, select: { id: true } });
    const user = await db().user.create({ data: { email: `petugas.uji.${tag.toLowerCase()}@test.lindungikur.id`, name: "Petugas Uji", role: "BANK_OFFICER", passwordHash: "x", penyalurOfficeId: office.id }, select: { id: true } });
    const officer = (await loadActor(user.id))!;
    for (let i = 0; i < 2; i++) await submittedEnrolment(officer, { kantorCabangCode: KC });
    const before = await kanwilTotals();

    const moved = await runAction(saveMasterDataAction, {}, formData({ entity: "kantorCabang", id: kc.id, name: `KC Uji ${tag}`, kanwil: "JATENG_DIY", province: "32", timeZone: "Asia/Jakarta" }));
    expect(moved.redirect?.url).toBe("/admin/data/kantor-cabang?tersimpan=1");

    const after = await kanwilTotals();
    expect(after.JAWA_BARAT).toBe(before.JAWA_BARAT! - 2);
    expect(after.JATENG_DIY).toBe((before.JATENG_DIY ?? 0) + 2);
    const cells = await client.query(`select distinct "kanwilId" from "DashEnrolmentCell" where "kantorCabangId" = $1 and enrolments <> 0`, [kc.id]);
    expect(cells.rows).toEqual([{ kanwilId: await kanwilId("JATENG_DIY") }]);

    await client.query("begin");
    try {
      const incremental = await snapshot();
      await client.query("select dash_rebuild()");
      expect(incremental).toEqual(await snapshot());
    } finally {
      await client.query("rollback");
    }
    // A new time zone re-buckets the branch's submission days: also equal to a rebuild.
    await runAction(saveMasterDataAction, {}, formData({ entity: "kantorCabang", id: kc.id, name: `KC Uji ${tag}`, kanwil: "JATENG_DIY", province: "32", timeZone: "Asia/Jayapura" }));
    await client.query("begin");
    try {
      const incremental = await snapshot();
      await client.query("select dash_rebuild()");
      expect(incremental).toEqual(await snapshot());
    } finally {
      await client.query("rollback");
    }
    await runAction(saveMasterDataAction, {}, formData({ entity: "kantorCabang", id: kc.id, name: `KC Uji ${tag}`, kanwil: "JATENG_DIY", province: "32", timeZone: "Asia/Jakarta" }));
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: kc.id, action: "kantorCabang.update" }, orderBy: { id: "asc" }, select: { before: true, after: true } });
    expect(audit).toMatchObject({ before: { kanwil: "JAWA_BARAT" }, after: { kanwil: "JATENG_DIY" } });
  });

  it("an office's new Kantor Cabang applies to new enrolments; the earlier ones keep theirs", async () => {
    await signInAs(DEMO_ACCOUNTS.admin);
    const office = await db().penyalurOffice.findFirstOrThrow({ where: { code: `UJI-${tag}` }, select: { id: true } });
    const earlier = await db().enrolment.findMany({ where: { penyalurOfficeId: office.id }, select: { kantorCabang: { select: { code: true } } } });
    await runAction(saveMasterDataAction, {}, formData({ entity: "office", id: office.id, name: `BRI Unit Uji ${tag}`, level: "UNIT", province: "32", timeZone: "Asia/Jakarta", kantorCabang: "KC-BANDUNG-SUCI" }));
    const now = await db().enrolment.findMany({ where: { penyalurOfficeId: office.id }, select: { kantorCabang: { select: { code: true } } } });
    expect(now).toEqual(earlier);
    expect(earlier.every((e) => e.kantorCabang.code === KC)).toBe(true);
  });
});

describe("retiring", () => {
  it("a Kantor Cabang still serving an office is not retired; once free it is, and the e-form no longer offers it", async () => {
    await signInAs(DEMO_ACCOUNTS.admin);
    const kcSuci = await db().kantorCabang.findUniqueOrThrow({ where: { code: "KC-BANDUNG-SUCI" }, select: { id: true } });
    const inUse = await runAction(retireMasterDataAction, {}, formData({ entity: "kantorCabang", id: kcSuci.id }));
    expect(inUse.result?.code).toBe("INVALID_STATE");
    expect(inUse.result?.message).toMatch(/Masih dipakai/);

    const kc = await db().kantorCabang.findUniqueOrThrow({ where: { code: KC }, select: { id: true } });
    const retired = await runAction(retireMasterDataAction, {}, formData({ entity: "kantorCabang", id: kc.id }));
    expect(retired.redirect?.url).toBe("/admin/data/kantor-cabang?tersimpan=1");
    expect((await db().kantorCabang.findUniqueOrThrow({ where: { id: kc.id }, select: { retiredAt: true } })).retiredAt).not.toBeNull();
    const officer = await signInAs(DEMO_ACCOUNTS.officerBri);
    const options = await enrolmentFormOptions(officer);
    expect(options?.kantorCabang.some((b) => b.id === kc.id)).toBe(false);
    // Its enrolments still name it.
    expect(await db().enrolment.count({ where: { kantorCabangId: kc.id } })).toBe(2);

    await signInAs(DEMO_ACCOUNTS.admin);
    await runAction(retireMasterDataAction, {}, formData({ entity: "kantorCabang", id: kc.id, restore: "1" }));
    expect((await db().kantorCabang.findUniqueOrThrow({ where: { id: kc.id }, select: { retiredAt: true } })).retiredAt).toBeNull();
    expect(await db().auditEvent.count({ where: { entityId: kc.id, action: { in: ["kantorCabang.retire", "kantorCabang.restore"] } } })).toBe(2);
  });
});
