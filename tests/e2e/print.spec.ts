import { PDFDocument } from "pdf-lib";
import { expect, query, test } from "./fixtures";

/** The demo's approved enrolment (prisma/seed/review.ts): KPJ issued, a first month paid, a contribution table. */
async function approvedDemo(): Promise<string> {
  const [row] = await query<{ id: string }>(`select id from "Enrolment" where "submissionKey" = '00000000-0000-4000-8000-000000000001'`);
  return row!.id;
}

async function pagesOf(pdf: Buffer): Promise<number> {
  return (await PDFDocument.load(pdf)).getPageCount();
}

test("the enrolment record prints without the portal's chrome, on one A4 page", async ({ page, asUser }) => {
  const id = await approvedDemo();
  await asUser("officerBri");
  await page.goto(`/pendaftaran/${id}`);
  await expect(page.getByRole("navigation", { name: "Navigasi utama" })).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Navigasi utama" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Keluar" })).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByTestId("contribution")).toBeVisible();
  expect(await pagesOf(await page.pdf({ format: "A4" }))).toBe(1);
});

test("the review decision page prints the record and the decision, not the forms, on one page", async ({ page, asUser }) => {
  const id = await approvedDemo();
  await asUser("reviewerBandung");
  await page.goto(`/tinjauan/${id}`);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Navigasi utama" })).toBeHidden();
  await expect(page.getByTestId("review-actions")).toContainText("Disetujui");
  await expect(page.getByRole("button", { name: "Catat pembayaran" })).toBeHidden();
  expect(await pagesOf(await page.pdf({ format: "A4" }))).toBe(1);
});

test("a web app manifest names the portal, its colours and icons", async ({ page }) => {
  const response = await page.request.get("/manifest.webmanifest");
  expect(response.status()).toBe(200);
  const manifest = (await response.json()) as { name: string; short_name: string; theme_color: string; background_color: string; icons: { src: string }[] };
  expect(manifest.short_name).toBe("LindungiKUR");
  expect(manifest.name).toContain("BPJS Ketenagakerjaan");
  expect(manifest.theme_color).toBe("#065f46");
  expect(manifest.background_color).toBe("#f8fafc");
  for (const icon of manifest.icons) expect((await page.request.get(icon.src)).status(), icon.src).toBe(200);
  await page.goto("/masuk");
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
});
