/**
 * Faults lose nothing and say so (issue #16; docs/decisions/0015-abuse-limits.md §Faults): the
 * database is killed in the middle of a burst of e-form submits through the real server action.
 * Every submit the officer was told succeeded exists exactly once; every other one was told
 * "temporarily unavailable, nothing was saved" with an error id and the input kept; after the
 * database is back the same process reconnects by itself, and sending a failed form again records it
 * once (the submission key makes a resend harmless, also when the lost answer was a commit).
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { logger } from "@/lib/log";
import { outageRelay, type Outage } from "../support/db-outage";

// The app under test reaches its database through the relay; the checks below go to the real one.
const realUrl = process.env.DATABASE_URL!;
const outage: Outage = await outageRelay(realUrl);
process.env.DATABASE_URL = outage.url;

vi.mock("@/lib/auth/session", () => import("../support/actions").then((m) => m.sessionStub()));
vi.mock("next/headers", () => import("../support/actions").then((m) => m.headersStub()));
vi.mock("next-intl/server", () => import("../support/actions").then((m) => m.intlStub()));
vi.mock("next/cache", () => import("../support/actions").then((m) => m.cacheStub()));

const { formData, runAction, signInAsActor, useLocale } = await import("../support/actions");
const { db } = await import("@/lib/db");
const { todayInZone } = await import("@/lib/rules");
const { actorByEmail, DEMO_ACCOUNTS, uniqueNik } = await import("../support/db");
const { eformFields, uniqueLoanNumber } = await import("../support/eform");
const { submitEnrolmentAction } = await import("@/lib/enrolment/actions");

const BURST = 30;
const TODAY = todayInZone(new Date(), "Asia/Jakarta");
let kcBandungId: string;
const real = new pg.Pool({ connectionString: realUrl, max: 2 });

let officer: Awaited<ReturnType<typeof actorByEmail>>;

beforeAll(async () => {
  officer = await actorByEmail(DEMO_ACCOUNTS.officerBri);
  kcBandungId = (await db().kantorCabang.findUniqueOrThrow({ where: { code: "KC-BANDUNG-SUCI" } })).id;
});

afterAll(async () => {
  await db().$disconnect();
  await outage.close();
  await real.end();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function submit(fields: Record<string, string>) {
  const run = await runAction(submitEnrolmentAction, {}, formData(fields));
  return run;
}

async function storedCount(submissionKey: string): Promise<number> {
  const { rows } = await real.query<{ n: number }>(`select count(*)::int as n from "Enrolment" where "submissionKey" = $1`, [submissionKey]);
  return rows[0]!.n;
}

describe("the database killed during a burst of submits", () => {
  it("every acknowledged enrolment exists exactly once, every other officer was told 'nothing was saved' with the input kept, and the app reconnects by itself", async () => {
    signInAsActor(officer);
    useLocale("id");
    const errors = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const forms = Array.from({ length: BURST }, () => {
      const birthDate = "1986-03-15";
      return eformFields(TODAY, { nik: uniqueNik(birthDate), birthDate, kantorCabangId: kcBandungId, loanNumber: uniqueLoanNumber("PADAM"), submissionKey: randomUUID() });
    });

    // The burst: a submit every 40 ms over 1.2 s; the database dies at 0.3 s and is back at 0.8 s.
    // One submit first, so that the burst measures the fault, not the first request's warm-up.
    const warm = await submit(eformFields(TODAY, { nik: uniqueNik("1986-03-15"), birthDate: "1986-03-15", kantorCabangId: kcBandungId, loanNumber: uniqueLoanNumber("PADAM") }));
    expect(warm.redirect?.url).toMatch(/^\/pendaftaran\//);
    const runs = forms.map(async (fields, i) => {
      await sleep(i * 40);
      return submit(fields);
    });
    await sleep(300);
    await outage.down();
    await sleep(500);
    await outage.up();
    const answers = await Promise.all(runs);

    const acknowledged = answers.flatMap((a, i) => (a.redirect ? [{ i, url: a.redirect.url }] : []));
    const refused = answers.flatMap((a, i) => (a.result ? [{ i, state: a.result }] : []));
    expect(acknowledged.length + refused.length).toBe(BURST);
    // The fault really happened mid-burst: some were saved, some were not.
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);

    for (const { i, url } of acknowledged) {
      expect(url).toMatch(/^\/pendaftaran\/[0-9a-f-]{36}\?terkirim=1$/);
      const { rows } = await real.query<{ id: string }>(`select id from "Enrolment" where "submissionKey" = $1`, [forms[i]!.submissionKey]);
      expect(rows.map((r) => `/pendaftaran/${r.id}?terkirim=1`)).toEqual([url]);
    }
    for (const { i, state } of refused) {
      expect(state.code).toBe("UNAVAILABLE");
      expect(state.errorId).toMatch(/^[0-9A-F]{8}$/);
      expect(state.message).toBe(
        `Layanan sementara tidak tersedia; tidak ada yang tersimpan. Isian Anda masih di formulir: kirim lagi sebentar lagi (formulir yang sama tidak tercatat dua kali). Kode: ${state.errorId}.`,
      );
      expect(state.values).toMatchObject({ nik: forms[i]!.nik, loanNumber: forms[i]!.loanNumber, submissionKey: forms[i]!.submissionKey });
      expect(await storedCount(forms[i]!.submissionKey!)).toBeLessThanOrEqual(1);
    }
    // Each fault was logged with the id the officer was shown.
    const loggedIds = new Set(errors.mock.calls.map((c) => (c[0] as { errorId?: string }).errorId));
    for (const { state } of refused) expect(loggedIds.has(state.errorId)).toBe(true);

    // Back: the same process reconnects without a restart, and each refused form sent again is
    // recorded exactly once (or found, when its commit had landed before the answer was lost).
    for (const { i } of refused) {
      const again = await submit(forms[i]!);
      expect(again.redirect?.url).toMatch(/^\/pendaftaran\/[0-9a-f-]{36}\?terkirim=1$/);
      expect(await storedCount(forms[i]!.submissionKey!)).toBe(1);
    }
    for (const fields of forms) expect(await storedCount(fields.submissionKey!)).toBe(1);
    errors.mockRestore();
  }, 120_000);
});
