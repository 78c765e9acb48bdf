/**
 * POST/GET /api/v1/enrolments against the real, seeded database: the route handlers are called with
 * real Requests; the key, the e-form's validation and submit mutation, the audit row are real.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/enrolments/route";
import { GET as getOne } from "@/app/api/v1/enrolments/[id]/route";
import { GET as getChanges } from "@/app/api/v1/enrolments/changes/route";
import { ChangesPageSchema } from "@/lib/api/enrolments-schema";
import { approveEnrolment } from "@/lib/review/mutations";
import { demoActors } from "../support/db";
import { createApiKey } from "@/lib/api/mutations";
import { EnrolmentCreatedSchema, EnrolmentResourceSchema } from "@/lib/api/enrolments-schema";
import { db } from "@/lib/db";
import { DEMO_API_KEY } from "../../prisma/seed/api-keys";
import { uniqueLoanNumber } from "../support/eform";
import { apiBody } from "../support/h2h";

const URL = "http://127.0.0.1/api/v1/enrolments";

function request(body: unknown, init: { key?: string; idempotencyKey?: string | null; language?: string } = {}): Request {
  const headers: Record<string, string> = { "content-type": "application/json", authorization: `Bearer ${init.key ?? DEMO_API_KEY}` };
  if (init.idempotencyKey !== null) headers["idempotency-key"] = init.idempotencyKey ?? randomUUID();
  if (init.language) headers["accept-language"] = init.language;
  return new Request(URL, { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) });
}

async function create(body: unknown, init: Parameters<typeof request>[1] = {}) {
  const response = await POST(request(body, init));
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

async function read(id: string, key = DEMO_API_KEY) {
  const response = await getOne(new Request(`${URL}/${id}`, { headers: { authorization: `Bearer ${key}` } }), { params: Promise.resolve({ id }) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

let bniKey: string;
beforeAll(async () => {
  bniKey = (await createApiKey({ penyalurCode: "BNI", name: "uji h2h BNI" })).key;
});
afterAll(async () => {
  await db().$disconnect();
});

describe("POST /api/v1/enrolments: the e-form's submit, from a bank's system", () => {
  it("creates the enrolment with the e-form's decision (KUR kecil above Rp100 juta is mandatory — Permenko 1/2023 Pasal 26 ayat (8)), audited as the office's integration user", async () => {
    const body = apiBody();
    const { status, headers, body: answer } = await create(body);
    expect(status).toBe(201);
    const created = EnrolmentCreatedSchema.parse(answer);
    expect(headers.get("location")).toBe(`/api/v1/enrolments/${created.id}`);
    expect(created).toMatchObject({ status: "SUBMITTED", officeCode: "BRI-BDG-AA", duplicate: null, kpj: null, decision: { status: "MANDATORY" } });
    expect(created.clearance.state).toBe("BLOCKED");

    const stored = await db().enrolment.findUniqueOrThrow({
      where: { id: created.id },
      select: { status: true, mandateStatus: true, tenorMonths: true, kantorCabang: { select: { code: true } }, officer: { select: { active: true, passwordHash: true, role: true } }, participant: { select: { nik: true, phone: true } } },
    });
    expect(stored).toMatchObject({ status: "SUBMITTED", mandateStatus: "MANDATORY", tenorMonths: 36, kantorCabang: { code: "KC-BANDUNG-SUCI" } });
    expect(stored.participant).toEqual({ nik: body.nik, phone: "+6281234567890" });
    // Nobody can sign in as the integration user.
    expect(stored.officer).toEqual({ active: false, passwordHash: null, role: "BANK_OFFICER" });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: created.id, action: "enrolment.submit" }, select: { after: true } });
    expect(audit.after).toMatchObject({ channel: "API", status: "SUBMITTED" });
  });

  it("16 parallel calls with the same Idempotency-Key and body make one enrolment, and every call answers it", async () => {
    const body = apiBody();
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 16 }, () => create(body, { idempotencyKey: key })));
    expect(answers.map((a) => a.status)).toEqual(Array(16).fill(201));
    const ids = new Set(answers.map((a) => a.body.id));
    expect(ids.size).toBe(1);
    const participant = await db().participant.findUniqueOrThrow({ where: { nik: body.nik as string }, select: { id: true } });
    expect(await db().enrolment.count({ where: { participantId: participant.id } })).toBe(1);
    expect(await db().auditEvent.count({ where: { entityId: [...ids][0] as string, action: "enrolment.submit" } })).toBe(1);
    expect(answers.filter((a) => a.headers.get("idempotent-replayed") === "true").length).toBe(15);
  });

  it("the same key and body later returns the first answer; the same key with another body is 409 and writes nothing", async () => {
    const body = apiBody();
    const key = randomUUID();
    const first = await create(body, { idempotencyKey: key });
    // Keys in another order are the same body.
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const again = await create(reordered, { idempotencyKey: key });
    expect(again.status).toBe(first.status);
    expect(again.body.id).toBe(first.body.id);

    const before = await db().enrolment.count();
    const other = await create({ ...body, plafon: 200_000_000 }, { idempotencyKey: key });
    expect(other.status).toBe(409);
    expect(other.body.error).toMatch(/Idempotency-Key/);
    expect(await db().enrolment.count()).toBe(before);
  });

  it("a body refused with 422 does not use up its key: the corrected body under the same key is created", async () => {
    const key = randomUUID();
    const body = apiBody();
    const bad = await create({ ...body, plafon: 50_000_000 }, { idempotencyKey: key });
    expect(bad.status).toBe(422);
    const good = await create(body, { idempotencyKey: key });
    expect(good.status).toBe(201);
  });

  it("no Idempotency-Key: 400, nothing written", async () => {
    const before = await db().enrolment.count();
    const { status, body } = await create(apiBody(), { idempotencyKey: null });
    expect(status).toBe(400);
    expect(body.error).toMatch(/Idempotency-Key/);
    expect(await db().enrolment.count()).toBe(before);
  });

  it("carries the debtor's auto-debit consent like the e-form's box: a JSON boolean, stored; another type is 422 on the field (docs/decisions/0025)", async () => {
    const { status, body } = await create(apiBody({ autoDebitConsent: true }));
    expect(status).toBe(201);
    expect((await db().enrolment.findUniqueOrThrow({ where: { id: String(body.id) }, select: { autoDebitConsent: true } })).autoDebitConsent).toBe(true);
    const left = await create(apiBody());
    expect((await db().enrolment.findUniqueOrThrow({ where: { id: String(left.body.id) }, select: { autoDebitConsent: true } })).autoDebitConsent).toBe(false);
    const refused = await create(apiBody({ autoDebitConsent: "ya" }));
    expect(refused.status).toBe(422);
    expect(Object.keys(refused.body.errors as object)).toEqual(["autoDebitConsent"]);
  });

  it("422 lists every field error at once, JSON types and the e-form's rules together, in the quote API's shape", async () => {
    const { status, body } = await create(
      apiBody({ plafon: "150.000.000", tenorMonths: 36, birthDate: "1985-08-18", scheme: "MIKRO", attestNikChecked: false, penyalurId: "x", heirRelationship: "COUSIN" }),
    );
    expect(status).toBe(422);
    const errors = body.errors as Record<string, string[]>;
    expect(Object.keys(errors).sort()).toEqual(["attestNikChecked", "birthDate", "heirRelationship", "penyalurId", "plafon"].sort());
    expect(errors.plafon![0]).toMatch(/angka JSON/);
    expect(errors.penyalurId).toEqual(["Kolom tidak dikenal."]);
  });

  it("English when asked (Accept-Language: en)", async () => {
    const { status, headers, body } = await create(apiBody({ plafon: "x" }), { language: "en" });
    expect(status).toBe(422);
    expect(headers.get("content-language")).toBe("en");
    expect((body.errors as Record<string, string[]>).plafon![0]).toMatch(/must be/);
  });

  it("an office of another penyalur is unknown to the key (422 on officeCode): the scope is the key's penyalur", async () => {
    const { status, body } = await create(apiBody({ officeCode: "BNI-BDG" }));
    expect(status).toBe(422);
    expect(Object.keys(body.errors as object)).toEqual(["officeCode"]);
  });

  it("the same loan number again (another key) returns the existing enrolment with 200 and duplicate loanNumber", async () => {
    const body = apiBody();
    const first = await create(body);
    const again = await create(body);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: first.body.id, duplicate: "loanNumber" });
  });

  it("a registered NIK reuses the stored participant: its fields may be left out", async () => {
    const body = apiBody();
    await create(body);
    const { fullName: _n, birthPlace: _b, birthDate: _d, sex: _s, motherMaidenName: _m, phone: _p, addressProvinceCode: _a, addressRegency: _r, addressDistrict: _di, addressStreet: _st, ...rest } = body;
    void [_n, _b, _d, _s, _m, _p, _a, _r, _di, _st];
    const second = await create({ ...rest, loanNumber: uniqueLoanNumber("H2H") });
    expect(second.status).toBe(201);
  });
});

describe("GET /api/v1/enrolments/{id}", () => {
  it("status, decision, KPJ, contributions, cover and clearance of the key's own enrolment", async () => {
    const created = await create(apiBody());
    const { status, body } = await read(created.body.id as string);
    expect(status).toBe(200);
    const resource = EnrolmentResourceSchema.parse(body);
    expect(resource).toMatchObject({ id: created.body.id, status: "SUBMITTED", kpj: null, cover: null, contributions: [], loan: { tenorMonths: 36, disbursedOn: null } });
    expect(resource.decision.legalBasis).toBe("Permenko 1/2023 Pasal 26 ayat (8)");
  });

  it("another penyalur's key gets 404, as for an id that does not exist", async () => {
    const created = await create(apiBody());
    expect((await read(created.body.id as string, bniKey)).status).toBe(404);
    expect((await read(randomUUID())).status).toBe(404);
    expect((await read("not-a-uuid")).status).toBe(404);
  });
});

async function changes(after: string, key = DEMO_API_KEY, limit = 500) {
  const response = await getChanges(new Request(`${URL}/changes?after=${after}&limit=${limit}`, { headers: { authorization: `Bearer ${key}` } }));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("GET /api/v1/enrolments/changes: the penyalur's events since a cursor", () => {
  it("serves the submit, then the approval with its KPJ, each once as the cursor moves; another penyalur sees neither", async () => {
    let cursor = "0";
    for (;;) {
      const page = ChangesPageSchema.parse((await changes(cursor)).body);
      if (page.changes.length === 0) break;
      cursor = page.nextCursor;
    }
    const body = apiBody();
    const created = await create(body);
    const id = created.body.id as string;
    // The feed serves an event once no transaction that began before its commit is still open anywhere
    // on the cluster (docs/decisions/0024: never skipping a late commit); another test file's long batch
    // in its own database holds that horizon back for a moment, so the reader asks again, as a bank would.
    const served = async (from: string, type: string) => {
      for (let waited = 0; ; waited += 200) {
        const page = ChangesPageSchema.parse((await changes(from)).body);
        if (page.changes.some((c) => c.enrolmentId === id && c.type === type) || waited >= 15_000) return page;
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    const first = await served(cursor, "enrolment.submitted");
    expect(first.changes.filter((c) => c.enrolmentId === id).map((c) => c.type)).toEqual(["enrolment.submitted"]);
    expect(first.changes.find((c) => c.enrolmentId === id)!.payload).toMatchObject({ channel: "API", status: "SUBMITTED" });

    const { reviewerBandung } = await demoActors();
    const stored = await db().enrolment.findUniqueOrThrow({ where: { id }, select: { version: true } });
    const approved = await approveEnrolment(reviewerBandung, { enrolmentId: id, version: stored.version }, new Date());
    const second = await served(first.nextCursor, "enrolment.approved");
    expect(second.changes.filter((c) => c.enrolmentId === id).map((c) => [c.type, c.payload.kpj])).toEqual([["enrolment.approved", approved.kpj]]);
    expect(BigInt(second.nextCursor)).toBeGreaterThan(BigInt(first.nextCursor));
    // Nothing new: the cursor stays.
    const third = ChangesPageSchema.parse((await changes(second.nextCursor)).body);
    expect(third).toEqual({ changes: [], nextCursor: second.nextCursor });

    const other = ChangesPageSchema.parse((await changes("0", bniKey)).body);
    expect(other.changes.some((c) => c.enrolmentId === id)).toBe(false);
    // No NIK in any event (the approval's 16-digit billing code is not one).
    expect(JSON.stringify(first.changes) + JSON.stringify(second.changes)).not.toContain(body.nik as string);
  });

  it("422 for a cursor or limit that is not a whole number in range", async () => {
    expect(await changes("abc")).toMatchObject({ status: 422, body: { errors: { after: [expect.any(String)] } } });
    expect(await changes("0", DEMO_API_KEY, 0)).toMatchObject({ status: 422, body: { errors: { limit: [expect.any(String)] } } });
  });
});
