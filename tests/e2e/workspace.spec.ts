import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, query, test } from "./fixtures";

/** A seeded BRI enrolment (prisma/seed/demo.ts): Siti Aminah, Bank BRI Bandung Asia Afrika. */
const SITI = { name: "Siti Aminah", nik: "3273014507900002", masked: "3273********0002" };

/** Axe findings that block: serious and critical ones (moderate/minor are reviewed by hand). */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
}

test.describe("the officer's workspace on a 360 px phone", () => {
  test.use({ viewport: { width: 360, height: 780 } });

  test("searching by name finds the debtor, and every NIK in the list is masked (UU 27/2022)", async ({ page, asUser }) => {
    await asUser("officerBri");
    await page.getByRole("link", { name: "Pendaftaran", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Pendaftaran", level: 1 })).toBeVisible();

    // Before the search the list already holds the office's enrolments, all masked.
    const table = page.getByRole("table");
    await expect(table).toBeVisible();
    await expect(table).not.toContainText(/\d{16}/);

    // Case-insensitive part of the name, submitted from the keyboard.
    const search = page.getByLabel("Cari NIK atau nama");
    await search.fill("aminah");
    await search.press("Enter");
    await expect(page).toHaveURL(/\/pendaftaran\?(.*&)?q=aminah/);

    const count = page.getByTestId("result-count");
    await expect(count).toHaveText("1 pendaftaran ditemukan");
    await expect(count).toHaveAttribute("role", "status");
    await expect(table.getByRole("row")).toHaveCount(2); // header + one debtor
    await expect(table.getByRole("link", { name: SITI.name })).toBeVisible();
    await expect(table.getByText(SITI.masked, { exact: true })).toBeVisible();
    await expect(page.getByText(SITI.nik)).toHaveCount(0);
    await expect(page.getByLabel("Cari NIK atau nama")).toHaveValue("aminah");

    // Only the table scrolls sideways; the page itself fits 360 px.
    const pageFits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(pageFits).toBe(true);
    // The filters stack in one column.
    const status = await page.getByLabel("Status", { exact: true }).boundingBox();
    const scheme = await page.getByLabel("Skema", { exact: true }).boundingBox();
    expect(scheme!.y).toBeGreaterThan(status!.y + status!.height - 1);

    // Pagination says where we are and marks the current page.
    const pages = page.getByRole("navigation", { name: "Halaman daftar pendaftaran" });
    await expect(pages).toContainText("Halaman 1 dari 1");
    await expect(pages.getByRole("link", { name: "Halaman 1" })).toHaveAttribute("aria-current", "page");

    // The search also finds by the NIK's last 4 digits; the URL can be bookmarked and reloaded.
    await page.goto(`/pendaftaran?q=${SITI.nik.slice(12)}`);
    await expect(page.getByRole("table").getByRole("link", { name: SITI.name })).toBeVisible();
  });

  test("sorting by a column header is announced with aria-sort and kept in the URL", async ({ page, asUser }) => {
    await asUser("officerBri");
    await page.goto("/pendaftaran");
    const nameHeader = page.getByRole("columnheader", { name: "Nama", exact: true });
    await expect(nameHeader).not.toHaveAttribute("aria-sort", /.+/);
    await expect(page.getByRole("columnheader", { name: "Diajukan", exact: true })).toHaveAttribute("aria-sort", "descending");
    await nameHeader.getByRole("link").click();
    await expect(page).toHaveURL(/sort=name/);
    await expect(page.getByRole("columnheader", { name: "Nama", exact: true })).toHaveAttribute("aria-sort", "ascending");
    await page.getByRole("columnheader", { name: "Nama", exact: true }).getByRole("link").click();
    await expect(page).toHaveURL(/sort=name&dir=desc/);
    await expect(page.getByRole("columnheader", { name: "Nama", exact: true })).toHaveAttribute("aria-sort", "descending");
  });

  test("the list page has no serious or critical accessibility violations (axe-core)", async ({ page, asUser }) => {
    await asUser("officerBri");
    await page.goto("/pendaftaran");
    await expect(page.getByRole("table")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    // The empty state, after a search that finds nothing.
    await page.goto("/pendaftaran?q=tidak+ada+nama+seperti+ini");
    await expect(page.getByTestId("result-count")).toHaveText(/Tidak ada pendaftaran/);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test("another bank's officer does not find a BRI debtor, not even by the exact NIK", async ({ page, asUser }) => {
  await asUser("officerBni");
  await page.goto(`/pendaftaran?q=${SITI.nik}`);
  await expect(page.getByTestId("result-count")).toHaveText(/Tidak ada pendaftaran/);
  await expect(page.getByRole("table")).toHaveCount(0);
  await page.goto(`/pendaftaran?q=${encodeURIComponent(SITI.name)}`);
  await expect(page.getByTestId("result-count")).toHaveText(/Tidak ada pendaftaran/);
});

test("a reviewer's workspace, with axe-core, at desktop width", async ({ page, asUser }) => {
  await asUser("reviewerBandung");
  await page.goto("/pendaftaran");
  await expect(page.getByRole("columnheader", { name: "Kantor penyalur", exact: true })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("a broken or stale query string shows the default list instead of an error", async ({ page, asUser }) => {
  await asUser("officerBri");
  const response = await page.goto("/pendaftaran?page=abc&status=NOPE&sort=participant.nik&dir=up&from=2026-02-30&q=");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Pendaftaran", level: 1 })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Diajukan", exact: true })).toHaveAttribute("aria-sort", "descending");
  const [{ n } = { n: 0 }] = await query<{ n: number }>(
    `select count(*)::int as n from "Enrolment" e join "PenyalurOffice" o on o.id = e."penyalurOfficeId"
     join "Penyalur" p on p.id = o."penyalurId" where p.code = 'BRI' and o.code = 'BRI-BDG-AA'`,
  );
  const expected = n === 1 ? "1 pendaftaran ditemukan" : `${new Intl.NumberFormat("id-ID").format(n)} pendaftaran ditemukan`;
  await expect(page.getByTestId("result-count")).toHaveText(expected);
});
