/**
 * The administrator's master data, phase rules, API keys and audit trail in Chromium (issue #12).
 * Onboarding a bank office (`onboardBankOffice`, ./admin-data.ts) is continued by its officer's
 * invitation and first enrolment in onboarding.spec.ts.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { onboardBankOffice, tag } from "./admin-data";
import { expect, query, test } from "./fixtures";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
}

test.describe("an administrator at a desk", () => {
  test("onboards a new bank office served by a Kantor Cabang; bad input is said on its field, input kept", async ({ page, asUser }) => {
    await asUser("admin");
    await page.goto("/admin/data/penyalur");
    const form = page.getByRole("form", { name: "Penyalur baru" });
    await form.getByLabel("Kode").fill("bank uji!");
    await form.getByLabel("Nama", { exact: true }).fill("B");
    await form.getByRole("button", { name: "Simpan" }).click();
    await expect(form.getByLabel("Kode")).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByText("Kode 2–40 karakter: huruf besar, angka, - atau _.")).toBeVisible();
    await expect(form.getByText("Isi nama (paling sedikit 3 karakter).")).toBeVisible();
    await expect(form.getByLabel("Kode")).toHaveValue("bank uji!");
    await expect(form.getByLabel("Kode")).toBeFocused();

    const { penyalurCode, officeName } = await onboardBankOffice(page);
    const rows = await query<{ kc: string; gate: string }>(
      `select k.code as kc, p."disbursementGate"::text as gate from "PenyalurOffice" o join "Penyalur" p on p.id = o."penyalurId"
       join "KantorCabang" k on k.id = o."defaultKantorCabangId" where p.code = $1 and o.name = $2`,
      [penyalurCode, officeName],
    );
    expect(rows).toEqual([{ kc: "KC-BANDUNG-SUCI", gate: "WARN" }]);
  });

  test("ends a phase rule and creates its successor, each after a preview of its impact", async ({ page, asUser }) => {
    await asUser("admin");
    const instrument = `Surat Deputi II No. S-${tag()}/D.II/2030 (uji e2e)`;
    await page.goto("/admin/fase");
    const form = page.getByRole("form", { name: "Aturan baru" });
    // Papua, from 2030: no other journey's debtor is in its scope.
    await form.getByLabel("Provinsi (Kantor Cabang yang melayani)").selectOption("94");
    await form.getByLabel("Berlaku mulai").fill("2030-01-01");
    // The browser draws the digits in its own order; the day is also said with its month named (issue #13).
    await expect(form.getByText("1 Januari 2030", { exact: true })).toBeVisible();
    await form.getByLabel(/^Dasar penetapan/).fill(instrument);
    await form.getByRole("button", { name: "Pratinjau dampak" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Dampak bila disimpan" })).toContainText("01/01/2030");
    await expect(form.getByLabel(/^Dasar penetapan/)).toHaveValue(instrument);
    await form.getByRole("button", { name: "Simpan aturan" }).click();
    await expect(page.getByRole("status").first()).toContainText("Aturan tersimpan.");

    const row = page.getByRole("row", { name: new RegExp(instrument.replace(/[.()/]/g, "\\$&")) });
    await row.getByRole("link", { name: /^Akhiri:/ }).click();
    const end = page.getByRole("form", { name: /^Akhiri aturan/ });
    await end.getByLabel("Hari terakhir berlaku").fill("2029-12-31");
    await end.getByRole("button", { name: "Akhiri aturan" }).click();
    await expect(end.getByText("Hari terakhir tidak boleh sebelum tanggal mulai.")).toBeVisible();
    await end.getByLabel("Hari terakhir berlaku").fill("2030-06-30");
    await end.getByRole("button", { name: "Akhiri aturan" }).click();
    await expect(page.getByRole("status").first()).toHaveText("Aturan diakhiri. Buat penggantinya bila perlu.");

    await row.getByRole("link", { name: /^Buat pengganti:/ }).click();
    const successor = page.getByRole("form", { name: "Aturan pengganti" });
    await expect(successor.getByLabel("Berlaku mulai")).toHaveValue("2030-07-01");
    await expect(successor.getByText("1 Juli 2030", { exact: true })).toBeVisible();
    await successor.getByLabel(/^Dasar penetapan/).fill(`${instrument} — pengganti`);
    await successor.getByRole("button", { name: "Pratinjau dampak" }).click();
    await successor.getByRole("button", { name: "Simpan aturan" }).click();
    await expect(page.getByRole("status").first()).toContainText("Aturan tersimpan.");
    const rules = await query<{ start: string; end: string | null; replaces: boolean }>(
      `select to_char("startDate", 'YYYY-MM-DD') as start, to_char("endDate", 'YYYY-MM-DD') as end, "replacesId" is not null as replaces
       from "PhaseRule" where "legalInstrument" like $1 order by "startDate"`,
      [`${instrument}%`],
    );
    expect(rules).toEqual([{ start: "2030-01-01", end: "2030-06-30", replaces: false }, { start: "2030-07-01", end: null, replaces: true }]);
  });

  test("revokes an API key, and /api/v1/quotes refuses it", async ({ page, asUser, request }) => {
    await asUser("admin");
    await page.goto("/admin/kunci-api");
    const form = page.getByRole("form", { name: "Buat kunci baru" });
    const name = `LOS BNI e2e ${tag()}`;
    await form.getByLabel("Penyalur").selectOption({ label: "BNI" });
    await form.getByLabel("Nama kunci").fill(name);
    await form.getByRole("button", { name: "Buat kunci" }).click();
    const key = await page.getByTestId("shown-key").inputValue();
    expect(key).toMatch(/^lk_/);
    const quote = () =>
      request.post("/api/v1/quotes", { headers: { Authorization: `Bearer ${key}` }, data: { scheme: "KECIL", plafon: 150_000_000, declaredIncome: 3_000_000, jht: true, sector: "OTHER" } });
    expect((await quote()).status()).toBe(200);

    await page.reload();
    await expect(page.getByTestId("shown-key")).toHaveCount(0);
    const row = page.getByRole("row", { name: new RegExp(name) });
    await row.getByRole("button", { name: /^Cabut:/ }).click();
    await expect(page.getByRole("status").first()).toHaveText("Kunci dicabut: permintaan berikutnya dengan kunci itu ditolak.");
    await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Dicabut");
    expect((await quote()).status()).toBe(401);
  });
});

const ADMIN_PAGES = ["/admin/data", "/admin/data/kanwil", "/admin/data/kantor-cabang", "/admin/data/penyalur", "/admin/data/kantor-penyalur", "/admin/data/provinsi", "/admin/fase", "/admin/kunci-api", "/admin/audit"];

for (const viewport of [{ width: 360, height: 740 }, { width: 1280, height: 900 }]) {
  test.describe(`every page added, ${viewport.width} px wide, with axe-core`, () => {
    test.use({ viewport });

    for (const path of ADMIN_PAGES) {
      test(`${path} (administrator) has no serious or critical violations`, async ({ page, asUser }) => {
        await asUser("admin");
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        expect(await seriousViolations(page)).toEqual([]);
      });
    }

    test("/admin/fase with field errors has no serious or critical violations", async ({ page, asUser }) => {
      await asUser("admin");
      await page.goto("/admin/fase");
      await page.getByRole("button", { name: "Pratinjau dampak" }).click();
      await expect(page.getByText("Isi tanggal mulai berlaku.")).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test("a Kanwil manager sees the audit trail of its Kanwil and no administration page", async ({ page, asUser }) => {
      await asUser("managerJabar");
      await page.goto("/admin/audit");
      await expect(page.getByText("Cakupan: peristiwa di Kanwil Anda.")).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      const forbidden = await page.goto("/admin/fase");
      expect(forbidden?.status()).toBe(403);
    });
  });
}
