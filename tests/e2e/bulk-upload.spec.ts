import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, freshNik, query, test } from "./fixtures";

/** Axe findings that block: serious and critical ones. */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(" ")) }));
}

const pad = (n: number) => String(n).padStart(2, "0");
function dmyInDays(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/**
 * A file in the published template's columns (its header and example row, as downloaded from the
 * page), with one row per loan: the example changed to a fresh NIK and loan number, and `bad` rows
 * with a NIK that cannot be one.
 */
function fileFrom(template: string, loans: { loan: string; nik: string }[]): string {
  const [header, example] = template.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
  const columns = header!.split(";");
  const at = (name: string) => columns.indexOf(name);
  const lines = loans.map(({ loan, nik }) => {
    const cells = example!.split(";");
    cells[at("NIK")] = nik;
    // Not the example's "Siti Aminah": other journeys search the workspace for her by name.
    cells[at("Nama lengkap sesuai KTP")] = "Rina Unggahan";
    cells[at("Jenis kelamin (L/P)")] = "L";
    cells[at("Nomor permohonan pinjaman")] = loan;
    cells[at("Rencana tanggal pencairan")] = dmyInDays(7);
    return cells.join(";");
  });
  return "\uFEFF" + [header, ...lines].join("\r\n") + "\r\n";
}

for (const device of [
  { name: "phone", viewport: { width: 360, height: 740 } },
  { name: "desk", viewport: { width: 1280, height: 800 } },
]) {
  test.describe(`bulk upload on a ${device.name}`, () => {
    test.use({ viewport: device.viewport });

    test("an officer uploads a file with an error, downloads the error report, fixes the row, commits, and sees the enrolments in the workspace", async ({ page, asUser }, testInfo) => {
      test.setTimeout(120_000);
      await asUser("officerBri");
      await page.getByRole("navigation", { name: /menu|navigasi/i }).getByRole("link", { name: "Unggah berkas (CSV/XLSX)" }).click();
      // Generous waits: uploads and jobs on the shared 2-core machine take seconds, not milliseconds.
      await expect(page.getByRole("heading", { name: "Unggah berkas pendaftaran", level: 1 })).toBeVisible({ timeout: 30_000 });
      expect(await seriousViolations(page)).toEqual([]);

      const templateDownload = page.waitForEvent("download");
      await page.getByRole("link", { name: "Templat CSV" }).click();
      const template = await readFile((await (await templateDownload).path())!, "utf8");

      const tag = `E2E-${device.name.toUpperCase()}-${Date.now().toString(36).toUpperCase()}`;
      const good = [{ loan: `${tag}-1`, nik: freshNik("1985-08-17") }, { loan: `${tag}-2`, nik: freshNik("1985-08-17") }];
      const bad = { loan: `${tag}-3`, nik: "12345" };
      await page.getByLabel("Berkas CSV atau XLSX").setInputFiles({ name: "debitur.csv", mimeType: "text/csv", buffer: Buffer.from(fileFrom(template, [...good, bad])) });
      await page.getByRole("button", { name: "Unggah dan periksa" }).click();

      // The validation runs as a job; the page shows its progress and then the counts, also after a reload.
      await expect(page).toHaveURL(/\/pendaftaran\/unggah\/[0-9a-f-]{36}$/, { timeout: 60_000 });
      await page.reload();
      await expect(page.getByTestId("bulk-status")).toHaveText("Sudah diperiksa", { timeout: 60_000 });
      const counts = page.getByTestId("bulk-counts");
      await expect(counts).toContainText("Baris valid (pendaftaran baru)2");
      await expect(counts).toContainText("Baris dengan kesalahan1");
      expect(await seriousViolations(page)).toEqual([]);

      // The error report: the template's columns plus Kesalahan, the bad row only.
      const reportDownload = page.waitForEvent("download");
      await page.getByTestId("bulk-report").click();
      const report = await readFile((await (await reportDownload).path())!, "utf8");
      const lines = report.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
      expect(lines[0]).toBe(template.replace(/^\uFEFF/, "").split("\r\n")[0] + ";Kesalahan");
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain(bad.loan);
      expect(lines[1]).toMatch(/Baris 4 — NIK: /);

      // Fix the row in the report and upload the report itself (its error column is ignored).
      const fixedNik = freshNik("1985-08-17");
      const fixed = report.replace(`\r\n${bad.nik};`, `\r\n${fixedNik};`);
      await page.goto("/pendaftaran/unggah");
      await page.getByLabel("Berkas CSV atau XLSX").setInputFiles({ name: "debitur-kesalahan.csv", mimeType: "text/csv", buffer: Buffer.from(fixed) });
      await page.getByRole("button", { name: "Unggah dan periksa" }).click();
      await expect(page.getByTestId("bulk-status")).toHaveText("Sudah diperiksa", { timeout: 60_000 });
      await expect(page.getByTestId("bulk-counts")).toContainText("Baris valid (pendaftaran baru)1");
      await page.getByRole("button", { name: "Simpan 1 pendaftaran" }).click();
      await page.getByRole("alertdialog").getByRole("button", { name: "Simpan 1 pendaftaran" }).click();
      await expect(page.getByTestId("bulk-status")).toHaveText("Tersimpan", { timeout: 60_000 });

      // And the first file's two valid rows.
      await page.goto("/pendaftaran/unggah");
      await page.getByTestId("bulk-uploads").getByRole("link", { name: "debitur.csv" }).first().click();
      await page.getByRole("button", { name: "Simpan 2 pendaftaran" }).click();
      await page.getByRole("alertdialog").getByRole("button", { name: "Simpan 2 pendaftaran" }).click();
      await expect(page.getByTestId("bulk-status")).toHaveText("Tersimpan", { timeout: 60_000 });
      await expect(page.getByRole("status").filter({ hasText: "2 pendaftaran tersimpan" })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: testInfo.outputPath(`bulk-${device.name}.png`), fullPage: true });

      await page.getByRole("link", { name: "Lihat di daftar pendaftaran" }).click();
      await expect(page.getByRole("heading", { name: "Pendaftaran", level: 1 })).toBeVisible({ timeout: 30_000 });
      // The workspace finds each of them by its loan number.
      for (const loan of [good[0]!.loan, bad.loan]) {
        await page.getByLabel("Cari NIK atau nama").fill(loan);
        await page.getByLabel("Cari NIK atau nama").press("Enter");
        await expect(page.getByTestId("result-count")).toHaveText("1 pendaftaran ditemukan", { timeout: 30_000 });
      }

      const stored = await query<{ n: string }>(`select count(*)::text as n from "Enrolment" where "loanNumber" like $1`, [`${tag}-%`]);
      expect(stored[0]!.n).toBe("3");
    });
  });
}
