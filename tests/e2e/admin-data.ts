/** Master-data steps in Chromium shared by the admin journeys (admin-data.spec.ts, onboarding.spec.ts). */
import { expect, type Page } from "@playwright/test";

export const tag = () => Math.random().toString(36).slice(2, 8).toUpperCase();

/** Creates a penyalur and one office served by KC Bandung Suci through the pages; returns their names. */
export async function onboardBankOffice(page: Page): Promise<{ penyalurCode: string; officeName: string }> {
  const t = tag();
  const penyalurCode = `BANK-${t}`;
  await page.goto("/admin/data/penyalur");
  const form = page.getByRole("form", { name: "Penyalur baru" });
  await form.getByLabel("Kode").fill(penyalurCode);
  await form.getByLabel("Nama", { exact: true }).fill(`Bank Uji ${t}`);
  await form.getByLabel("Jenis").selectOption("BANK");
  await form.getByLabel("Pencairan bila debitur wajib belum terlindungi").selectOption("WARN");
  await form.getByRole("button", { name: "Simpan" }).click();
  await expect(page.getByRole("status")).toHaveText("Perubahan tersimpan.");
  await expect(page.getByRole("rowheader", { name: `Bank Uji ${t}` })).toBeVisible();

  const officeName = `Bank Uji ${t} — Cabang Dago`;
  await page.goto(`/admin/data/kantor-penyalur?penyalur=${penyalurCode}`);
  const office = page.getByRole("form", { name: "Kantor penyalur baru" });
  await office.getByLabel("Kode").fill("KC-DAGO");
  await office.getByLabel("Nama", { exact: true }).fill(officeName);
  await office.getByLabel("Tingkat").selectOption("BRANCH");
  await office.getByLabel("Provinsi").selectOption("32");
  await office.getByLabel("Zona waktu").selectOption("Asia/Jakarta");
  await office.getByLabel("Dilayani Kantor Cabang BPJS").selectOption({ label: "KC Bandung Suci" });
  await office.getByRole("button", { name: "Simpan" }).click();
  await expect(page.getByRole("status")).toHaveText("Perubahan tersimpan.");
  await expect(page.getByRole("row", { name: new RegExp(officeName) })).toContainText("KC Bandung Suci");
  return { penyalurCode, officeName };
}
