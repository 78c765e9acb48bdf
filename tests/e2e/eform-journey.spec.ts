import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { fillEform } from "./eform";
import { expect, freshNik, test } from "./fixtures";

/**
 * The officer's journey on a phone and at a desk (issue #13): the live decision stays in view while
 * typing on a phone, a plafon out of its scheme's band says why, every answer is shown before the
 * final send, the confirmation quotes a short reference and says what happens next; each step has
 * no serious or critical accessibility violation.
 */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(" ")) }));
}

for (const [device, viewport] of [["a 360 × 740 phone", { width: 360, height: 740 }], ["a desk", { width: 1280, height: 900 }]] as const) {
  test.describe(`the officer's e-form journey on ${device}`, () => {
    test.use({ viewport });

    test("decision while typing, the plafon's band explained, answers checked, then a reference number and what happens next", async ({ page, asUser }) => {
      const nik = freshNik("1990-02-19");
      await asUser("officerBri");
      await page.goto("/pendaftaran/baru");
      const bar = page.getByTestId("decision-bar");
      if (viewport.width < 640) {
        await expect(bar).toBeVisible();
        await expect(bar).toContainText("Isi skema dan plafon");
      } else {
        await expect(bar).toBeHidden();
      }

      await page.getByLabel("Skema KUR").selectOption("MIKRO");
      await page.getByLabel("Plafon (Rp)").fill("150.000.000");
      // Out of the KUR Mikro band: the preview says which band, instead of a dash.
      await expect(page.getByTestId("preview-plafon")).toContainText(/Plafon KUR Mikro harus di atas Rp10\.000\.000 sampai Rp100\.000\.000/);
      if (viewport.width < 640) await expect(bar).toContainText("Plafon KUR Mikro harus");

      await fillEform(page, { nik, fullName: "Euis Jalan" });
      // A date input shows its digits in the browser's order; the day chosen is also said with its month named.
      await expect(page.getByTestId("said-birthDate")).toHaveText("19 Februari 1990");
      if (viewport.width < 640) {
        // While the officer is still at the loan fields, the decision is on screen.
        await page.getByLabel("Plafon (Rp)").focus();
        await expect(bar).toContainText("Wajib");
        await expect(bar).toBeInViewport();
      }
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByRole("button", { name: "Periksa isian" }).click();
      const check = page.getByTestId("check-answers");
      await expect(page.getByRole("heading", { name: "Periksa isian Anda" })).toBeFocused();
      await expect(check).toContainText("Euis Jalan");
      await expect(check).toContainText(nik);
      await expect(check).toContainText("KUR Kecil");
      expect(await seriousViolations(page)).toEqual([]);

      // "Ubah" goes back to the section with its first field focused; the input is all still there.
      await check.getByRole("button", { name: /Ubah Data debitur/ }).click();
      await expect(page.getByLabel("NIK", { exact: true })).toBeFocused();
      await expect(page.getByLabel("Nama lengkap sesuai KTP")).toHaveValue("Euis Jalan");

      await page.getByRole("button", { name: "Periksa isian" }).click();
      await page.getByRole("button", { name: "Kirim pendaftaran" }).click();
      await expect(page).toHaveURL(/\/pendaftaran\/[0-9a-f-]{36}\?terkirim=1$/);
      const sent = page.getByTestId("sent-confirmation");
      await expect(sent).toContainText(/Terkirim\. Nomor referensi LK-\d{6,}-\d/);
      await expect(sent).toContainText("Apa selanjutnya");
      await expect(sent).toContainText("KC Bandung Suci");
      const reference = await page.getByTestId("reference").textContent();
      expect(reference).toMatch(/^LK-\d{6,}-\d$/);
      // Developer codes are one tap away, not on the page.
      await expect(page.getByTestId("decision")).not.toContainText("@", { useInnerText: true });
      await page.getByTestId("decision-rule").getByText("Rincian teknis").click();
      await expect(page.getByTestId("decision-rule")).toContainText("@");
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}
