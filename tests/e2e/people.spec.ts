import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { generate } from "otplib";
import { randomUUID } from "node:crypto";
import { fillEform, sendEform } from "./eform";
import { expect, freshNik, query, test } from "./fixtures";
import { NEW_PASSWORD, choosePassword, expectSignedOut, inviteOfficer, signInWithForm, throwawayUser } from "./people";

/** Axe findings that block: serious and critical ones. */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
}

const briOffice = async () => (await query<{ id: string }>(`select id from "PenyalurOffice" where code = 'BRI-BDG-CCD'`))[0]!.id;

test.describe("people and access on a 360 × 740 phone", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("an administrator invites an officer for an office; the invitee sets a password through the link, signs in and enrols a debtor", async ({ page, asUser, browser }) => {
    const email = `petugas.baru.${randomUUID().slice(0, 8)}@demo.lindungikur.id`;
    await asUser("admin");
    await page.getByRole("link", { name: "Pengguna", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pengguna dan akses");
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("link", { name: "Undang pengguna" }).click();

    // Bad input first: every error on its field, in Indonesian, with the input kept.
    await page.getByLabel("Email kantor").fill("bukan-email");
    await page.getByLabel("Peran").selectOption("BANK_OFFICER");
    await page.getByRole("button", { name: "Buat undangan" }).click();
    await expect(page.locator("#f-email-error")).toHaveText("Email tidak valid.");
    await expect(page.locator("#f-name-error")).toHaveText("Isi nama lengkap.");
    await expect(page.locator("#f-place-error")).toHaveText("Pilih kantor penyalur untuk petugas penyalur.");
    await expect(page.getByLabel("Email kantor")).toHaveValue("bukan-email");
    await expect(page.getByLabel("Email kantor")).toBeFocused();
    expect(await seriousViolations(page)).toEqual([]);

    const link = await inviteOfficer(page, { email, name: "Putri Ayu", officeId: await briOffice() });
    const [stored] = await query<{ tokenHash: string }>(`select t."tokenHash" from "UserToken" t join "User" u on u.id = t."userId" where u.email = $1`, [email]);
    expect(link).not.toContain(stored!.tokenHash);

    // The invitee, in their own browser.
    const invitee = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const p = await invitee.newPage();
    await p.goto(link);
    await expect(p.getByRole("heading", { level: 1 })).toHaveText("Selamat datang, Putri Ayu");
    expect(await seriousViolations(p)).toEqual([]);
    await choosePassword(p, "password1234");
    await expect(p.locator("#f-password-error")).toContainText("paling umum dipakai");
    await choosePassword(p, NEW_PASSWORD);
    await expect(p).toHaveURL(/\/masuk\?sandi=siap$/);
    await expect(p.getByRole("status")).toContainText("Kata sandi tersimpan");

    // The link works once.
    await p.goto(link);
    await expect(p.getByText(/Tautan ini sudah dipakai/)).toBeVisible();

    await p.getByRole("link", { name: "Ke halaman masuk" }).click();
    await p.getByLabel("Email").fill(email);
    await p.getByLabel("Kata sandi").fill(NEW_PASSWORD);
    await p.getByRole("button", { name: "Masuk" }).click();
    await expect(p).toHaveURL(/\/beranda$/);
    await expect(p.getByText(/Unit Cicadas/).first()).toBeVisible();

    const nik = freshNik("1988-02-14");
    await p.goto("/pendaftaran/baru");
    await fillEform(p, { nik });
    await sendEform(p);
    await expect(p).toHaveURL(/\/pendaftaran\/[0-9a-f-]{36}\?terkirim=1$/);
    const [enrolment] = await query<{ email: string; code: string }>(
      `select u.email, o.code from "Enrolment" e join "Participant" p on p.id = e."participantId" join "User" u on u.id = e."officerId"
       join "PenyalurOffice" o on o.id = e."penyalurOfficeId" where p.nik = $1`,
      [nik],
    );
    expect(enrolment).toEqual({ email, code: "BRI-BDG-CCD" });
    await invitee.close();
  });

  test("a copied session cookie stops working once the administrator deactivates the user", async ({ page, asUser, browser }) => {
    const user = await throwawayUser("BANK_OFFICER");
    const own = await browser.newContext();
    const p = await own.newPage();
    await signInWithForm(p, user.email, user.password);
    await expect(p).toHaveURL(/\/beranda$/);
    // The cookie, copied into another browser, opens the portal too.
    const copy = await browser.newContext();
    await copy.addCookies(await own.cookies());
    const c = await copy.newPage();
    await c.goto("/pendaftaran");
    await expect(c).toHaveURL(/\/pendaftaran$/);

    await asUser("admin");
    await page.goto(`/admin/pengguna?q=${encodeURIComponent(user.email)}`);
    await page.getByRole("link", { name: "Pengguna Uji" }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Nonaktifkan pengguna" }).click();
    await expect(page.getByRole("status")).toContainText("Pengguna dinonaktifkan");

    await expectSignedOut(c, "/pendaftaran");
    await expectSignedOut(p);
    // Reactivation does not bring an ended session back.
    await page.getByRole("button", { name: "Aktifkan kembali" }).click();
    await expect(page.getByRole("status")).toContainText("diaktifkan kembali");
    await c.context().addCookies(await own.cookies());
    await expectSignedOut(c);
    await own.close();
    await copy.close();
  });

  test("signing out ends the session everywhere: a copy of the cookie no longer opens a page", async ({ browser }) => {
    const user = await throwawayUser("BANK_OFFICER");
    const own = await browser.newContext();
    const p = await own.newPage();
    await signInWithForm(p, user.email, user.password);
    await expect(p).toHaveURL(/\/beranda$/);
    const copied = await own.cookies();
    await p.getByRole("button", { name: "Keluar" }).click();
    await expect(p).toHaveURL(/\/masuk$/);
    const copy = await browser.newContext();
    await copy.addCookies(copied);
    await expectSignedOut(await copy.newPage());
    await own.close();
    await copy.close();
  });
});

test.describe("people and access at a desk", () => {
  test("the access list filters by role and status, and its CSV carries the screen's headings", async ({ page, asUser }) => {
    await asUser("admin");
    await page.goto("/admin/pengguna");
    await page.getByLabel("Peran").selectOption("BRANCH_REVIEWER");
    await page.getByRole("button", { name: "Terapkan" }).click();
    await expect(page).toHaveURL(/peran=BRANCH_REVIEWER/);
    const rows = page.locator("tbody tr");
    await expect(rows.filter({ hasText: "Dewi Lestari" })).toHaveCount(1);
    await expect(rows.filter({ hasText: "Rina Marlina" })).toHaveCount(0);
    expect(await seriousViolations(page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Unduh CSV" }).click()]);
    const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
    const [heading, ...lines] = text.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(heading).toBe("Nama;Email;Peran;Cakupan;Status;Dua langkah;Dibuat");
    expect(lines.some((l) => l.startsWith("Dewi Lestari;verifikator.bandung@demo.lindungikur.id;Verifikator Kantor Cabang;"))).toBe(true);
    expect(lines.every((l) => l.includes("Verifikator Kantor Cabang"))).toBe(true);
  });

  test("own account and second factor: an administrator enrols TOTP with the QR page, and the next sign-in asks for the code", async ({ browser }) => {
    const user = await throwawayUser("ADMIN", { totpRequired: true });
    const context = await browser.newContext();
    const p = await context.newPage();
    await signInWithForm(p, user.email, user.password);
    // Required and not set up: every page sends the user to the enrolment page first.
    await expect(p).toHaveURL(/\/dua-langkah$/);
    await p.goto("/admin/pengguna");
    await expect(p).toHaveURL(/\/dua-langkah$/);
    await expect(p.getByRole("img", { name: "Kode QR untuk aplikasi autentikator" })).toBeVisible();
    expect(await seriousViolations(p)).toEqual([]);
    const secret = (await p.locator("code").innerText()).replace(/\s/g, "");
    await p.getByLabel("Kode dari aplikasi").fill("12345");
    await p.getByRole("button", { name: "Aktifkan" }).click();
    await expect(p.locator("#f-code-error")).toHaveText("Kode terdiri dari enam angka.");
    await p.getByLabel("Kode dari aplikasi").fill(await generate({ secret }));
    await p.getByRole("button", { name: "Aktifkan" }).click();
    await expect(p).toHaveURL(/\/akun\?tersimpan=dualangkah$/);
    expect(await seriousViolations(p)).toEqual([]);

    // The next sign-in: the password, then the code step.
    await p.getByRole("button", { name: "Keluar" }).click();
    await signInWithForm(p, user.email, user.password);
    await expect(p.getByLabel("Kode dari aplikasi autentikator")).toBeVisible();
    expect(await seriousViolations(p)).toEqual([]);
    await p.getByLabel("Kode dari aplikasi autentikator").fill("000000");
    await p.getByRole("button", { name: "Verifikasi" }).click();
    await expect(p.locator("#code-error")).toContainText("Kode salah");
    // A code from the next time step (the enrolment used the current one: each code signs in once).
    const next = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    await p.getByLabel("Kode dari aplikasi autentikator").fill(next);
    await p.getByRole("button", { name: "Verifikasi" }).click();
    await expect(p).toHaveURL(/\/beranda$/);
    await context.close();
  });

  test("an invalid or unknown link says so, and the person page and own account pass axe", async ({ page, asUser }) => {
    await page.goto(`/atur-sandi/${"x".repeat(43)}`);
    await expect(page.getByText("Tautan ini tidak dikenal.")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await asUser("admin");
    const [reviewer] = await query<{ id: string }>(`select id from "User" where email = 'verifikator.bandung@demo.lindungikur.id'`);
    await page.goto(`/admin/pengguna/${reviewer!.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dewi Lestari");
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto("/akun");
    await page.getByLabel("Kata sandi sekarang").fill("salah");
    await page.getByLabel("Kata sandi baru", { exact: true }).fill("Nasi goreng kambing Kebon Sirih");
    await page.getByLabel("Ulangi kata sandi baru").fill("Nasi goreng kambing Kebon Sirih");
    await page.getByRole("button", { name: "Ubah kata sandi" }).click();
    await expect(page.locator("#f-currentPassword-error")).toHaveText("Kata sandi sekarang salah.");
    expect(await seriousViolations(page)).toEqual([]);
    // Nothing of a password is sent back into the page.
    await expect(page.getByLabel("Kata sandi sekarang")).toHaveValue("");
  });
});
