import { advanceContributions, priceSteps } from "../../lib/enrolment/pricing";
import { formatMonthId, formatRupiah, monthOf, todayInZone } from "../../lib/rules";
import { fillEform, sendEform, uniqueLoanNumber } from "./eform";
import { ACCOUNTS, expect, freshNik, query, test } from "./fixtures";
import { signInWithForm, throwawayUser } from "./people";

test.describe("a bank officer enrols a KUR kecil debtor on a 360 × 740 phone (Permenko 1/2023 Pasal 26 ayat (8))", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("the full mandatory e-form is written once, with its decision, contributions and clearance", async ({ page, asUser }) => {
    const nik = freshNik("1984-06-21");
    const loanNumber = uniqueLoanNumber("KECIL");
    await asUser("officerBri");
    await page.getByRole("link", { name: "Daftarkan debitur" }).first().click();
    await expect(page.getByRole("heading", { name: "Daftarkan debitur KUR" })).toBeVisible();
    await fillEform(page, { nik, jht: true, monthsInAdvance: "3", loanNumber });

    // The live preview uses the same rules as the server: the decision, one month and three months.
    const month = monthOf(todayInZone(new Date(), "Asia/Jakarta"));
    const quote = advanceContributions({ declaredIncome: 3_000_000, jht: true, sector: "OTHER", firstMonth: month, months: 3 });
    await expect(page.getByTestId("preview")).toContainText("Wajib");
    // This month's amount and, when the relief window ends within the months shown, the price after it.
    const steps = priceSteps(quote.lines)!;
    const perMonth = steps.change
      ? `${formatRupiah(steps.first)} s.d. ${formatMonthId(steps.change.until)}, lalu ${formatRupiah(steps.change.then)} / bulan`
      : `${formatRupiah(steps.first)} / bulan`;
    await expect(page.getByTestId("preview")).toContainText(perMonth);
    await expect(page.getByTestId("preview-total")).toContainText(formatRupiah(quote.total));
    // The page fits the phone: nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    // A double click must not create two enrolments.
    await sendEform(page, "Kirim pendaftaran", "dblclick");
    await expect(page).toHaveURL(/\/pendaftaran\/[0-9a-f-]{36}\?terkirim=1$/);

    await expect(page.getByTestId("decision")).toContainText("Wajib — Permenko 1/2023 Pasal 26 ayat (8)");
    const contribution = page.getByTestId("contribution");
    // Not approved yet: a plan of 3 months (cover starts at approval, docs/decisions/0011 §1), no debt.
    await expect(contribution).toContainText(perMonth);
    await expect(contribution).toContainText(formatRupiah(quote.lines[0]!.gross.jht));
    await expect(page.getByTestId("plan-note")).toContainText("Rencana 3 bulan iuran");
    await expect(page.getByTestId("clearance")).toContainText("Belum boleh dicairkan");
    await expect(page.getByTestId("loan")).toContainText(loanNumber.toUpperCase());

    const rows = await query<{ n: number; lines: number; consent: boolean }>(
      `select count(distinct e.id)::int as n, count(l.id)::int as lines, bool_and(e."consentAt" is not null) as consent
       from "Enrolment" e join "Participant" p on p.id = e."participantId"
       left join "ContributionLine" l on l."enrolmentId" = e.id where p.nik = $1`,
      [nik],
    );
    expect(rows[0]).toEqual({ n: 1, lines: 0, consent: true });
  });

  test("a birth date that disagrees with the NIK is an error on its field; every input is kept (docs/regulation.md §6)", async ({ page, asUser }) => {
    const nik = freshNik("1984-06-21");
    await asUser("officerBri");
    await page.goto("/pendaftaran/baru");
    await fillEform(page, { nik, birthDate: "1984-06-22", jht: true, monthsInAdvance: "2" });
    await sendEform(page);

    const birthDate = page.getByLabel("Tanggal lahir", { exact: true });
    await expect(page.getByText(/Tanggal lahir tidak sesuai dengan NIK/).first()).toBeVisible();
    await expect(page.getByRole("alert").first()).toContainText("Pendaftaran belum terkirim");
    await expect(birthDate).toHaveAttribute("aria-invalid", "true");
    await expect(birthDate).toBeFocused();
    // Everything typed is still there, selects and checkboxes included.
    await expect(page.getByLabel("NIK", { exact: true })).toHaveValue(nik);
    await expect(page.getByLabel("Nama lengkap sesuai KTP")).toHaveValue("Asep Saepudin");
    await expect(page.getByLabel("Plafon (Rp)")).toHaveValue("200.000.000");
    await expect(page.getByLabel("Skema KUR")).toHaveValue("KECIL");
    await expect(page.getByLabel("Provinsi (alamat KTP)")).toHaveValue("32");
    await expect(page.getByLabel("Iuran dibayar di muka")).toHaveValue("2");
    await expect(page.getByLabel(/Jaminan Hari Tua/)).toBeChecked();
    await expect(page.getByLabel("Debitur menyetujui teks di atas")).toBeChecked();
    expect(await query(`select 1 from "Participant" where nik = $1`, [nik])).toHaveLength(0);
  });
});

