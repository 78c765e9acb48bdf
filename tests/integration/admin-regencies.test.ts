/**
 * Regencies and cities as master data (/admin/data/kabupaten-kota, docs/decisions/0014 §1): seeded
 * from Kemendagri's list without overwriting an administrator's edits, created, renamed, retired and
 * brought back through the master-data action with an audit row in the same transaction; a province
 * is not retired while a regency of it is in service; field errors in Indonesian on their fields.
 */
import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { retireMasterDataAction, saveMasterDataAction } from "@/lib/admin/masterdata/actions";
import { listRegencies } from "@/lib/admin/masterdata/data";
import { translator } from "@/lib/i18n/translator";
import { seedReference } from "@/prisma/seed/reference";
import { REGENCIES } from "@/prisma/seed/regencies";
import { formData, runAction, signInAs } from "../support/actions";
import { DEMO_ACCOUNTS } from "../support/db";

vi.mock("@/lib/auth/session", () => import("../support/actions").then((m) => m.sessionStub()));
vi.mock("next/headers", () => import("../support/actions").then((m) => m.headersStub()));
vi.mock("next-intl/server", () => import("../support/actions").then((m) => m.intlStub()));
vi.mock("next/cache", () => import("../support/actions").then((m) => m.cacheStub()));

const id = translator("id");

afterAll(async () => {
  await db().$disconnect();
});

/** A two-digit number no row of `table` uses yet, from `from` upwards. */
async function freeCode(prefix: string, from: number, taken: () => Promise<string[]>): Promise<string> {
  const used = new Set(await taken());
  for (let n = from; n < 100; n++) {
    const code = `${prefix}${String(n).padStart(2, "0")}`;
    if (!used.has(code)) return code;
  }
  throw new Error("no free code");
}
const regencyCodes = async () => (await db().regency.findMany({ select: { code: true } })).map((r) => r.code);
const audits = (entityId: string, action: string) => db().auditEvent.count({ where: { entityType: "Regency", entityId, action, actorRole: "ADMIN" } });

