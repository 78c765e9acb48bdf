import type { Page, Response } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD, expect, test, type Account } from "./fixtures";

/** Every page of the portal, as the role that may open it (null: anonymous). */
const PAGES: ReadonlyArray<[Account | null, string]> = [
  [null, "/masuk"],
  [null, "/verifikasi/TIDAK-ADA-123"],
  [null, "/halaman-yang-tidak-ada"],
  ["officerBri", "/beranda"],
  ["officerBri", "/pendaftaran"],
  ["officerBri", "/pendaftaran/baru"],
  ["officerBri", "/pendaftaran/draf"],
  ["reviewerBandung", "/tinjauan"],
  ["headOffice", "/dasbor"],
  ["headOffice", "/tunggakan"],
  ["admin", "/admin/target"],
];

/** Counts the browser's CSP violation reports from the first byte of each document on. */
async function watchViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

function nonceOf(response: Response): string {
  const csp = response.headers()["content-security-policy"] ?? "";
  expect(csp).toContain("script-src 'self' 'nonce-");
  expect(csp).toContain("frame-ancestors 'none'");
  return /'nonce-([^']+)'/.exec(csp)![1]!;
}

test.describe("Content-Security-Policy with a nonce on every page (docs/decisions/0015-abuse-limits.md)", () => {
  for (const [account, path] of PAGES) {
    test(`${path} (${account ?? "anonymous"}): a fresh nonce, every script carries it, nothing is blocked`, async ({ page, asUser, allowConsoleError }) => {
      if (path === "/halaman-yang-tidak-ada") allowConsoleError(/404/);
      if (path.startsWith("/verifikasi/")) allowConsoleError(/404/);
      await watchViolations(page);
      if (account) await asUser(account);
      const response = (await page.goto(path))!;
      const nonce = nonceOf(response);
      const html = await response.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      expect(scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);
      await page.waitForLoadState("networkidle");
      expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
      // A second visit gets a different nonce.
      const again = (await page.goto(path))!;
      expect(nonceOf(again)).not.toBe(nonce);
      // The headers that were there before stay.
      const headers = again.headers();
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["x-frame-options"]).toBe("DENY");
      expect(headers["referrer-policy"]).toBe("same-origin");
      expect(headers["permissions-policy"]).toContain("camera=()");
    });
  }
});

test.describe("HTTPS behind a proxy", () => {
  test("HSTS only when the request came over HTTPS (X-Forwarded-Proto from the proxy), never over plain HTTP", async ({ request }) => {
    const plain = await request.get("/masuk");
    expect(plain.headers()["strict-transport-security"]).toBeUndefined();
    const secure = await request.get("/masuk", { headers: { "X-Forwarded-Proto": "https" } });
    expect(secure.headers()["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    expect(secure.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
    expect(plain.headers()["content-security-policy"]).not.toContain("upgrade-insecure-requests");
  });

  test("the session cookie is Secure (and __Secure-) when signed in over HTTPS", async ({ request }) => {
    const https = { "X-Forwarded-Proto": "https" };
    const csrf = await request.get("/api/auth/csrf", { headers: https });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = csrf.headersArray().find((h) => h.name.toLowerCase() === "set-cookie" && h.value.includes("csrf-token"))!.value;
    expect(csrfCookie).toMatch(/;\s*Secure/i);
    const signIn = await request.post("/api/auth/callback/credentials", {
      headers: { ...https, Cookie: csrfCookie.split(";")[0]! },
      form: { email: ACCOUNTS.headOffice, password: DEMO_PASSWORD, csrfToken, callbackUrl: "/beranda" },
      maxRedirects: 0,
    });
    expect(signIn.status()).toBe(302);
    const session = signIn.headersArray().find((h) => h.name.toLowerCase() === "set-cookie" && h.value.includes("session-token"));
    expect(session?.value).toMatch(/^__Secure-authjs\.session-token=/);
    expect(session?.value).toMatch(/;\s*Secure/i);
    expect(session?.value).toMatch(/;\s*HttpOnly/i);
  });
});
