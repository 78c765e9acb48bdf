/**
 * Regencies and cities as master data in Chromium (/admin/data/kabupaten-kota, issue #12,
 * docs/decisions/0014 §1): found by province or by name, added with bad input said on its field,
 * renamed, retired and brought back; axe-scanned on a phone and at a desk.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, query, test } from "./fixtures";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
}

/** A Jawa Barat regency code no row uses yet (the seeded ones are 01–18 and 71–79), from `from` up. */
async function freeRegencyCode(from: number): Promise<string> {
  const used = new Set((await query<{ code: string }>(`select code from "Regency" where "provinceCode" = '32'`)).map((r) => r.code));
  for (let n = from; n < from + 20; n++) if (!used.has(`32${n}`)) return `32${n}`;
  throw new Error("no free regency code in 32");
}

for (const [device, viewport] of [["a phone (360 × 740)", { width: 360, height: 740 }], ["a desk", { width: 1280, height: 800 }]] as const) {
  test.describe(`regencies on ${device}`, () => {
    test.use({ viewport });

    test("an administrator finds, adds, renames, retires and brings back a regency; bad input is said on its field", async ({ page, asUser }) => {
      await asUser("admin");
      await page.goto("/admin/data");
      await page.getByRole("link", { name: /Kelola\s*: Kabupaten\/kota/ }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kabupaten/kota");
      await expect(page.getByText("Pilih provinsi atau cari nama/kode kabupaten/kota.")).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);

      const search = page.getByRole("search", { name: "Cari kabupaten/kota" });
      await search.getByLabel("Provinsi").selectOption("32");
      await search.getByRole("button", { name: "Saring" }).click();
      await expect(page).toHaveURL(/provinsi=32/);
      await expect(page.getByRole("rowheader", { name: "Kota Bandung", exact: true })).toBeVisible();
      await search.getByLabel("Nama atau kode").fill("sumedang");
      await search.getByRole("button", { name: "Saring" }).click();
      await expect(page.getByRole("rowheader")).toHaveText(["Kabupaten Sumedang"]);

      // Bad input first: each error on its field, in Indonesian, the input kept, the first focused.
      const form = page.getByRole("form", { name: "Kabupaten/kota baru" });
      await expect(form.getByLabel("Provinsi")).toHaveValue("32");
      await form.getByLabel("Provinsi").selectOption("33");
      await form.getByLabel("Kode").fill("3299");
      await form.getByLabel("Nama", { exact: true }).fill("K");
      await form.getByRole("button", { name: "Simpan" }).click();
      await expect(form.getByText("Dua angka pertama kode harus sama dengan kode provinsi yang dipilih.")).toBeVisible();
      await expect(form.getByText("Isi nama (paling sedikit 3 karakter).")).toBeVisible();
      await expect(form.getByLabel("Kode")).toHaveAttribute("aria-invalid", "true");
      await expect(form.getByLabel("Kode")).toHaveValue("3299");
      await expect(form.getByLabel("Kode")).toBeFocused();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `test-results/regency-errors-${viewport.width}.png`, fullPage: true });

      // The two devices run side by side: each its own range.
      const code = await freeRegencyCode(viewport.width < 400 ? 30 : 50);
      const name = `Kabupaten Uji ${code}`;
      await form.getByLabel("Provinsi").selectOption("32");
      await form.getByLabel("Kode").fill(code);
      await form.getByLabel("Nama", { exact: true }).fill(name);
      await form.getByRole("button", { name: "Simpan" }).click();
      await expect(page.getByRole("status")).toHaveText("Perubahan tersimpan.");
      await expect(page).toHaveURL(/provinsi=32/);
      await expect(page.getByRole("table", { name: "Kabupaten/kota di Jawa Barat, termasuk yang dipensiunkan" }).getByRole("row", { name: new RegExp(name) })).toContainText(code);

      await page.getByRole("link", { name: `Ubah: ${name}` }).click();
      const edit = page.getByRole("form", { name: `Ubah kabupaten/kota: ${name}` });
      await expect(edit.getByLabel("Kode")).toHaveValue(code);
      await edit.getByLabel("Nama", { exact: true }).fill(`${name} Raya`);
      await edit.getByRole("button", { name: "Simpan" }).click();
      await expect(page.getByRole("status")).toHaveText("Perubahan tersimpan.");
      await expect(page.getByRole("rowheader", { name: `${name} Raya` })).toBeVisible();

      await page.getByRole("button", { name: `Pensiunkan: ${name} Raya` }).click();
      await expect(page.getByRole("row", { name: new RegExp(`${name} Raya`) })).toContainText("Dipensiunkan");
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `test-results/regency-list-${viewport.width}.png`, fullPage: true });
      await page.getByRole("button", { name: `Aktifkan lagi: ${name} Raya` }).click();
      await expect(page.getByRole("button", { name: `Pensiunkan: ${name} Raya` })).toBeVisible();

      const events = await query<{ action: string }>(`select action from "AuditEvent" where "entityType" = 'Regency' and "entityId" = $1 order by id`, [code]);
      expect(events.map((e) => e.action)).toEqual(["regency.create", "regency.update", "regency.retire", "regency.restore"]);
    });
  });
}
