import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import { expect, type Page } from "@playwright/test";
import { query } from "./fixtures";

/** A password that meets the policy (docs/decisions/0013-people-and-sessions.md). */
export const NEW_PASSWORD = "Kopi tubruk di Braga jam tujuh";

/**
 * A throwaway account straight in the database, for journeys that end its sessions (sign-out,
 * deactivation): ending a demo account's sessions would sign out the saved sessions later
 * journeys start from (sessions.setup.ts). Bank officers work at the BRI Bandung Asia Afrika office.
 */
export async function throwawayUser(role: "BANK_OFFICER" | "HEAD_OFFICE" | "ADMIN", options: { totpSecret?: string; totpRequired?: boolean } = {}): Promise<{ id: string; email: string; password: string }> {
  const email = `uji.${role.toLowerCase()}.${randomUUID().slice(0, 8)}@demo.lindungikur.id`;
  const [office] = role === "BANK_OFFICER" ? await query<{ id: string }>(`select id from "PenyalurOffice" where code = 'BRI-BDG-AA'`) : [];
  const [row] = await query<{ id: string }>(
    `insert into "User" (id, email, name, "passwordHash", role, "penyalurOfficeId", "totpSecret", "totpEnabledAt", "totpRequired")
     values (gen_random_uuid(), $1, 'Pengguna Uji', $2, $3, $4, $5, $6, $7) returning id`,
    [email, await bcrypt.hash(NEW_PASSWORD, 4), role, office?.id ?? null, options.totpSecret ?? null, options.totpSecret ? new Date() : null, options.totpRequired ?? false],
  );
  return { id: row!.id, email, password: NEW_PASSWORD };
}

/** Signs in through the login form (the subject of the journey, not a saved session). */
export async function signInWithForm(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/masuk");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
}

export async function expectSignedOut(page: Page, path = "/beranda"): Promise<void> {
  await page.goto(path);
  await expect(page).toHaveURL(/\/masuk/);
}

/**
 * On the invitation page (/admin/pengguna/undang): invites a bank officer for the office whose id is
 * given and returns the one-time link the page shows (the demo's "mail").
 */
export async function inviteOfficer(page: Page, invitee: { email: string; name: string; officeId: string }): Promise<string> {
  await page.getByLabel("Email kantor").fill(invitee.email);
  await page.getByLabel("Nama lengkap").fill(invitee.name);
  await page.getByLabel("Peran").selectOption("BANK_OFFICER");
  await page.getByLabel("Cakupan").selectOption(`office:${invitee.officeId}`);
  await page.getByRole("button", { name: "Buat undangan" }).click();
  await expect(page.getByRole("heading", { name: "Undangan dibuat" })).toBeVisible();
  const link = await page.getByLabel("Tautan sekali pakai").inputValue();
  expect(link).toMatch(/\/atur-sandi\/[A-Za-z0-9_-]{43}$/);
  return link;
}

/** On the page a link opens (/atur-sandi/…): chooses the password, typed twice. */
export async function choosePassword(page: Page, password: string): Promise<void> {
  await page.getByLabel("Kata sandi baru", { exact: true }).fill(password);
  await page.getByLabel("Ulangi kata sandi baru").fill(password);
  await page.getByRole("button", { name: "Simpan kata sandi" }).click();
}