test("a debtor who employs workers must have JHT, and a NIK district that never existed is refused naming digits 5–6; input kept (docs/regulation.md §3.7, §6.1)", async ({ page, asUser }) => {
  const nik = freshNik("1984-06-23");
  const badNik = `327399${nik.slice(6)}`;
  await asUser("officerBri");
  await page.goto("/pendaftaran/baru");
  await fillEform(page, { nik, workers: 3 });
  await page.getByLabel("NIK", { exact: true }).fill(badNik);
  // The form says why before anything is sent.
  await expect(page.getByTestId("jht-employer")).toContainText("JHT wajib dipilih");
  await sendEform(page);

  await expect(page.locator("#f-nik-error")).toHaveText("Kode kecamatan NIK (digit 5–6: 99) tidak ada di kabupaten/kota 32.73 menurut data wilayah Kemendagri.");
  await expect(page.locator("#f-jht-error")).toContainText("JHT wajib dipilih: usaha debitur mempekerjakan pekerja (3 orang)");
  await expect(page.getByLabel("Usaha mempekerjakan pekerja", { exact: true })).toBeChecked();
  await expect(page.getByLabel("Jumlah pekerja", { exact: true })).toHaveValue("3");
  await expect(page.getByLabel("KUR Mikro yang pernah diterima", { exact: true })).toHaveValue("0");

  const nikField = page.getByLabel("NIK", { exact: true });
  await nikField.fill(nik);
  await nikField.blur();
  await page.getByLabel(/Jaminan Hari Tua/).check();
  await page.getByLabel("Debitur menyetujui teks di atas").check();
  for (const text of ["NIK sudah dicocokkan dengan KTP asli debitur", "SLIK OJK sudah diperiksa: tidak ada kredit produktif lain yang menghalangi", "Debitur tidak sedang menerima KUR di penyalur lain"]) {
    const box = page.getByLabel(text);
    if (!(await box.isChecked())) await box.check();
  }
  const npwp = page.getByLabel(/NPWP debitur ada/);
  if ((await npwp.count()) && !(await npwp.isChecked())) await npwp.check();
  await sendEform(page);
  await expect(page).toHaveURL(/\/pendaftaran\/[0-9a-f-]{36}\?terkirim=1$/);
  await expect(page.getByTestId("employer")).toContainText("3 pekerja");
  await expect(page.getByTestId("employer")).toContainText("JHT wajib: debitur pemberi kerja (Permenaker 5/2021)");
});

