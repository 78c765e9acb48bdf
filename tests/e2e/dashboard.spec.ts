import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/** Axe findings that block: serious and critical ones (moderate/minor are reviewed by hand). */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
}

test("the regional manager's dashboard: own Kanwil, drill-down to a branch and its offices, no serious axe findings", async ({ page, asUser }) => {
  await asUser("managerJabar");
  await page.getByRole("link", { name: "Dasbor", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Dasbor kepesertaan", level: 1 })).toBeVisible();
  await expect(page.getByTestId("dashboard-scope")).toContainText("Kanwil Jawa Barat");
  // No Kanwil filter for a regional manager: the scope is theirs.
  await expect(page.getByLabel("Kanwil", { exact: true })).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);

  // Kanwil → Kantor Cabang: the branch table's names are links that keep the filters in the URL.
  const branches = page.locator('table[data-table="kc"]');
  await expect(branches.getByRole("columnheader", { name: "Kepatuhan wajib (%)" })).toBeVisible();
  await branches.getByRole("link", { name: "KC Bandung Suci" }).click();
  await expect(page).toHaveURL(/\/dasbor\?from=\d{4}-\d\d&to=\d{4}-\d\d&kc=KC-BANDUNG-SUCI/);
  await expect(page.getByTestId("dashboard-scope")).toContainText("KC Bandung Suci");
  // Kantor Cabang → penyalur office.
  const offices = page.locator('table[data-table="office"]');
  await expect(offices.getByRole("rowheader", { name: /BRI — Kantor Cabang Bandung Asia Afrika/ })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Tingkat wilayah" }).getByRole("link", { name: "KC Bandung Suci" })).toHaveAttribute("aria-current", "page");
});

test("filters live in the URL: a bookmarked view opens with its filters chosen", async ({ page, asUser }) => {
  await asUser("managerJabar");
  await page.goto("/dasbor?from=2026-01&to=2026-12&penyalur=BRI&scheme=KECIL");
  await expect(page.getByLabel("Skema", { exact: true })).toHaveValue("KECIL");
  await expect(page.getByLabel("Penyalur", { exact: true })).toHaveValue("BRI");
  await expect(page.getByLabel("Dari bulan")).toHaveValue("2026-01");
  await expect(page.getByTestId("dashboard-scope")).toContainText("Kanwil Jawa Barat (BRI, KUR Kecil), 01/2026–12/2026");
  // Changing a filter in the form lands on a new URL.
  await page.getByLabel("Skema", { exact: true }).selectOption("MIKRO");
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(page).toHaveURL(/scheme=MIKRO/);
});

test("a regional manager cannot open another Kanwil's figures, by page or by export URL", async ({ page, asUser }) => {
  await asUser("managerJabar");
  const pageResponse = await page.goto("/dasbor?kanwil=DKI_JAKARTA");
  expect(pageResponse?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Dasbor kepesertaan");
  expect((await page.goto("/dasbor?kc=KC-SEMARANG"))?.status()).toBe(404);
  for (const query of ["kanwil=DKI_JAKARTA", "kc=KC-SEMARANG", "kanwil=JATENG_DIY&kc=KC-BANDUNG-SUCI"]) {
    const response = await page.request.get(`/dasbor/ekspor?table=detail&format=csv&${query}`);
    expect(response.status(), query).toBe(404);
  }
  // Nor can a bank officer, whatever the URL.
  await page.context().clearCookies();
  await asUser("officerBri");
  expect((await page.request.get("/dasbor/ekspor?table=kanwil&format=csv")).status()).toBe(403);
  expect((await page.goto("/dasbor"))?.status()).toBe(403);
});

test("head office sees every Kanwil, drills into one, downloads a table as CSV", async ({ page, asUser }) => {
  await asUser("headOffice");
  await page.goto("/dasbor");
  await expect(page.getByTestId("dashboard-scope")).toContainText("Nasional");
  expect(await seriousViolations(page)).toEqual([]);
  const kanwil = page.locator('table[data-table="kanwil"]');
  await kanwil.getByRole("link", { name: "Kanwil Jawa Barat" }).click();
  await expect(page).toHaveURL(/kanwil=JAWA_BARAT/);
  await expect(page.getByTestId("dashboard-scope")).toContainText("Kanwil Jawa Barat");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Unduh CSV — Pendaftaran menurut status" }).click();
  const file = await (await download).path();
  const csv = await readFile(file, "utf8");
  // The Indonesian dialect (docs/platform.md §8): semicolons, so it opens in columns.
  expect(csv.startsWith("\uFEFFStatus;Pendaftaran\r\n")).toBe(true);
  expect(csv).toMatch(/\r\nDisetujui;\d+\r\n/);
  expect((await download).suggestedFilename()).toMatch(/^dasbor-status-jawa_barat-\d{4}-\d\d_\d{4}-\d\d\.csv$/);
});

test("an administrator sets a yearly target; a bad figure is shown on its field with the input kept", async ({ page, asUser }) => {
  await asUser("admin");
  await page.getByRole("link", { name: "Target", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Target dasbor");
  await page.getByLabel("Kanwil", { exact: true }).selectOption("JAWA_BARAT");
  await page.getByLabel(/Kantor Cabang/).selectOption("KC-BANDUNG-SUCI");
  await page.getByLabel(/Target peserta/).fill("12,5");
  await page.getByLabel(/Target kepatuhan/).fill("90");
  await page.getByRole("button", { name: "Simpan target" }).click();
  const field = page.getByLabel(/Target peserta/);
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveValue("12,5");
  await expect(field).toBeFocused();
  await field.fill("1.200");
  await page.getByRole("button", { name: "Simpan target" }).click();
  await expect(page.getByRole("status")).toHaveText("Target tersimpan.");
  await expect(page.getByRole("table")).toContainText("KC Bandung Suci");
  expect(await seriousViolations(page)).toEqual([]);
});

test("figures that do not mislead: every Kanwil as a row even at zero, the month in progress marked, pending and arrears open their enrolments under the same filters", async ({ page, asUser }) => {
  await asUser("headOffice");
  await page.goto("/dasbor?penyalur=BRI");
  // All eleven Kanwil, whether they have BRI enrolments or not (the demo data has them in Jawa Barat only).
  await expect(page.locator('table[data-table="kanwil"] tbody tr')).toHaveCount(11);
  await expect(page.locator('table[data-table="kanwil"]').getByRole("rowheader", { name: "Kanwil Sulama" })).toBeVisible();
  // The month in progress says so, in the table and under the chart.
  await expect(page.locator('table[data-table="month"] tbody tr').last()).toContainText("Berjalan, data sampai");
  await expect(page.getByTestId("partial-month-note")).toBeVisible();

  // Pending: the list behind the status table's "Menunggu verifikasi", with the page's filters.
  const waiting = (await page.locator('table[data-table="status"]').getByRole("row", { name: /Menunggu verifikasi/ }).locator("td").first().innerText()).replace(/\D/g, "");
  await page.getByTestId("status-pending-link").click();
  await expect(page).toHaveURL(/\/dasbor\/pendaftaran\?from=\d{4}-\d\d&to=\d{4}-\d\d&penyalur=BRI&figure=pending/);
  await expect(page.getByRole("heading", { name: "Pendaftaran menunggu verifikasi", level: 1 })).toBeVisible();
  await expect(page.getByTestId("behind-scope")).toContainText("Nasional (BRI)");
  await expect(page.getByTestId("behind-count")).toHaveText(`${Number(waiting).toLocaleString("id-ID")} pendaftaran`);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("link", { name: "Kembali ke dasbor dengan filter yang sama" }).click();
  await expect(page).toHaveURL(/\/dasbor\?from=\d{4}-\d\d&to=\d{4}-\d\d&penyalur=BRI$/);

  // Arrears: the list behind the arrears figure.
  await page.getByTestId("kpi-arrears-link").click();
  await expect(page).toHaveURL(/figure=arrears/);
  await expect(page.getByRole("heading", { name: "Pendaftaran dengan iuran menunggak", level: 1 })).toBeVisible();
  await expect(page.getByTestId("behind-count")).toHaveText(/\d+ pendaftaran/);
});

test("a regional manager cannot list the enrolments behind another Kanwil's figures", async ({ page, asUser }) => {
  await asUser("managerJabar");
  expect((await page.goto("/dasbor/pendaftaran?figure=pending&kanwil=DKI_JAKARTA"))?.status()).toBe(404);
  expect((await page.goto("/dasbor/pendaftaran?figure=arrears&kc=KC-SEMARANG"))?.status()).toBe(404);
  const own = await page.goto("/dasbor/pendaftaran?figure=pending");
  expect(own?.status()).toBe(200);
  await expect(page.getByTestId("behind-scope")).toContainText("Kanwil Jawa Barat");
});