describe("regencies as master data", () => {
  it("are seeded from Kemendagri's list, and seeding again adds nothing and keeps an administrator's rename", async () => {
    const seeded = await db().regency.findMany({ where: { code: { in: REGENCIES.map(([c]) => c) } }, select: { code: true, provinceCode: true } });
    expect(seeded).toHaveLength(REGENCIES.length);
    expect(seeded.every((r) => r.code.startsWith(r.provinceCode))).toBe(true);
    expect(await db().regency.findUnique({ where: { code: "3273" }, select: { name: true } })).toEqual({ name: "Kota Bandung" });

    await db().regency.update({ where: { code: "3273" }, data: { name: "Kota Bandung (uji)" } });
    const before = await db().regency.count();
    await seedReference(db());
    expect(await db().regency.count()).toBe(before);
    expect((await db().regency.findUniqueOrThrow({ where: { code: "3273" } })).name).toBe("Kota Bandung (uji)");
    await db().regency.update({ where: { code: "3273" }, data: { name: "Kota Bandung" } });
  });

  it("one is created, renamed, retired and brought back, each with its audit row; the list finds it by province and by name", async () => {
    await signInAs(DEMO_ACCOUNTS.admin);
    const code = await freeCode("32", 20, regencyCodes);
    const created = await runAction(saveMasterDataAction, {}, formData({ entity: "regency", province: "32", code, name: "Kabupaten Uji Baru" }));
    expect(created.redirect?.url).toBe("/admin/data/kabupaten-kota?provinsi=32&tersimpan=1");
    expect(await db().regency.findUniqueOrThrow({ where: { code }, select: { provinceCode: true, name: true, retiredAt: true } })).toEqual({ provinceCode: "32", name: "Kabupaten Uji Baru", retiredAt: null });
    expect(await audits(code, "regency.create")).toBe(1);
    expect((await listRegencies({ province: "32" })).map((r) => r.code)).toContain(code);
    expect((await listRegencies({ search: "uji baru" })).map((r) => r.code)).toEqual([code]);

    // Editing renames only: the province stays the code's.
    const renamed = await runAction(saveMasterDataAction, {}, formData({ entity: "regency", id: code, name: "Kabupaten Uji Lama" }));
    expect(renamed.redirect?.url).toBe("/admin/data/kabupaten-kota?provinsi=32&tersimpan=1");
    const event = await db().auditEvent.findFirstOrThrow({ where: { entityType: "Regency", entityId: code, action: "regency.update" }, select: { before: true, after: true } });
    expect(event).toEqual({ before: { name: "Kabupaten Uji Baru" }, after: { name: "Kabupaten Uji Lama" } });

    const retired = await runAction(retireMasterDataAction, {}, formData({ entity: "regency", id: code }));
    expect(retired.redirect?.url).toBe("/admin/data/kabupaten-kota?provinsi=32&tersimpan=1");
    expect((await db().regency.findUniqueOrThrow({ where: { code } })).retiredAt).not.toBeNull();
    expect(await audits(code, "regency.retire")).toBe(1);
    // Retired twice is a conflict, and writes no second audit row.
    const again = await runAction(retireMasterDataAction, {}, formData({ entity: "regency", id: code }));
    expect(again.result?.code).toBe("CONFLICT");
    expect(await audits(code, "regency.retire")).toBe(1);

    await runAction(retireMasterDataAction, {}, formData({ entity: "regency", id: code, restore: "1" }));
    expect((await db().regency.findUniqueOrThrow({ where: { code } })).retiredAt).toBeNull();
    expect(await audits(code, "regency.restore")).toBe(1);
  });

  it("bad input is said on its field in Indonesian, the input kept; a taken code writes nothing, not even an audit row", async () => {
    await signInAs(DEMO_ACCOUNTS.admin);
    const bad = await runAction(saveMasterDataAction, {}, formData({ entity: "regency", province: "", code: "32A0", name: "K" }));
    expect(bad.result?.code).toBe("VALIDATION");
    expect(bad.result?.errors).toMatchObject({
      code: [id("adminData.master.errors.regencyCodeFormat")],
      name: [id("adminData.master.errors.nameRequired")],
    });
    expect(bad.result?.values).toMatchObject({ code: "32A0", name: "K" });
    expect(id("adminData.master.errors.regencyCodeFormat")).toMatch(/empat angka/);

    const noProvince = await runAction(saveMasterDataAction, {}, formData({ entity: "regency", province: "", code: "3250", name: "Kabupaten Uji" }));
    expect(noProvince.result?.errors).toMatchObject({ province: [id("adminData.master.errors.choose")] });
    const mismatch = await runAction(saveMasterDataAction, {}, formData({ entity: "regency", province: "33", code: "3250", name: "Kabupaten Uji" }));
    expect(mismatch.result?.errors).toMatchObject({ code: [id("adminData.master.errors.regencyCodeProvince")] });
    const city70 = await runAction(saveMasterDataAction, {}, formData({ entity: "regency", province: "32", code: "3270", name: "Kota Uji" }));
    expect(city70.result?.errors).toMatchObject({ code: [id("adminData.master.errors.regencyCodeFormat")] });

    const auditRows = await db().auditEvent.count({ where: { entityType: "Regency" } });
    const taken = await runAction(saveMasterDataAction, {}, formData({ entity: "regency", province: "32", code: "3273", name: "Kota Bandung Kedua" }));
    expect(taken.result?.errors?.code).toEqual([id("adminData.master.errors.codeTaken")]);
    expect((await db().regency.findUniqueOrThrow({ where: { code: "3273" } })).name).toBe("Kota Bandung");
    expect(await db().auditEvent.count({ where: { entityType: "Regency" } })).toBe(auditRows);
  });

  it("a province is not retired while a regency of it is in service; once its regencies are retired it is", async () => {
    await signInAs(DEMO_ACCOUNTS.admin);
    const province = await freeCode("", 40, async () => (await db().province.findMany({ select: { code: true } })).map((p) => p.code));
    await runAction(saveMasterDataAction, {}, formData({ entity: "province", code: province, name: "Provinsi Uji", kanwil: "KALIMANTAN", timeZone: "Asia/Pontianak" }));
    await runAction(saveMasterDataAction, {}, formData({ entity: "regency", province, code: `${province}01`, name: "Kabupaten Uji Satu" }));

    const inUse = await runAction(retireMasterDataAction, {}, formData({ entity: "province", id: province }));
    expect(inUse.result?.code).toBe("INVALID_STATE");
    expect(inUse.result?.message).toMatch(/Masih dipakai/);
    expect((await db().province.findUniqueOrThrow({ where: { code: province } })).retiredAt).toBeNull();

    await runAction(retireMasterDataAction, {}, formData({ entity: "regency", id: `${province}01` }));
    const retired = await runAction(retireMasterDataAction, {}, formData({ entity: "province", id: province }));
    expect(retired.redirect?.url).toBe("/admin/data/provinsi?tersimpan=1");
    // A retired province is offered for no new regency.
    const onRetired = await runAction(saveMasterDataAction, {}, formData({ entity: "regency", province, code: `${province}02`, name: "Kabupaten Uji Dua" }));
    expect(onRetired.result?.errors).toMatchObject({ province: [id("adminData.master.errors.chooseLive")] });
  });

  it("a head-office user may not add a regency", async () => {
    await signInAs(DEMO_ACCOUNTS.headOffice);
    const run = await runAction(saveMasterDataAction, {}, formData({ entity: "regency", province: "32", code: "3269", name: "Kabupaten Uji" }));
    expect(run.result?.code).toBe("FORBIDDEN");
    expect(await db().regency.findUnique({ where: { code: "3269" } })).toBeNull();
  });
});
