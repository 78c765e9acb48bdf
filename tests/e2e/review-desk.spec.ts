/**
 * Issue #13's reviewer journey, on a phone and at a desk: the officer attaches a KTP photo and
 * submits; the reviewer sees every field and the photo, returns it asking for the NPWP card; the
 * officer attaches it and resubmits; the reviewer sees the change highlighted beside the reason and
 * approves after confirming. Axe scans every page touched on the way.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import sharp from "sharp";
import { fillEform, sendEform } from "./eform";
import { expect, freshNik, query, test } from "./fixtures";

async function axe(page: Page, what: string) {
  const serious = (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), what).toEqual([]);
}

async function photo(background: string): Promise<Buffer> {
  return sharp({ create: { width: 900, height: 560, channels: 3, background } })
    .composite([{ input: Buffer.from(`<svg width="900" height="560"><text x="40" y="120" font-size="64" fill="#fff">KARTU</text></svg>`), top: 0, left: 0 }])
    .jpeg()
    .withExif({ IFD0: { Make: "PhoneCo" } })
    .toBuffer();
}

const VIEWPORTS = [
  { name: "phone", viewport: { width: 360, height: 740 } },
  { name: "desk", viewport: { width: 1280, height: 900 } },
] as const;

for (const { name, viewport } of VIEWPORTS) {
  test.describe(name, () => {
    test.use({ viewport });
    // Four sign-ins, two uploads, a return, a correction and an approval on a shared two-core machine.
    test.setTimeout(240_000);

    test(`${name}: KTP attached → return for the NPWP → NPWP attached → the change beside the reason → approve after confirming`, async ({ page, asUser }) => {
      const fullName = `Ujang Desk ${name}`;
      const nik = freshNik("1981-02-11");

      // The officer fills the e-form and attaches the KTP photo before submitting.
      await asUser("officerBri");
      await page.goto("/pendaftaran/baru");
      await fillEform(page, { nik, fullName, plafon: "150.000.000", income: "2.500.000" });
      const documents = page.getByTestId("documents");
      await expect(documents.getByTestId("document-camera")).toHaveAttribute("capture", "environment");
      await documents.getByTestId("document-file").setInputFiles({ name: "IMG_2041.JPG", mimeType: "image/jpeg", buffer: await photo("#1d4e89") });
      await expect(documents.getByTestId("document-notice")).toHaveText("KTP terlampir.");
      await expect(documents.getByTestId("document")).toHaveCount(1);
      // A text file renamed .jpg is refused by its bytes.
      await documents.getByTestId("document-file").setInputFiles({ name: "npwp.jpg", mimeType: "image/jpeg", buffer: Buffer.from("bukan gambar") });
      await expect(documents.getByTestId("document-error")).toContainText("bukan gambar (JPEG, PNG, WebP) atau PDF menurut isinya");
      await axe(page, "e-form with a document");
      await sendEform(page);
      await expect(page).toHaveURL(/\/pendaftaran\/[0-9a-f-]{36}\?terkirim=1$/);
      const id = new URL(page.url()).pathname.split("/").pop()!;

      // The reviewer sees every field in checklist order, the NIK checks beside them, the photo inline.
      await asUser("reviewerBandung");
      await page.goto(`/tinjauan/${id}`);
      await expect(page.getByTestId("checklist-identity")).toContainText("Nama gadis ibu kandung");
      await expect(page.getByTestId("nik-check-birthDate")).toContainText("Sesuai");
      await expect(page.getByTestId("checklist-business").locator('[data-field="npwp"]')).toContainText("********");
      await expect(page.getByTestId("checklist-heir")).toContainText("Neneng Suryani");
      await expect(page.getByTestId("consent-text")).toContainText("versi pdp-bpjstk-v1");
      const ktp = page.getByTestId("review-document").filter({ hasText: "KTP" });
      await expect(ktp.getByRole("img", { name: "KTP" })).toBeVisible();
      expect(await ktp.getByRole("img", { name: "KTP" }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(900);
      await axe(page, "review page, first submission");
      await page.getByLabel("Alasan pengembalian (dibaca petugas)").fill("Lampirkan foto kartu NPWP debitur, dan periksa ahli waris.");
      await page.getByRole("button", { name: "Kembalikan ke petugas" }).click();
      await expect(page.getByTestId("review-status")).toContainText("Dikembalikan");

      // The officer attaches the NPWP card on the correction form and resubmits.
      await asUser("officerBri");
      await page.goto(`/pendaftaran/${id}/perbaiki`);
      const correction = page.getByTestId("documents");
      await expect(correction.getByTestId("document")).toHaveCount(1);
      await expect(correction.getByLabel("Jenis dokumen")).toHaveValue("NPWP");
      await correction.getByTestId("document-file").setInputFiles({ name: "npwp.jpg", mimeType: "image/jpeg", buffer: await photo("#7a1f1f") });
      await expect(correction.getByTestId("document-notice")).toHaveText("Kartu NPWP terlampir.");
      // Only what was attached after the return may be removed; the KTP the reviewer saw stays.
      await expect(correction.getByRole("button", { name: "Lepas Kartu NPWP" })).toBeVisible();
      await expect(correction.getByRole("button", { name: "Lepas KTP" })).toHaveCount(0);
      await page.getByLabel("Nama ahli waris", { exact: true }).fill("Neneng Suryani Dewi");
      await page.getByLabel("NIK sudah dicocokkan dengan KTP asli debitur").check();
      await page.getByLabel(/SLIK OJK sudah diperiksa/).check();
      await page.getByLabel("Debitur tidak sedang menerima KUR di penyalur lain").check();
      await page.getByLabel(/NPWP debitur ada/).check();
      await page.getByLabel("Debitur menyetujui teks di atas").check();
      await axe(page, "correction form");
      await sendEform(page, "Kirim perbaikan");
      await expect(page).toHaveURL(new RegExp(`/pendaftaran/${id}\\?diperbaiki=1$`));

      // The reviewer sees the reason beside what changed and the new document, then approves after confirming.
      await asUser("reviewerBandung");
      await page.goto(`/tinjauan/${id}`);
      const resubmission = page.getByTestId("resubmission");
      await expect(resubmission.getByTestId("resubmission-reason")).toContainText("Lampirkan foto kartu NPWP debitur");
      const heir = resubmission.locator('[data-field="heirName"]');
      await expect(heir).toContainText("Neneng Suryani");
      await expect(heir).toContainText("Neneng Suryani Dewi");
      await expect(resubmission.getByTestId("documents-added")).toHaveText("1 dokumen baru dilampirkan: Kartu NPWP.");
      await expect(page.getByTestId("checklist-heir").locator('[data-field="heirName"]')).toContainText("berubah");
      await expect(page.getByTestId("review-document").filter({ hasText: "Baru sejak dikembalikan" })).toContainText("Kartu NPWP");
      await axe(page, "review page, resubmission");
      await page.getByRole("button", { name: "Setujui dan terbitkan KPJ" }).click();
      const confirm = page.getByRole("alertdialog", { name: `Setujui pendaftaran ${fullName}?` });
      await confirm.getByRole("button", { name: "Ya, setujui" }).click();
      await expect(page.getByTestId("kpj")).toHaveText(/^\d{11}$/);

      const reads = await query<{ n: string }>(`select count(*) as n from "AuditEvent" where action = 'enrolment.reviewRead' and "entityId" = $1`, [id]);
      expect(Number(reads[0]!.n)).toBeGreaterThanOrEqual(2);
    });
  });
}