test("a super mikro debtor outside any phase rule is voluntary and the loan may be disbursed", async ({ page, asUser }) => {
  const nik = freshNik("1995-01-15").replace(/^(\d{6})(\d{2})/, (_, a: string, d: string) => `${a}${Number(d) + 40}`);
  await asUser("officerBni");
  await page.goto("/pendaftaran/baru");
  await fillEform(page, { nik, fullName: "Nining Suryani", sex: "P", scheme: "SUPER_MIKRO", plafon: "5.000.000", income: "900.000" });
  await expect(page.getByTestId("preview")).toContainText("Sukarela");
  await sendEform(page);
  await expect(page).toHaveURL(/\/pendaftaran\/[0-9a-f-]{36}\?terkirim=1$/);
  await expect(page.getByTestId("decision")).toContainText("Sukarela");
  await expect(page.getByTestId("clearance")).toContainText("Boleh dicairkan");
});

test("a branch reviewer cannot open the e-form", async ({ page, asUser }) => {
  await asUser("reviewerBandung");
  await expect(page.getByRole("link", { name: "Daftarkan debitur" })).toHaveCount(0);
  const response = await page.goto("/pendaftaran/baru");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Akses ditolak" })).toBeVisible();
});

test("an officer of another bank cannot open a BRI enrolment by its URL", async ({ page, asUser }) => {
  const [bri] = await query<{ id: string }>(
    `select e.id from "Enrolment" e join "PenyalurOffice" o on o.id = e."penyalurOfficeId"
     join "Penyalur" p on p.id = o."penyalurId" where p.code = 'BRI' limit 1`,
  );
  await asUser("officerBni");
  const response = await page.goto(`/pendaftaran/${bri!.id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Tidak ditemukan" })).toBeVisible();
  await page.goto("/pendaftaran");
  await expect(page.locator(`a[href="/pendaftaran/${bri!.id}"]`)).toHaveCount(0);
});

test("the branch reviewer of the holding Kantor Cabang sees the enrolment with a masked NIK", async ({ page, asUser }) => {
  const [row] = await query<{ id: string; nik: string }>(
    `select e.id, p.nik from "Enrolment" e join "Participant" p on p.id = e."participantId"
     join "KantorCabang" k on k.id = e."kantorCabangId" where k.code = 'KC-BANDUNG-SUCI' limit 1`,
  );
  await asUser("reviewerBandung");
  await page.goto(`/pendaftaran/${row!.id}`);
  await expect(page.getByTestId("decision")).toBeVisible();
  await expect(page.getByText(`${row!.nik.slice(0, 4)}********${row!.nik.slice(12)}`)).toBeVisible();
  await expect(page.getByText(row!.nik, { exact: true })).toHaveCount(0);
});

test("anonymous visitors are sent to the login page; a wrong password is refused in Indonesian", async ({ page }) => {
  await page.goto("/pendaftaran/baru");
  await expect(page).toHaveURL(/\/masuk$/);
  await page.getByLabel("Email").fill(ACCOUNTS.officerBri);
  await page.getByLabel("Kata sandi").fill("salah-sekali");
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page.locator("#login-error")).toHaveText("Email atau kata sandi salah.");
  await expect(page.locator("#login-error")).toHaveAttribute("role", "alert");
  await expect(page.getByLabel("Email")).toHaveValue(ACCOUNTS.officerBri);
});

test("the officer can switch to English and sign out", async ({ page }) => {
  // A throwaway officer: signing out ends every session of the account (docs/decisions/0013),
  // the saved demo session included.
  const officer = await throwawayUser("BANK_OFFICER");
  await signInWithForm(page, officer.email, officer.password);
  await expect(page).toHaveURL(/\/beranda$/);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("link", { name: "Enrol a debtor" }).first()).toBeVisible();
  await page.getByRole("button", { name: "Bahasa Indonesia" }).click();
  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page).toHaveURL(/\/masuk$/);
  await page.goto("/beranda");
  await expect(page).toHaveURL(/\/masuk$/);
});
