/**
 * POST /api/v1/quotes against the real, seeded database: the route handler's own exports are called
 * with real Requests; key lookup, phase rules and lastUsedAt are real (no mocks).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { logger } from "@/lib/log";
import { BUDGETS, spend } from "@/lib/action/limits";
import { DELETE, GET, OPTIONS, PATCH, POST, PUT } from "@/app/api/v1/quotes/route";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { apiKeyByPrefix } from "@/lib/api/data";
import { displayPrefixOf } from "@/lib/api/keys";
import { createApiKey, revokeApiKey } from "@/lib/api/mutations";
import { postQuote } from "@/lib/api/quote-endpoint";
import { QuoteResponseSchema } from "@/lib/api/quote-schema";
import { db } from "@/lib/db";
import { contributionForMonth, monthOf, todayInZone } from "@/lib/rules";
import { DEMO_API_KEY } from "../../prisma/seed/api-keys";

const URL = "http://127.0.0.1/api/v1/quotes";
const TODAY = todayInZone(new Date(), "Asia/Jakarta");

const KECIL = { scheme: "KECIL", plafon: 150_000_000, declaredIncome: 3_000_000, jht: true, sector: "OTHER" } as const;
const MIKRO = { scheme: "MIKRO", plafon: 50_000_000, declaredIncome: 2_000_000, jht: false, sector: "OTHER" } as const;

function request(
  body: unknown,
  init: { key?: string | null; authorization?: string; method?: string; language?: string } = {},
): Request {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (init.language !== undefined) headers["accept-language"] = init.language;
  if (init.authorization !== undefined) headers.authorization = init.authorization;
  else if (init.key !== null) headers.authorization = `Bearer ${init.key ?? DEMO_API_KEY}`;
  return new Request(URL, {
    method: init.method ?? "POST",
    headers,
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

async function call(body: unknown, init: Parameters<typeof request>[1] = {}) {
  const response = await POST(request(body, init));
  return { status: response.status, headers: response.headers, body: await response.json() };
}

async function rowCounts() {
  const [enrolments, participants, lines, audits] = await Promise.all([
    db().enrolment.count(),
    db().participant.count(),
    db().contributionLine.count(),
    db().auditEvent.count(),
  ]);
  return { enrolments, participants, lines, audits };
}

let bniKey: string;

beforeAll(async () => {
  bniKey = (await createApiKey({ penyalurCode: "BNI", name: "uji integrasi BNI" })).key;
});

afterAll(async () => {
  await db().$disconnect();
});

describe("POST /api/v1/quotes: 200 with the decision and one month's contribution", () => {
  it("KUR kecil above Rp100 juta is mandatory — Permenko 1/2023 Pasal 26 ayat (8); the contribution is the rules' own", async () => {
    const { status, headers, body } = await call(KECIL);
    expect(status).toBe(200);
    expect(headers.get("content-type")).toMatch(/^application\/json/);
    expect(headers.get("cache-control")).toBe("no-store");
    expect(QuoteResponseSchema.safeParse(body).success).toBe(true);
    expect(body.mandate).toMatchObject({
      status: "MANDATORY",
      ruleId: "MANDATE_KECIL",
      legalBasis: "Permenko 1/2023 Pasal 26 ayat (8)",
    });
    // Default month: the current month in WIB.
    const expected = contributionForMonth({ declaredIncome: 3_000_000, jht: true, sector: "OTHER", month: monthOf(TODAY) });
    expect(body.contribution).toEqual({
      month: monthOf(TODAY),
      tierBasis: expected.tierBasis,
      jkk: expected.jkk,
      jkm: expected.jkm,
      jht: expected.jht,
      discount: expected.discount,
      reliefRuleId: expected.reliefRuleId,
      total: expected.total,
    });
  });

  it("relief PP 50/2025 halves JKK and JKM for 2026-11, not for 2027-01 (non-transport)", async () => {
    const relieved = await call({ ...KECIL, month: "2026-11" });
    expect(relieved.body.contribution).toEqual({
      month: "2026-11",
      tierBasis: 2_950_000,
      jkk: 14_750,
      jkm: 3_400,
      jht: 59_000,
      discount: 18_150,
      reliefRuleId: "PP50-2025-NONTRANSPORT",
      total: 77_150,
    });
    const full = await call({ ...KECIL, month: "2027-01" });
    expect(full.body.contribution).toMatchObject({ jkk: 29_500, jkm: 6_800, discount: 0, reliefRuleId: null, total: 95_300 });
  });

  it("KUR mikro of BRI in Kanwil Jawa Barat is PHASED_REQUIRED by the seeded phase rule from 01/07/2026 — Pasal 22 ayat (8)", async () => {
    const { status, body } = await call({ ...MIKRO, kanwilCode: "JAWA_BARAT" });
    expect(status).toBe(200);
    expect(body.mandate).toMatchObject({
      status: "PHASED_REQUIRED",
      ruleId: "PHASED_MATCHED",
      legalBasis: "Permenko 1/2023 Pasal 22 ayat (8)",
    });
    expect(body.mandate.explanation).toContain("01/07/2026");
  });

  it("the same KUR mikro of BRI in Kanwil Sumbagut, or with no Kanwil, is VOLUNTARY — Pasal 22 ayat (8)", async () => {
    for (const kanwil of [{ kanwilCode: "SUMBAGUT" }, {}, { kanwilCode: null }]) {
      const { status, body } = await call({ ...MIKRO, ...kanwil });
      expect(status).toBe(200);
      expect(body.mandate).toMatchObject({ status: "VOLUNTARY", ruleId: "PHASED_VOLUNTARY" });
    }
  });

  it("the penyalur comes from the key: BNI's key in Jawa Barat is not in BRI's phase, so VOLUNTARY", async () => {
    const { status, body } = await call({ ...MIKRO, kanwilCode: "JAWA_BARAT" }, { key: bniKey });
    expect(status).toBe(200);
    expect(body.mandate.status).toBe("VOLUNTARY");
  });

  it("a request cannot pick its own penyalur: an extra penyalurId field is refused", async () => {
    const { status, body } = await call({ ...MIKRO, kanwilCode: "JAWA_BARAT", penyalurId: "BRI" }, { key: bniKey });
    expect(status).toBe(422);
    expect(Object.keys(body.errors)).toEqual(["penyalurId"]);
  });

  it("KUR PMI is OUT_OF_SCOPE and has no contribution (docs/regulation.md §2)", async () => {
    const { status, body } = await call({ ...MIKRO, scheme: "PMI" });
    expect(status).toBe(200);
    expect(body.mandate.status).toBe("OUT_OF_SCOPE");
    expect(body.contribution).toBeNull();
  });

  it("returns no personal data: the NIK, birth date and sex are checked, never echoed", async () => {
    const nik = "3201011708850001";
    const response = await POST(request({ ...KECIL, nik, birthDate: "1985-08-17", sex: "L" }));
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(text).not.toContain(nik);
    expect(text).not.toContain("1985");
  });
});

describe("POST /api/v1/quotes writes nothing", () => {
  it("Enrolment, Participant, ContributionLine and AuditEvent row counts are unchanged after quotes of every kind", async () => {
    const before = await rowCounts();
    await call(KECIL);
    await call({ ...MIKRO, kanwilCode: "JAWA_BARAT", nik: "3201011708850001", birthDate: "1985-08-17", sex: "L" });
    await call({ ...MIKRO, scheme: "PMI" });
    await call({ ...KECIL, plafon: 1 });
    await call(KECIL, { key: null });
    expect(await rowCounts()).toEqual(before);
  });

  it("only the key's lastUsedAt is noted, at most once an hour", async () => {
    const { key, prefix } = await createApiKey({ penyalurCode: "BRI", name: "uji lastUsedAt" });
    expect((await apiKeyByPrefix(prefix))?.lastUsedAt).toBeNull();
    expect((await call(KECIL, { key })).status).toBe(200);
    const first = (await apiKeyByPrefix(prefix))?.lastUsedAt;
    expect(first).not.toBeNull();
    expect((await call(KECIL, { key })).status).toBe(200);
    expect((await apiKeyByPrefix(prefix))?.lastUsedAt).toBe(first);
  });
});

describe("POST /api/v1/quotes: 401 without a valid key, with WWW-Authenticate: Bearer", () => {
  it.each([
    ["no Authorization header", { key: null }, 'Bearer realm="LindungiKUR"'],
    ["a Basic credential", { authorization: "Basic dXNlcjpwYXNz" }, 'Bearer realm="LindungiKUR"'],
    ["an empty bearer", { authorization: "Bearer " }, 'Bearer realm="LindungiKUR"'],
    ["a malformed key", { key: "not-a-key" }, 'Bearer realm="LindungiKUR", error="invalid_token"'],
    ["a well-formed key never issued", { key: "lk_0123456789abcdefghijABCDEFGHIJ_-xyz" }, 'Bearer realm="LindungiKUR", error="invalid_token"'],
    ["the demo key with one character changed", { key: `${DEMO_API_KEY.slice(0, -1)}X` }, 'Bearer realm="LindungiKUR", error="invalid_token"'],
  ])("%s → 401", async (_label, init, challenge) => {
    const { status, headers, body } = await call(KECIL, init);
    expect(status).toBe(401);
    expect(headers.get("www-authenticate")).toBe(challenge);
    expect(body).toEqual({ error: expect.stringMatching(/Kunci API/) });
  });

  it("authentication comes first: without a key even a malformed body gets 401, not 400", async () => {
    expect((await call("{not json", { key: null })).status).toBe(401);
  });

  it("a revoked key gets 401 from the next request on", async () => {
    const { key } = await createApiKey({ penyalurCode: "BRI", name: "uji pencabutan" });
    expect((await call(KECIL, { key })).status).toBe(200);
    expect(await revokeApiKey(displayPrefixOf(key))).toBe(true);
    expect(await revokeApiKey(displayPrefixOf(key))).toBe(false);
    const { status, headers } = await call(KECIL, { key });
    expect(status).toBe(401);
    expect(headers.get("www-authenticate")).toMatch(/^Bearer .*error="invalid_token"/);
  });

  it("creating and revoking a key are audited", async () => {
    const { id, prefix } = await createApiKey({ penyalurCode: "MANDIRI", name: "uji audit" });
    await revokeApiKey(prefix);
    const actions = await db().auditEvent.findMany({ where: { entityType: "ApiKey", entityId: id }, select: { action: true }, orderBy: { id: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["API_KEY_CREATED", "API_KEY_REVOKED"]);
  });
});

describe("POST /api/v1/quotes: the answer's words are in the language asked for (Accept-Language), the codes never change", () => {
  it("Indonesian by default; English for Accept-Language: en — the same decision, code and parameters", async () => {
    const id = await call({ ...MIKRO, kanwilCode: "JAWA_BARAT" });
    const en = await call({ ...MIKRO, kanwilCode: "JAWA_BARAT" }, { language: "en-US,en;q=0.9,id;q=0.5" });
    expect(id.headers.get("content-language")).toBe("id");
    expect(en.headers.get("content-language")).toBe("en");
    expect(en.headers.get("vary")).toMatch(/Accept-Language/);
    expect(QuoteResponseSchema.safeParse(en.body).success).toBe(true);
    expect(id.body.mandate).toMatchObject({
      explanation:
        "Wajib bertahap: debitur KUR Mikro pada tahap BRI di Kanwil Jawa Barat wajib menjadi peserta sejak 01/07/2026 — Permenko 1/2023 Pasal 22 ayat (8).",
      explanationCode: "mandate.phasedMatched",
      explanationParams: { scheme: "MIKRO", phase: "BRI di Kanwil Jawa Barat", startDate: "01/07/2026" },
    });
    expect(en.body).toEqual({
      ...id.body,
      mandate: {
        ...id.body.mandate,
        legalBasis: "Permenko 1/2023 Article 22(8)",
        explanation:
          "Mandatory (phased): KUR Mikro debtors in phase BRI di Kanwil Jawa Barat must be enrolled from 01/07/2026 — Permenko 1/2023 Article 22(8).",
      },
    });
  });

  it("errors are in English too: 401, 400 and 422", async () => {
    const noKey = await call(KECIL, { key: null, language: "en" });
    expect(noKey.status).toBe(401);
    expect(noKey.body).toEqual({ error: "An API key is required: send the header Authorization: Bearer <API key>." });
    const malformed = await call("{\"scheme\": \"KECIL\",", { language: "en" });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({ error: "The request body is not valid JSON." });
    const invalid = await call({ ...KECIL, scheme: "KUR_MEGA", nik: "1234" }, { language: "en" });
    expect(invalid.status).toBe(422);
    expect(invalid.headers.get("content-language")).toBe("en");
    expect(invalid.body.errors).toEqual({
      scheme: ["The KUR scheme must be one of SUPER_MIKRO, MIKRO, KECIL, KHUSUS, PMI."],
      nik: ["The NIK must be 16 digits."],
    });
  });
});

describe("POST /api/v1/quotes: 422 lists every invalid field at once", () => {
  it("bad NIK agreement, band, income, type, month, Kanwil and an unknown field, in one answer", async () => {
    const { status, body } = await call({
      scheme: "MIKRO",
      plafon: 100_000_001,
      declaredIncome: -1,
      jht: "on",
      sector: "OTHER",
      month: "2026/11",
      nik: "3201011708850001",
      birthDate: "1985-08-18",
      sex: "P",
      kanwilCode: "JABAR",
      catatan: "x",
    });
    expect(status).toBe(422);
    expect(Object.keys(body.errors).sort()).toEqual(
      ["birthDate", "catatan", "declaredIncome", "jht", "kanwilCode", "month", "plafon", "sex"].sort(),
    );
    expect(body.errors.plafon).toEqual(["Plafon KUR Mikro harus di atas Rp10.000.000 sampai Rp100.000.000."]);
  });

  it("an unknown scheme and a NIK that is not a NIK", async () => {
    const { status, body } = await call({ ...KECIL, scheme: "KUR_MEGA", nik: "1234" });
    expect(status).toBe(422);
    expect(body.errors).toEqual({
      scheme: ["Skema KUR harus salah satu dari SUPER_MIKRO, MIKRO, KECIL, KHUSUS, PMI."],
      nik: ["NIK harus 16 digit angka."],
    });
  });
});

describe("POST /api/v1/quotes: 400 and 413 for a body that is not a JSON object", () => {
  it.each([
    ["malformed JSON", "{\"scheme\": \"KECIL\",", "Badan permintaan bukan JSON yang valid."],
    ["an empty body", "", "Badan permintaan kosong"],
    ["a JSON array", "[]", "objek JSON"],
    ["JSON null", "null", "objek JSON"],
    ["a JSON string", "\"KECIL\"", "objek JSON"],
  ])("%s → 400 with a clear message", async (_label, body, message) => {
    const response = await call(body);
    expect(response.status).toBe(400);
    expect(response.body.error).toContain(message);
  });

  it("a body over 16 KiB → 413, unparsed", async () => {
    const response = await call({ ...KECIL, padding: "x".repeat(20_000) });
    expect(response.status).toBe(413);
  });
});

describe("/api/v1/quotes: other methods", () => {
  it.each([
    ["GET", GET],
    ["PUT", PUT],
    ["PATCH", PATCH],
    ["DELETE", DELETE],
  ])("%s → 405 with Allow: POST", async (_method, handler) => {
    const response = handler();
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect((await response.json()).error).toMatch(/POST/);
  });

  it("OPTIONS lists only POST (and OPTIONS)", () => {
    expect(OPTIONS().headers.get("allow")).toBe("OPTIONS, POST");
  });
});

describe("unexpected errors", () => {
  it("give 500 with an errorId that is also in the server log, never a stack trace", async () => {
    // The portal logs through pino (lib/log.ts): the line is the logger's, not console.error's.
    const logged: string[] = [];
    const spy = vi.spyOn(logger, "error").mockImplementation(((...args: unknown[]) => void logged.push(JSON.stringify(args))) as never);
    try {
      // A broken clock is a server fault, not bad input.
      const response = await postQuote(request(KECIL), new Date(Number.NaN));
      expect(response.status).toBe(500);
      const body = await response.json();
      expect(body).toEqual({ error: expect.stringContaining(body.errorId), errorId: expect.stringMatching(/^[0-9A-F]{8}$/) });
      expect(JSON.stringify(body)).not.toMatch(/RangeError|at .*\.ts/);
      expect(logged.some((l) => l.includes(body.errorId))).toBe(true);
    } finally {
      spy.mockRestore();
    }
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("serves the OpenAPI 3.1 document without a key", async () => {
    const response = getOpenApi();
    expect(response.status).toBe(200);
    const doc = await response.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.paths["/api/v1/quotes"].post.security).toEqual([{ bearerAuth: [] }]);
  });
});

describe("POST /api/v1/quotes: \"today\" is the day at the key's penyalur office, or the request's date (docs/api.md)", () => {
  // 31/03/2030 23.30 WIB is already 01/04/2030 00.30 WITA: the two offices are on different days.
  const NOW = new Date("2030-03-31T16:30:00Z");
  const BANUSPA_MIKRO = { ...MIKRO, kanwilCode: "BANUSPA" } as const;

  async function quoteAt(body: Record<string, unknown>) {
    const response = await postQuote(request(body, { key: bniKey }), NOW);
    return { status: response.status, body: await response.json() };
  }

  it("a phase starting 01/04/2030 applies at BNI's WITA office (officeCode) but not yet at its WIB head office; an explicit date overrides both", async () => {
    const bni = await db().penyalur.findUniqueOrThrow({ where: { code: "BNI" }, select: { id: true } });
    const head = await db().penyalurOffice.findFirstOrThrow({ where: { penyalurId: bni.id, parentId: null }, select: { id: true, timeZone: true } });
    expect(head.timeZone).toBe("Asia/Jakarta");
    const banuspa = await db().kanwil.findFirstOrThrow({ where: { code: "BANUSPA" }, select: { id: true } });
    const office = await db().penyalurOffice.create({
      data: { penyalurId: bni.id, parentId: head.id, level: "BRANCH", code: "BNI-DPS-UJI", name: "Kantor Cabang Denpasar (uji)", provinceCode: "51", timeZone: "Asia/Makassar" },
    });
    const phase = await db().phaseRule.create({
      data: { penyalurId: bni.id, kanwilId: banuspa.id, startDate: new Date("2030-04-01T00:00:00Z"), note: "uji: zona kantor" },
    });
    try {
      const atHead = await quoteAt(BANUSPA_MIKRO);
      expect(atHead.status).toBe(200);
      expect(atHead.body.mandate).toMatchObject({ status: "VOLUNTARY", explanationParams: expect.objectContaining({ scheme: "MIKRO" }) });
      expect(atHead.body.contribution.month).toBe("2030-03");

      const atDenpasar = await quoteAt({ ...BANUSPA_MIKRO, officeCode: "BNI-DPS-UJI" });
      expect(atDenpasar.status).toBe(200);
      expect(atDenpasar.body.mandate).toMatchObject({ status: "PHASED_REQUIRED", ruleId: "PHASED_MATCHED" });
      expect(atDenpasar.body.mandate.explanationParams.startDate).toBe("01/04/2030");
      expect(atDenpasar.body.contribution.month).toBe("2030-04");

      const dated = await quoteAt({ ...BANUSPA_MIKRO, date: "2030-04-01" });
      expect(dated.body.mandate.status).toBe("PHASED_REQUIRED");
      const datedBefore = await quoteAt({ ...BANUSPA_MIKRO, officeCode: "BNI-DPS-UJI", date: "2030-03-31" });
      expect(datedBefore.body.mandate.status).toBe("VOLUNTARY");
    } finally {
      await db().phaseRule.delete({ where: { id: phase.id } });
      await db().penyalurOffice.delete({ where: { id: office.id } });
    }
  });

  it("an office code of another penyalur, or none at all, is a 422 on officeCode", async () => {
    const other = await quoteAt({ ...MIKRO, officeCode: "BRI-BDG-AA" });
    expect(other).toEqual({ status: 422, body: { errors: { officeCode: ["Kantor dengan kode ini tidak ada pada penyalur pemilik kunci API."] } } });
    const unknown = await quoteAt({ ...MIKRO, officeCode: "TIDAK-ADA", plafon: 0 });
    expect(unknown.status).toBe(422);
    expect(Object.keys(unknown.body.errors).sort()).toEqual(["officeCode", "plafon"]);
  });

  it("a debtor who employs workers needs JHT: jht false is a 422 on jht (PP 46/2015 Pasal 4 ayat (3) huruf a; Permenaker 5/2021)", async () => {
    const { status, body } = await quoteAt({ ...MIKRO, employsWorkers: true, jht: false });
    expect(status).toBe(422);
    expect(body.errors.jht[0]).toMatch(/^JHT wajib dipilih: .*Permenaker 5\/2021\)\.$/);
  });
});

describe("POST /api/v1/quotes is limited per key (docs/decisions/0015-abuse-limits.md)", () => {
  it(`${BUDGETS.quotePerKey.points} quotes a minute per key; the next is 429 with Retry-After, and another key is not affected`, async () => {
    const { key, apiKeyId } = await createApiKey({ penyalurCode: "BNI", name: "uji batas BNI" }).then(async (k) => ({ key: k.key, apiKeyId: (await apiKeyByPrefix(displayPrefixOf(k.key)))!.id }));
    // Spend all but one of the budget as earlier requests would have.
    for (let i = 0; i < BUDGETS.quotePerKey.points - 1; i++) expect((await spend(BUDGETS.quotePerKey, apiKeyId)).allowed).toBe(true);
    expect((await call(MIKRO, { key })).status).toBe(200);
    const refused = await call(MIKRO, { key });
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(BUDGETS.quotePerKey.seconds);
    expect(refused.body.error).toBe(`Terlalu banyak permintaan dengan kunci API ini. Coba lagi dalam ${retryAfter} detik.`);
    expect((await call(MIKRO, { key: bniKey })).status).toBe(200);
  });

  it("a request without a valid key is refused (401) before it spends any budget", async () => {
    const before = await db().rateLimit.count({ where: { key: { startsWith: "api-quote:" } } });
    expect((await call(MIKRO, { key: "lk_salah_0000000000000000000000000" })).status).toBe(401);
    expect(await db().rateLimit.count({ where: { key: { startsWith: "api-quote:" } } })).toBe(before);
  });
});
