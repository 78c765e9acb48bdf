/**
 * Input PostgreSQL cannot store (a NUL byte in text) is a field error naming the field, in every
 * text field of every form (issue #16): the e-form (submit and draft), the reviewer's return reason
 * and payment reference (the sign-in form goes through the same formAction; next-auth does not load
 * in vitest). Through the real actions; nothing is written.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/auth/session", () => import("../support/actions").then((m) => m.sessionStub()));
vi.mock("next/headers", () => import("../support/actions").then((m) => m.headersStub()));
vi.mock("next-intl/server", () => import("../support/actions").then((m) => m.intlStub()));
vi.mock("next/cache", () => import("../support/actions").then((m) => m.cacheStub()));

const { formData, runAction, signInAs, useLocale } = await import("../support/actions");
const { db } = await import("@/lib/db");
const { todayInZone } = await import("@/lib/rules");
const { DEMO_ACCOUNTS, uniqueNik } = await import("../support/db");
const { eformFields, uniqueLoanNumber } = await import("../support/eform");
const { submitEnrolmentAction, saveDraftAction } = await import("@/lib/enrolment/actions");
const { returnAction, recordPaymentAction } = await import("@/lib/review/actions");

const NUL_MESSAGE = "Isian ini berisi karakter yang tidak dapat disimpan (karakter NUL). Hapus karakter itu, lalu kirim lagi.";
const TODAY = todayInZone(new Date(), "Asia/Jakarta");
let kcBandungId: string;
let form: Record<string, string>;

beforeAll(async () => {
  kcBandungId = (await db().kantorCabang.findUniqueOrThrow({ where: { code: "KC-BANDUNG-SUCI" } })).id;
});

beforeEach(() => {
  useLocale("id");
  form = eformFields(TODAY, { nik: uniqueNik("1987-02-03"), birthDate: "1987-02-03", kantorCabangId: kcBandungId, loanNumber: uniqueLoanNumber("NUL"), submissionKey: randomUUID() });
});

afterAll(async () => {
  await db().$disconnect();
});

type FormActionOf = (prev: never, data: FormData) => Promise<unknown>;

async function expectNulRefused(action: FormActionOf, fields: Record<string, string>, field: string) {
  const posted = { ...fields, [field]: `${fields[field] ?? ""}a\u0000b` };
  const run = await runAction(action as (prev: object, data: FormData) => Promise<unknown>, {}, formData(posted));
  const state = run.result as { code?: string; errors?: Record<string, string[]>; values?: Record<string, string> };
  expect(state?.code, field).toBe("VALIDATION");
  expect(state.errors, field).toEqual({ [field]: [NUL_MESSAGE] });
  if (!/password/i.test(field)) expect(state.values?.[field], field).toBe(`${fields[field] ?? ""}ab`);
}

describe("a NUL byte in any text field is a field error naming it", () => {
  it("every field of the e-form, on submit and on save as draft; nothing is written", async () => {
    await signInAs(DEMO_ACCOUNTS.officerBri);
    const before = await db().enrolment.count();
    const drafts = await db().enrolmentDraft.count();
    for (const field of Object.keys(form)) {
      await expectNulRefused(submitEnrolmentAction, form, field);
      await expectNulRefused(saveDraftAction, form, field);
    }
    expect(await db().enrolment.count()).toBe(before);
    expect(await db().enrolmentDraft.count()).toBe(drafts);
  });

  it("the reviewer's return reason and payment reference", async () => {
    await signInAs(DEMO_ACCOUNTS.reviewerBandung);
    const enrolmentId = randomUUID();
    await expectNulRefused(returnAction, { enrolmentId, version: "1", reason: "Penghasilan tidak sesuai dokumen." }, "reason");
    await expectNulRefused(recordPaymentAction, { enrolmentId, version: "1", reference: "BPJS-REF-1", paidOn: TODAY, amount: "16800" }, "reference");
  });
});
