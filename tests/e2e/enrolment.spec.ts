import { contributionForMonth, formatRupiah, monthOf, todayInZone } from "../../lib/rules";
import { ACCOUNTS, expect, freshNik, login, query, test } from "./fixtures";

test.describe("a bank officer enrols a KUR kecil debtor (Permenko 1/2023 Pasal 26 ayat (8))", () => {
  test.use({ viewport: { width: 360, height: 780 } });

  test("field error keeps the input, then the enrolment is written once and shows its decision", async ({ page }) => {
    const nik = freshNik("1984-06-21");
    await login(page, ACCOUNTS.officerBri);
    await page.getByRole("link", { name: "Daftarkan debitur" }).first().click();
    await expect(page.getByRole("heading", { name: "Daftarkan debitur KUR" })).toBeVisible();

    await page.getByLabel("NIK").fill(nik);
    await page.getByLabel("Nama lengkap sesuai KTP").fill("Asep Saepudin");
    await page.getByLabel("Tanggal lahir").fill("1984-06-22"); // one day off the NIK
    await page.getByLabel("Jenis kelamin").selectOption("L");
    await page.getByLabel("Nomor HP").fill("0812 9988 7766");
    await page.getByLabel("Skema KUR").selectOption("KECIL");
    await page.getByLabel("Plafon (Rp)").fill("200.000.000");
    await page.getByLabel("Penghasilan per bulan (Rp)").fill("3.000.000");
    await page.getByLabel(/Jaminan Hari Tua/).check();

    // The live preview uses the same rules as the server.
    await expect(page.getByTestId("preview")).toContainText("Wajib");

    await page.getByRole("button", { name: "Kirim pendaftaran" }).click();
    const birthDate = page.getByLabel("Tanggal lahir");
    await expect(page.getByText(/Tanggal lahir tidak sesuai dengan NIK/).first()).toBeVisible();
    await expect(birthDate).toHaveAttribute("aria-invalid", "true");
    await expect(birthDate).toBeFocused();
    // Everything typed is still there.
    await expect(page.getByLabel("NIK")).toHaveValue(nik);
    await expect(page.getByLabel("Nama lengkap sesuai KTP")).toHaveValue("Asep Saepudin");
    await expect(page.getByLabel("Plafon (Rp)")).toHaveValue("200.000.000");
    await expect(page.getByLabel(/Jaminan Hari Tua/)).toBeChecked();
    expect(await query(`select 1 from "Participant" where nik = $1`, [nik])).toHaveLength(0);

    await birthDate.fill("1984-06-21");
    // A double click must not create two enrolments.
    await page.getByRole("button", { name: "Kirim pendaftaran" }).dblclick();
    await expect(page).toHaveURL(/\/pendaftaran\/[0-9a-f-]{36}$/);

    await expect(page.getByTestId("decision")).toContainText("Wajib — Permenko 1/2023 Pasal 26 ayat (8)");
    const quote = contributionForMonth({
      declaredIncome: 3_000_000,
      jht: true,
      sector: "OTHER",
      month: monthOf(todayInZone(new Date(), "Asia/Jakarta")),
    });
    const contribution = page.getByTestId("contribution");
    await expect(contribution).toContainText(`${formatRupiah(quote.total)} / bulan`);
    await expect(contribution).toContainText(formatRupiah(quote.jkk));
    await expect(contribution).toContainText(formatRupiah(quote.jht));
    await expect(page.getByTestId("clearance")).toContainText("Belum boleh dicairkan");

    const rows = await query<{ n: number }>(
      `select count(*)::int as n from "Enrolment" e join "Participant" p on p.id = e."participantId" where p.nik = $1`,
      [nik],
    );
    expect(rows[0]?.n).toBe(1);
  });
});

test("a super mikro debtor outside any phase rule is voluntary and the loan may be disbursed", async ({ page }) => {
  const nik = freshNik("1995-01-15").replace(/^(\d{6})(\d{2})/, (_, a: string, d: string) => `${a}${Number(d) + 40}`);
  await login(page, ACCOUNTS.officerBni);
  await page.goto("/pendaftaran/baru");
  await page.getByLabel("NIK").fill(nik);
  await page.getByLabel("Nama lengkap sesuai KTP").fill("Nining Suryani");
  await page.getByLabel("Tanggal lahir").fill("1995-01-15");
  await page.getByLabel("Jenis kelamin").selectOption("P");
  await page.getByLabel("Nomor HP").fill("+62 857 1234 5678");
  await page.getByLabel("Skema KUR").selectOption("SUPER_MIKRO");
  await page.getByLabel("Plafon (Rp)").fill("5.000.000");
  await page.getByLabel("Penghasilan per bulan (Rp)").fill("900.000");
  await page.getByRole("button", { name: "Kirim pendaftaran" }).click();
  await expect(page).toHaveURL(/\/pendaftaran\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("decision")).toContainText("Sukarela");
  await expect(page.getByTestId("clearance")).toContainText("Boleh dicairkan");
});

test("a branch reviewer cannot open the e-form", async ({ page }) => {
  await login(page, ACCOUNTS.reviewerBandung);
  await expect(page.getByRole("link", { name: "Daftarkan debitur" })).toHaveCount(0);
  const response = await page.goto("/pendaftaran/baru");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Akses ditolak" })).toBeVisible();
});

test("an officer of another bank cannot open a BRI enrolment by its URL", async ({ page }) => {
  const [bri] = await query<{ id: string }>(
    `select e.id from "Enrolment" e join "PenyalurOffice" o on o.id = e."penyalurOfficeId"
     join "Penyalur" p on p.id = o."penyalurId" where p.code = 'BRI' limit 1`,
  );
  await login(page, ACCOUNTS.officerBni);
  const response = await page.goto(`/pendaftaran/${bri!.id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Tidak ditemukan" })).toBeVisible();
  await page.goto("/pendaftaran");
  await expect(page.locator(`a[href="/pendaftaran/${bri!.id}"]`)).toHaveCount(0);
});

test("the branch reviewer of the holding Kantor Cabang sees the enrolment with a masked NIK", async ({ page }) => {
  const [row] = await query<{ id: string; nik: string }>(
    `select e.id, p.nik from "Enrolment" e join "Participant" p on p.id = e."participantId"
     join "KantorCabang" k on k.id = e."kantorCabangId" where k.code = 'KC-BANDUNG-SUCI' limit 1`,
  );
  await login(page, ACCOUNTS.reviewerBandung);
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
  await login(page, ACCOUNTS.officerBri);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("link", { name: "Enrol a debtor" }).first()).toBeVisible();
  await page.getByRole("button", { name: "Bahasa Indonesia" }).click();
  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page).toHaveURL(/\/masuk$/);
  await page.goto("/beranda");
  await expect(page).toHaveURL(/\/masuk$/);
});
