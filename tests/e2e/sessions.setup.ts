/**
 * Signs each demo account in once per run, through next-auth's real credentials endpoint (the
 * same authorize() and throttle the login form uses), and saves its session cookie for the
 * journeys (fixtures.ts: `asUser`, `pageAs`). The login form itself is tested where it is the
 * subject: login-throttle.spec.ts and the wrong-password test in enrolment.spec.ts.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { request as playwrightRequest } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD, expect, sessionFile, test, type Account } from "./fixtures";

test("every demo account signs in once, and its session opens /beranda", async ({ baseURL }) => {
  await mkdir(path.dirname(sessionFile("officerBri")), { recursive: true });
  await Promise.all(
    (Object.keys(ACCOUNTS) as Account[]).map(async (account) => {
      const api = await playwrightRequest.newContext({ baseURL });
      try {
        const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
        const signIn = await api.post("/api/auth/callback/credentials", {
          form: { email: ACCOUNTS[account], password: DEMO_PASSWORD, csrfToken, callbackUrl: "/beranda" },
          maxRedirects: 0,
        });
        expect(signIn.status(), account).toBe(302);
        expect(signIn.headers().location, account).not.toMatch(/error/i);
        const home = await api.get("/beranda", { maxRedirects: 0 });
        expect(home.status(), `${account}: /beranda with the new session`).toBe(200);
        await api.storageState({ path: sessionFile(account) });
      } finally {
        await api.dispose();
      }
    }),
  );
});
