import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import pg from "pg";

export const DEMO_PASSWORD = "LindungiKUR-2026";

/** The seeded demo accounts (prisma/seed/demo.ts) the journeys sign in as. */
export const ACCOUNTS = {
  officerBri: "petugas.bri@demo.lindungikur.id",
  officerBni: "petugas.bni@demo.lindungikur.id",
  reviewerBandung: "verifikator.bandung@demo.lindungikur.id",
  reviewerSemarang: "verifikator.semarang@demo.lindungikur.id",
  managerJabar: "manajer.jabar@demo.lindungikur.id",
  headOffice: "pusat@demo.lindungikur.id",
  admin: "admin@demo.lindungikur.id",
} as const;
export type Account = keyof typeof ACCOUNTS;

/**
 * Where tests/e2e/sessions.setup.ts keeps each account's signed-in browser state (its session
 * cookie). It signs every account in once per run, through the real next-auth credentials
 * endpoint; the journeys start from those sessions instead of typing the login form each time.
 */
export function sessionFile(account: Account): string {
  return path.resolve("test-results", "sessions", `${account}.json`);
}

type StorageState = { cookies: Parameters<BrowserContext["addCookies"]>[0] };

function sessionOf(account: Account): StorageState {
  const file = sessionFile(account);
  if (!existsSync(file)) throw new Error(`No saved session for ${account}: the "sessions" project (sessions.setup.ts) must run first.`);
  return JSON.parse(readFileSync(file, "utf8")) as StorageState;
}

/**
 * Signs `page`'s browser context in as `account` (replacing any other session, keeping other
 * cookies such as the language) and opens /beranda, where a sign-in through the form lands.
 */
async function signInAs(page: Page, account: Account): Promise<void> {
  const context = page.context();
  await context.clearCookies({ name: /^(__Secure-|__Host-)?authjs\./ });
  await context.addCookies(sessionOf(account).cookies);
  await page.goto("/beranda");
  await expect(page).toHaveURL(/\/beranda$/);
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

/**
 * Province, regency and district digits of a NIK that Kemendagri's area codes allow (docs/regulation.md
 * §6.1): Kota Bandung or one of four Jawa Barat kabupaten, each with at least 30 kecamatan.
 */
function randomJabarArea(): string {
  const regency = ["73", "01", "02", "04", "05"][Math.floor(Math.random() * 5)]!;
  return `32${regency}${String(1 + Math.floor(Math.random() * 30)).padStart(2, "0")}`;
}

/** A NIK no other run used: Jawa Barat, a man born on `birthDate` (YYYY-MM-DD), random serial. */
export function freshNik(birthDate: string): string {
  const [y, m, d] = birthDate.split("-");
  const area = randomJabarArea();
  const serial = String(1 + Math.floor(Math.random() * 9998)).padStart(4, "0");
  return `${area}${d}${m}${y!.slice(2)}${serial}`;
}

/**
 * Errors in the page fail the test: uncaught exceptions (pageerror) and console.error lines, in
 * every page of the test's contexts. Allowed without asking: the browser's own "Failed to load
 * resource" line for a page the test navigated to that answers 4xx (the test asserts that status).
 * Anything else a test expects, it declares first with `allowConsoleError(/pattern/)`.
 */
class PageErrors {
  private readonly errors: string[] = [];
  private readonly allowed: RegExp[] = [];
  private readonly failedNavigations = new Set<string>();

  watch(context: BrowserContext): void {
    context.on("response", (response) => {
      const request = response.request();
      if (response.status() >= 400 && request.isNavigationRequest() && request.frame().parentFrame() === null) this.failedNavigations.add(response.url());
    });
    context.on("weberror", (e) => this.errors.push(`pageerror: ${e.error().message}`));
    context.on("console", (message) => {
      if (message.type() !== "error") return;
      const text = message.text();
      const url = message.location().url;
      if (/^Failed to load resource: the server responded with a status of 4\d\d/.test(text) && this.failedNavigations.has(url)) return;
      if (this.allowed.some((p) => p.test(text))) return;
      this.errors.push(`console.error: ${text}${url ? ` (${url})` : ""}`);
    });
  }

  allow(pattern: RegExp): void {
    this.allowed.push(pattern);
  }

  check(): void {
    expect(this.errors, "errors in the page (console.error or uncaught)").toEqual([]);
  }
}

interface Fixtures {
  pageErrors: PageErrors;
  /** Signs the test's page in as a demo account (a saved session: no typing) and opens /beranda. */
  asUser: (account: Account) => Promise<void>;
  /** A second browser (its own context) signed in as `account`, on /beranda; closed after the test. */
  pageAs: (account: Account) => Promise<Page>;
  /** Declares a console.error line the test provokes on purpose. */
  allowConsoleError: (pattern: RegExp) => void;
}

export const test = base.extend<Fixtures>({
  pageErrors: [
    async ({ context }, provide) => {
      const errors = new PageErrors();
      errors.watch(context);
      await provide(errors);
      errors.check();
    },
    { auto: true },
  ],
  asUser: async ({ page }, provide) => {
    await provide((account) => signInAs(page, account));
  },
  pageAs: async ({ browser, pageErrors }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async (account) => {
      const context = await browser.newContext();
      contexts.push(context);
      pageErrors.watch(context);
      const page = await context.newPage();
      await signInAs(page, account);
      return page;
    });
    await Promise.all(contexts.map((c) => c.close()));
  },
  allowConsoleError: async ({ pageErrors }, provide) => {
    await provide((pattern) => pageErrors.allow(pattern));
  },
});

export { expect };
