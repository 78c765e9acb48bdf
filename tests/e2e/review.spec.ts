import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { PDFDocument } from "pdf-lib";
import { pdfText } from "../unit/review/pdf-text";
import { fillEform, sendEform } from "./eform";
import { expect, freshNik, query, test } from "./fixtures";

/** The officer fills the full e-form for a KUR kecil debtor (mandatory: Permenko 1/2023 Pasal 26 ayat (8)). */
async function submitKecil(page: Page, fullName: string): Promise<{ id: string; nik: string }> {
  const nik = freshNik("1979-04-23");
  await page.goto("/pendaftaran/baru");
  await fillEform(page, { nik, fullName, plafon: "175.000.000", income: "2.000.000" });
  await sendEform(page);
  await expect(page).toHaveURL(/\/pendaftaran\/[0-9a-f-]{36}\?terkirim=1$/);
  return { id: new URL(page.url()).pathname.split("/").pop()!, nik };
}

test("submit → return → correct → approve → payment → the bank may disburse → certificate → public verification; another branch sees nothing", async ({ page, asUser }) => {
  await asUser("officerBri");
  const { id, nik } = await submitKecil(page, "Asep Sunandar");
  await expect(page.getByTestId("clearance")).toContainText("Belum boleh dicairkan");

  // The reviewer returns it: a reason is required (refused on its field, focus on it), then sent.
  await asUser("reviewerBandung");
  // The menu's queue link (its name carries the waiting count; the home's figures also say "tinjauan").
  await page.getByRole("navigation", { name: "Navigasi utama" }).getByRole("link", { name: /^Tinjauan/ }).click();
  await expect(page.getByRole("heading", { name: "Antrean verifikasi" })).toBeVisible();
  // The queue is oldest first: the newest submission is on its last page (other journeys' wait before it).
  await page.goto("/tinjauan?page=9999");
  const row = page.getByTestId("queue-row").filter({ hasText: "Asep Sunandar" });
  await expect(row).toContainText("0 hari kerja");
  await row.getByRole("link", { name: "Asep Sunandar" }).click();
  await expect(page).toHaveURL(`/tinjauan/${id}`);
  await expect(page.getByTestId("decision")).toContainText("Permenko 1/2023 Pasal 26 ayat (8)");
  await expect(page.getByTestId("nik-check-birthDate")).toContainText("Sesuai");
  expect(
    (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id),
  ).toEqual([]);
  await page.getByRole("button", { name: "Kembalikan ke petugas" }).click();
  const reason = page.getByLabel("Alasan pengembalian (dibaca petugas)");
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  await expect(reason).toBeFocused();
  await reason.fill("Penghasilan per bulan tidak sesuai slip, mohon diperiksa.");
  await page.getByRole("button", { name: "Kembalikan ke petugas" }).click();
  await expect(page.getByTestId("review-status")).toContainText("Dikembalikan");

  // The officer sees the reason, corrects and resubmits (the e-form's correction page, #4).
  await asUser("officerBri");
  await page.goto(`/pendaftaran/${id}`);
  await expect(page.getByTestId("return-reason")).toContainText("Penghasilan per bulan tidak sesuai slip");
  await expect(page.getByTestId("status-history")).toContainText("Dikembalikan untuk perbaikan");
  await page.getByRole("link", { name: "Perbaiki dan kirim ulang" }).click();
  await expect(page.getByRole("heading", { name: "Perbaiki pendaftaran" })).toBeVisible();
  await page.getByLabel("Penghasilan per bulan (Rp)").fill("2.500.000");
  await page.getByLabel("NIK sudah dicocokkan dengan KTP asli debitur").check();
  await page.getByLabel(/SLIK OJK sudah diperiksa/).check();
  await page.getByLabel("Debitur tidak sedang menerima KUR di penyalur lain").check();
  await page.getByLabel(/NPWP debitur ada/).check();
  await page.getByLabel("Debitur menyetujui teks di atas").check();
  await sendEform(page, "Kirim perbaikan");
  await expect(page).toHaveURL(new RegExp(`/pendaftaran/${id}\\?diperbaiki=1$`));

  // The reviewer approves: the KPJ is issued.
  await asUser("reviewerBandung");
  await page.goto(`/tinjauan/${id}`);
  await expect(page.getByTestId("status-history")).toContainText("Diajukan ulang setelah perbaikan");
  await page.getByRole("button", { name: "Setujui dan terbitkan KPJ" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Setujui pendaftaran Asep Sunandar?" });
  await expect(confirm).toContainText("tidak dapat dibatalkan");
  await confirm.getByRole("button", { name: "Ya, setujui" }).click();
  const kpj = page.getByTestId("kpj");
  await expect(kpj).toHaveText(/^\d{11}$/);
  const kpjNumber = (await kpj.textContent())!;

  // A wrong amount is refused and names the accepted ones; the right one settles the first month.
  const [first] = await query<{ total: number }>(`select total from "ContributionLine" where "enrolmentId" = $1 order by month limit 1`, [id]);
  await page.getByLabel("Jumlah (Rp)").fill("1.000");
  await page.getByLabel("Nomor referensi").fill(`VA-E2E-${Date.now()}`);
  await page.getByRole("button", { name: "Catat pembayaran" }).click();
  await expect(page.getByLabel("Jumlah (Rp)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText(/Jumlah harus sama dengan iuran sejumlah bulan penuh/)).toBeVisible();
  await page.getByLabel("Jumlah (Rp)").fill(String(first!.total));
  await page.getByRole("button", { name: "Catat pembayaran" }).click();
  await expect(page.getByText(/Pembayaran tercatat untuk 1 bulan/)).toBeVisible();
  await expect(page.getByTestId("coverage")).toContainText("Aktif");

  // The bank sees the clearance flip at once.
  await asUser("officerBri");
  await page.goto(`/pendaftaran/${id}`);
  await expect(page.getByTestId("clearance").locator("p")).toHaveText("Boleh dicairkan");
  await expect(page.getByTestId("status-history")).toContainText("Disetujui, KPJ terbit");
  await expect(page.getByTestId("status-history")).toContainText("Iuran dibayar");

  const downloading = page.waitForEvent("download");
  await page.getByTestId("certificate-link").click();
  const pdf = await readFile((await (await downloading).path())!);
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  expect((await PDFDocument.load(pdf)).getTitle()).toContain(kpjNumber);
  const text = await pdfText(pdf);
  expect(text).toContain(kpjNumber);
  expect(text).not.toContain(nik);
  const [{ code }] = (await query<{ code: string }>(`select "verificationCode" as code from "Enrolment" where id = $1`, [id])) as [{ code: string }];
  // The address printed under the QR code (wrapped lines joined) is the verification page.
  expect(text).toContain(`/verifikasi/${code}`);

  // The QR's page, as anyone (signed out) sees it.
  await page.context().clearCookies();
  const verified = await page.goto(`/verifikasi/${code}`);
  expect(verified?.status()).toBe(200);
  await expect(page.getByTestId("verification")).toContainText("Sertifikat ini sah");
  await expect(page.getByTestId("masked-name")).toHaveText("A*** S*******");
  await expect(page.getByTestId("verification")).toContainText("Aktif");
  expect(await page.content()).not.toContain(nik);
  const unknown = await page.goto(`/verifikasi/${"x".repeat(27)}`);
  expect(unknown?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Sertifikat tidak dikenal" })).toBeVisible();

  // A reviewer of another Kantor Cabang: not in the queue, 404 by URL, no certificate.
  await asUser("reviewerSemarang");
  await page.goto("/tinjauan?status=ALL");
  await expect(page.getByRole("heading", { name: "Antrean verifikasi" })).toBeVisible();
  await expect(page.locator(`a[href="/tinjauan/${id}"]`)).toHaveCount(0);
  expect((await page.goto(`/tinjauan/${id}`))?.status()).toBe(404);
  expect((await page.request.get(`/sertifikat/${id}`)).status()).toBe(404);
});

test("bulk approval from the queue reports one result per ticked row", async ({ page, asUser }) => {
  await asUser("officerBri");
  const { id } = await submitKecil(page, "Cecep Gunawan");
  await asUser("reviewerBandung");
  // The newest submission is on the last page of the oldest-first queue.
  await page.goto("/tinjauan?page=9999");
  await page.getByLabel("Pilih Cecep Gunawan").check();
  await page.getByRole("button", { name: "Setujui yang dipilih" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Setujui 1 pendaftaran?" });
  await expect(confirm.getByTestId("bulk-confirm-names")).toHaveText("Cecep Gunawan");
  await confirm.getByRole("button", { name: "Ya, setujui 1" }).click();
  const results = page.getByTestId("bulk-results");
  await expect(results).toContainText("1 dari 1 pendaftaran disetujui.");
  await expect(results).toContainText(/Cecep Gunawan: Disetujui, KPJ \d{11}/);
  const [row] = await query<{ status: string; kpj: string }>(`select status, kpj from "Enrolment" where id = $1`, [id]);
  expect(row?.status).toBe("APPROVED");
  await expect(results).toContainText(row!.kpj);
});

test("a rejection asks first: Escape cancels and changes nothing, the open dialog passes axe, confirming rejects", async ({ page, asUser }) => {
  await asUser("officerBri");
  const { id } = await submitKecil(page, "Dedi Mulyadi");
  await asUser("reviewerBandung");
  await page.goto(`/tinjauan/${id}`);
  await page.getByLabel("Alasan penolakan").selectOption("DATA_MISMATCH");
  await page.getByLabel("Catatan penolakan").fill("Nama di KTP berbeda dengan data pinjaman.");
  const [before] = await query<{ status: string; version: number }>(`select status, version from "Enrolment" where id = $1`, [id]);
  expect(before?.status).toBe("SUBMITTED");
  const reject = page.getByRole("button", { name: "Tolak pendaftaran" });
  await reject.click();
  const dialog = page.getByRole("alertdialog", { name: "Tolak pendaftaran Dedi Mulyadi?" });
  await expect(dialog).toBeVisible();
  // Focus is inside the dialog, on the safe choice.
  await expect(dialog.getByRole("button", { name: "Batal" })).toBeFocused();
  expect(
    (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id),
  ).toEqual([]);

  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(reject).toBeFocused();
  // Nothing was posted: still waiting, same version, and what was typed is still there.
  const [row] = await query<{ status: string; version: number }>(`select status, version from "Enrolment" where id = $1`, [id]);
  expect(row).toEqual(before);
  await expect(page.getByLabel("Catatan penolakan")).toHaveValue("Nama di KTP berbeda dengan data pinjaman.");

  await reject.click();
  await dialog.getByRole("button", { name: "Ya, tolak" }).click();
  await expect(page.getByTestId("review-status")).toContainText("Ditolak");
  const [after] = await query<{ status: string }>(`select status from "Enrolment" where id = $1`, [id]);
  expect(after?.status).toBe("REJECTED");
});
