/**
 * The quote API as a bank's system sees it: over HTTP against the production build, with the demo
 * key the README publishes (prisma/seed/api-keys.ts seeds it). API only: no browser is launched.
 */
import { expect, test } from "@playwright/test";
import { contributionForMonth, monthOf, todayInZone } from "../../lib/rules";

/** The README's demo key for BRI (demo data, not a secret). */
const DEMO_API_KEY = "lk_demo_bri_7Qm2VxR9pL4sT8nW3kZ6yH1c";
const auth = { Authorization: `Bearer ${DEMO_API_KEY}` };

const KECIL = { scheme: "KECIL", plafon: 150_000_000, declaredIncome: 3_000_000, jht: true, sector: "OTHER" };

test.describe("POST /api/v1/quotes (docs/api.md)", () => {
  test("200: KUR kecil is mandatory — Permenko 1/2023 Pasal 26 ayat (8) — with this month's contribution", async ({ request }) => {
    const response = await request.post("/api/v1/quotes", { headers: auth, data: KECIL });
    expect(response.status()).toBe(200);
    expect(response.headers()["cache-control"]).toBe("no-store");
    const body = await response.json();
    expect(body.mandate).toMatchObject({
      status: "MANDATORY",
      ruleId: "MANDATE_KECIL",
      legalBasis: "Permenko 1/2023 Pasal 26 ayat (8)",
    });
    const month = monthOf(todayInZone(new Date(), "Asia/Jakarta"));
    const expected = contributionForMonth({ declaredIncome: 3_000_000, jht: true, sector: "OTHER", month });
    expect(body.contribution).toEqual({
      month,
      tierBasis: expected.tierBasis,
      jkk: expected.jkk,
      jkm: expected.jkm,
      jht: expected.jht,
      discount: expected.discount,
      reliefRuleId: expected.reliefRuleId,
      total: expected.total,
    });
  });

  test("200: BRI's KUR mikro in Kanwil Jawa Barat is PHASED_REQUIRED by the demo phase rule — Pasal 22 ayat (8)", async ({ request }) => {
    const response = await request.post("/api/v1/quotes", {
      headers: auth,
      data: { scheme: "MIKRO", plafon: 50_000_000, declaredIncome: 2_000_000, jht: false, sector: "OTHER", kanwilCode: "JAWA_BARAT" },
    });
    expect(response.status()).toBe(200);
    expect((await response.json()).mandate.status).toBe("PHASED_REQUIRED");
  });

  test("401 with WWW-Authenticate: Bearer, without a key and with a wrong one", async ({ request }) => {
    const none = await request.post("/api/v1/quotes", { data: KECIL });
    expect(none.status()).toBe(401);
    expect(none.headers()["www-authenticate"]).toMatch(/^Bearer /);

    const wrong = await request.post("/api/v1/quotes", {
      headers: { Authorization: "Bearer lk_0123456789abcdefghijABCDEFGHIJ_-xyz" },
      data: KECIL,
    });
    expect(wrong.status()).toBe(401);
    expect(wrong.headers()["www-authenticate"]).toMatch(/^Bearer .*error="invalid_token"/);
  });

  test("422 lists every invalid field at once, in Indonesian", async ({ request }) => {
    const response = await request.post("/api/v1/quotes", {
      headers: auth,
      data: {
        scheme: "MIKRO",
        plafon: 100_000_001,
        declaredIncome: 0,
        jht: "on",
        sector: "OTHER",
        nik: "3201011708850001",
        birthDate: "1985-08-18",
      },
    });
    expect(response.status()).toBe(422);
    const { errors } = await response.json();
    expect(Object.keys(errors).sort()).toEqual(["birthDate", "declaredIncome", "jht", "plafon"]);
    expect(errors.birthDate[0]).toBe("Tanggal lahir tidak sesuai dengan NIK (NIK menunjukkan 17/08/1985).");
  });

  test("400 for a body that is not JSON; 405 for GET", async ({ request }) => {
    const malformed = await request.post("/api/v1/quotes", {
      headers: { ...auth, "Content-Type": "application/json" },
      // A Buffer is sent as it is; a string would be JSON-encoded because of the Content-Type.
      data: Buffer.from('{"scheme": "KECIL",'),
    });
    expect(malformed.status()).toBe(400);
    expect((await malformed.json()).error).toBe("Badan permintaan bukan JSON yang valid.");

    const get = await request.get("/api/v1/quotes", { headers: auth });
    expect(get.status()).toBe(405);
    expect(get.headers()["allow"]).toBe("POST");
  });
});

test.describe("GET /api/v1/openapi.json", () => {
  test("serves the OpenAPI 3.1 document without a key", async ({ request }) => {
    const response = await request.get("/api/v1/openapi.json");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^application\/json/);
    const doc = await response.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(Object.keys(doc.paths["/api/v1/quotes"].post.responses)).toEqual(
      expect.arrayContaining(["200", "400", "401", "422"]),
    );
  });
});
