import { test as base, expect, type Page } from "@playwright/test";
import pg from "pg";

export const DEMO_PASSWORD = "LindungiKUR-2026";

export const ACCOUNTS = {
  officerBri: "petugas.bri@demo.lindungikur.id",
  officerBni: "petugas.bni@demo.lindungikur.id",
  reviewerBandung: "verifikator.bandung@demo.lindungikur.id",
  managerJabar: "manajer.jabar@demo.lindungikur.id",
} as const;

export async function login(page: Page, email: string): Promise<void> {
  await page.goto("/masuk");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Masuk" }).click();
  // bcrypt at cost 12 takes a few hundred ms, far more on a loaded CI machine.
  await expect(page).toHaveURL(/\/beranda$/, { timeout: 15_000 });
}

/** Read-only look at the e2e database, to check what a journey wrote. */
export async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** A NIK no other run used: Kota Bandung, a man born on `birthDate` (YYYY-MM-DD), random serial. */
export function freshNik(birthDate: string): string {
  const [y, m, d] = birthDate.split("-");
  const district = String(10 + Math.floor(Math.random() * 89));
  const serial = String(1 + Math.floor(Math.random() * 9998)).padStart(4, "0");
  return `3273${district}${d}${m}${y!.slice(2)}${serial}`;
}

/** Fails a test on any uncaught error in the page. */
export const test = base.extend<{ pageErrors: void }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await use();
      expect(errors, "uncaught errors in the page").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
