import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { fillDebtor, fillEform, fillLoanAndCover, sendEform, uniqueLoanNumber } from "./eform";
import { expect, freshNik, query, test } from "./fixtures";

/** Seeded (prisma/seed/demo.ts): Dedi Kurniawan, enrolled by BNI, status SUBMITTED. */
const DEDI = { nik: "3273013011750003", name: "Dedi Kurniawan" };
/** Seeded: Rina Wulandari, enrolled by BRI and returned by the Bandung reviewer with a reason. */
const RINA = { name: "Rina Wulandari", reason: /Penghasilan yang dilaporkan tidak sesuai/ };

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
}

const submit = (page: Page) => sendEform(page);

test("a NIK registered through another penyalur is reused unseen: the bank learns it exists and confirms the debtor's name, nothing more (docs/decisions/0012-nik-lookup-disclosure.md)", async ({ page, asUser }) => {
  const [before] = await query<{ updatedAt: Date; phone: string }>(`select "updatedAt", phone from "Participant" where nik = $1`, [DEDI.nik]);
  await asUser("officerBri");
  await page.goto("/pendaftaran/baru");
  await fillEform(page, { nik: DEDI.nik, existingParticipant: true, scheme: "MIKRO", plafon: "40.000.000" });

  const registered = page.getByTestId("registered-elsewhere");
  await expect(registered).toContainText("NIK ini sudah terdaftar sebagai peserta");
  for (const secret of [DEDI.name, "30/11/1975", before!.phone.slice(-4), "BNI"]) await expect(page.locator("form", { has: registered })).not.toContainText(secret);
  await expect(page.getByLabel("Nama lengkap sesuai KTP")).toHaveCount(0);
  await expect(page.getByTestId("other-penyalur")).toHaveCount(0);

  const name = page.getByLabel("Nama lengkap yang disebutkan debitur");
  await name.fill("Dedi Kurniawati");
  await page.getByRole("button", { name: "Cocokkan nama" }).click();
  await expect(page.getByTestId("name-confirm-status")).toHaveText(/tidak cocok/);
  await name.fill("dedi  kurniawan");
  await page.getByRole("button", { name: "Cocokkan nama" }).click();
  await expect(page.getByTestId("name-confirm-status")).toHaveText("Nama cocok dengan data peserta.");

  await submit(page);
  await expect(page).toHaveURL(/\/pendaftaran\/[0-9a-f-]{36}\?terkirim=1$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEDI.name);
  // Which other bank lends to the debtor is not the bank's to learn; BPJS's reviewer sees it.
  await expect(page.getByTestId("other-penyalur")).toHaveCount(0);

  const participants = await query<{ n: number; updatedAt: Date }>(
    `select count(*)::int as n, max("updatedAt") as "updatedAt" from "Participant" where nik = $1`,
    [DEDI.nik],
  );
  expect(participants[0]!.n).toBe(1);
  expect(participants[0]!.updatedAt).toEqual(before!.updatedAt); // never overwritten
  const [audit] = await query<{ after: { participantReused: boolean; otherPenyalurActive: string[] } }>(
    `select a.after from "AuditEvent" a join "Enrolment" e on e.id::text = a."entityId"
     join "Participant" p on p.id = e."participantId" join "Penyalur" y on y.id = e."penyalurId"
     where p.nik = $1 and y.code = 'BRI' and a.action = 'enrolment.submit'`,
    [DEDI.nik],
  );
  expect(audit!.after).toMatchObject({ participantReused: true, otherPenyalurActive: ["BNI"] });
});

test("the same loan number submitted again at the same penyalur returns the existing enrolment with a notice", async ({ page, asUser }) => {
  const nik = freshNik("1979-04-11");
  const loanNumber = uniqueLoanNumber("ULANG");
  await asUser("officerBri");
  await page.goto("/pendaftaran/baru");
  await fillEform(page, { nik, loanNumber });
  await submit(page);
  await expect(page).toHaveURL(/\/pendaftaran\/[0-9a-f-]{36}\?terkirim=1$/);
  const first = page.url().split("?")[0];

  // A fresh form (new submission key), as after the back button and a reload: same loan, same debtor.
  await page.goto("/pendaftaran/baru");
  await fillEform(page, { nik, loanNumber, existingParticipant: true });
  await submit(page);
  await expect(page).toHaveURL(/\?sudah-ada=nomor-pinjaman$/);
  expect(page.url().split("?")[0]).toBe(first);
  await expect(page.getByTestId("notice")).toContainText("sudah didaftarkan sebelumnya");
  const [{ n } = { n: 0 }] = await query<{ n: number }>(`select count(*)::int as n from "Enrolment" where "loanNumber" = $1`, [loanNumber.toUpperCase()]);
  expect(n).toBe(1);
});

test("a draft is saved as typed, resumed from the workspace, completed and submitted; another bank gets 404", async ({ page, asUser, pageAs }) => {
  const nik = freshNik("1988-02-14");
  await asUser("officerBri");
  await page.goto("/pendaftaran/baru");
  await page.getByLabel("NIK", { exact: true }).fill(nik);
  await page.getByLabel("Nama lengkap sesuai KTP").fill("Dadang Draf");
  await page.getByLabel("Skema KUR").selectOption("MIKRO");
  await page.getByRole("button", { name: "Simpan draf" }).click();
  await expect(page).toHaveURL(/\/pendaftaran\/draf\/[0-9a-f-]{36}\?tersimpan=1$/);
  await expect(page.getByTestId("notice")).toContainText("Draf tersimpan");
  const draftUrl = page.url().split("?")[0]!;

  await page.goto("/pendaftaran");
  await page.getByTestId("drafts-link").click();
  await expect(page.getByRole("heading", { name: "Draf pendaftaran" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("link", { name: `Lanjutkan: Dadang Draf · NIK …${nik.slice(12)}` }).click();
  await expect(page.getByLabel("NIK", { exact: true })).toHaveValue(nik);
  await expect(page.getByLabel("Nama lengkap sesuai KTP")).toHaveValue("Dadang Draf");
  await expect(page.getByLabel("Skema KUR")).toHaveValue("MIKRO");

  // Another bank's officer cannot open it.
  const other = await pageAs("officerBni");
  expect((await other.goto(draftUrl))?.status()).toBe(404);
  await other.close();

  await fillDebtor(page, { nik, fullName: "Dadang Draf" });
  await fillLoanAndCover(page, { nik, scheme: "MIKRO", plafon: "30.000.000" });
  await submit(page);
  await expect(page).toHaveURL(/\/pendaftaran\/[0-9a-f-]{36}\?terkirim=1$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dadang Draf");
  expect(await query(`select 1 from "EnrolmentDraft" d join "Enrolment" e on e."submissionKey" = d."submissionKey"`)).toHaveLength(0);
  expect((await page.goto(draftUrl))?.status()).toBe(404);

  // A draft can also be deleted.
  await page.goto("/pendaftaran/baru");
  await page.getByLabel("Nama lengkap sesuai KTP").fill("Hapus Saja");
  await page.getByRole("button", { name: "Simpan draf" }).click();
  await expect(page).toHaveURL(/tersimpan=1$/);
  await page.goto("/pendaftaran/draf");
  await page.getByRole("button", { name: "Hapus draf Hapus Saja" }).click();
  await page.getByRole("alertdialog", { name: "Hapus draf Hapus Saja?" }).getByRole("button", { name: "Ya, hapus draf" }).click();
  await expect(page.getByText("Draf dihapus.")).toBeVisible();
  await expect(page.getByText("Hapus Saja")).toHaveCount(0);
});

test("the e-form with every field in error has no serious or critical accessibility violations (axe-core)", async ({ page, asUser }) => {
  await asUser("officerBri");
  await page.goto("/pendaftaran/baru");
  // One scan of the error state covers the empty form's controls too, each now with its error.
  await submit(page);
  await expect(page.getByRole("alert").first()).toContainText("Pendaftaran belum terkirim");
  await expect(page.getByLabel("NIK", { exact: true })).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);
});

test("a returned enrolment shows the reviewer's reason, and the owning officer corrects and resubmits it (version + 1)", async ({ page, asUser, pageAs }) => {
  const [row] = await query<{ id: string; version: number }>(
    `select e.id, e.version from "Enrolment" e join "Participant" p on p.id = e."participantId"
     where p."fullName" = $1 and e.status = 'RETURNED'`,
    [RINA.name],
  );
  await asUser("officerBri");
  await page.goto("/pendaftaran");
  const first = page.getByRole("table").getByRole("row").nth(1);
  await expect(first).toContainText(RINA.name);
  await expect(first.getByTestId("return-reason")).toHaveText(RINA.reason);

  await first.getByRole("link", { name: RINA.name }).click();
  await expect(page.getByTestId("return-reason")).toContainText(RINA.reason);

  // Only the owning office may correct it.
  const other = await pageAs("officerBni");
  expect((await other.goto(`/pendaftaran/${row!.id}/perbaiki`))?.status()).toBe(404);
  await other.close();

  await page.getByRole("link", { name: "Perbaiki dan kirim ulang" }).click();
  await expect(page.getByRole("heading", { name: "Perbaiki pendaftaran" })).toBeVisible();
  await expect(page.getByLabel("Penghasilan per bulan (Rp)")).toHaveValue("5.500.000");
  await expect(page.getByLabel("Nama usaha")).toHaveValue("Katering Rina");
  await page.getByLabel("Penghasilan per bulan (Rp)").fill("4.000.000");
  // The attestations given at the first submission still hold: the income is not what they vouch for.
  for (const attestation of ["NIK sudah dicocokkan dengan KTP asli debitur", /SLIK OJK sudah diperiksa/, "Debitur tidak sedang menerima KUR di penyalur lain", /NPWP debitur ada/, "Debitur menyetujui teks di atas"]) {
    await expect(page.getByLabel(attestation)).toBeChecked();
  }
  await expect(page.getByTestId("retick")).toHaveCount(0);
  // A corrected NPWP takes the NPWP attestation off, and only that one, and names it with the field.
  await page.getByLabel("NPWP", { exact: true }).fill("09.254.294.3-407.000");
  await expect(page.getByLabel(/NPWP debitur ada/)).not.toBeChecked();
  await expect(page.getByTestId("retick")).toContainText(/NPWP debitur ada.*karena berubah: NPWP/);
  await expect(page.getByLabel(/SLIK OJK sudah diperiksa/)).toBeChecked();
  await page.getByLabel(/NPWP debitur ada/).check();
  await sendEform(page, "Kirim perbaikan");

  await expect(page).toHaveURL(new RegExp(`/pendaftaran/${row!.id}\\?diperbaiki=1$`));
  await expect(page.getByTestId("notice")).toContainText("Perbaikan terkirim");
  await expect(page.getByRole("heading", { level: 1 }).locator("..")).toContainText("Menunggu verifikasi");
  await expect(page.getByTestId("return-reason")).toHaveCount(0);
  const [after] = await query<{ status: string; version: number; declaredIncome: number; returnReason: string | null }>(
    `select status, version, "declaredIncome", "returnReason" from "Enrolment" where id = $1`,
    [row!.id],
  );
  expect(after).toEqual({ status: "SUBMITTED", version: row!.version + 1, declaredIncome: 4_000_000, returnReason: null });
  expect(await query(`select 1 from "AuditEvent" where "entityId" = $1 and action = 'enrolment.resubmit'`, [row!.id])).toHaveLength(1);
  // Now SUBMITTED: there is nothing left to correct.
  expect((await page.goto(`/pendaftaran/${row!.id}/perbaiki`))?.status()).toBe(404);
});

test("with the UI in English the e-form's validation messages are English, each on its field", async ({ page, asUser }) => {
  await asUser("officerBni");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("button", { name: "Bahasa Indonesia" })).toBeVisible();
  await page.goto("/pendaftaran/baru");
  await page.getByLabel("Credit limit (Rp)").fill("abc");
  await page.getByRole("button", { name: "Check answers" }).click();
  await page.getByRole("button", { name: "Submit enrolment" }).click();
  await expect(page.getByText("The enrolment was not submitted")).toBeVisible();
  await expect(page.locator("#f-nik-error")).toHaveText("NIK is required.");
  await expect(page.locator("#f-plafon-error")).toHaveText("Plafon must be a rupiah amount, e.g. 150.000.000.");
  await expect(page.locator("#f-consent-error")).toHaveText("The enrolment needs the debtor's consent to share data (Law 27/2022).");
  await expect(page.getByLabel("Credit limit (Rp)")).toHaveValue("abc");
});
