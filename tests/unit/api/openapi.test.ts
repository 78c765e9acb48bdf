import { describe, expect, it } from "vitest";
import {
  EXAMPLE_TODAY,
  INVALID_REQUEST_EXAMPLE,
  OPENAPI_PATH,
  PAYMENT_NOTIFICATIONS_PATH,
  QUOTES_PATH,
  REQUEST_EXAMPLES,
  openApiDocument,
} from "@/lib/api/openapi";
import { ErrorSchema, QUOTE_FIELDS, QuoteResponseSchema, ValidationErrorSchema, validateQuote } from "@/lib/api/quote-schema";
import { paymentBodyProblems } from "@/lib/api/payment-notification-schema";
import { MANDATE_RULE_IDS, RULE_ISSUE_CODES, evaluateMandate, explainMandate } from "@/lib/rules";

const doc = openApiDocument();
const post = doc.paths[QUOTES_PATH].post;
type Schema = { properties: Record<string, unknown>; required: string[]; additionalProperties?: boolean };
const schemas = doc.components.schemas as Record<string, Schema>;

describe("the OpenAPI 3.1 document of the quote API", () => {
  it("is OpenAPI 3.1 with a bearer security scheme applied to POST /api/v1/quotes", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(post.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.paths[OPENAPI_PATH].get.security).toEqual([]);
  });

  it("documents 200, 400, 401, 413, 422, 429 and 500, with WWW-Authenticate on 401 and Retry-After on 429", () => {
    expect(Object.keys(post.responses).sort()).toEqual(["200", "400", "401", "413", "422", "429", "500"]);
    expect(post.responses["401"].headers).toHaveProperty("WWW-Authenticate");
    expect(post.responses["429"].headers).toHaveProperty("Retry-After");
  });

  it("its request schema lists exactly the fields the endpoint accepts, required ones required, no others allowed", () => {
    const request = schemas.QuoteRequest!;
    expect(Object.keys(request.properties)).toEqual(QUOTE_FIELDS);
    expect(request.required).toEqual(["scheme", "plafon", "declaredIncome", "jht", "sector"]);
    expect(request.additionalProperties).toBe(false);
  });

  it("every $ref points at a component schema", () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([A-Za-z]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(schemas, ref).toHaveProperty(ref);
  });

  it("every request example is valid, and each 200 example is what the endpoint computes for it", () => {
    const responses = post.responses["200"].content["application/json"].examples;
    for (const [name, example] of Object.entries(REQUEST_EXAMPLES)) {
      expect(validateQuote(example.value, EXAMPLE_TODAY).ok, name).toBe(true);
      expect(QuoteResponseSchema.safeParse(responses[name]!.value).success, name).toBe(true);
    }
    expect(responses.kecil!.value.mandate.status).toBe("MANDATORY");
    expect(responses.mikroPhased!.value.mandate.status).toBe("PHASED_REQUIRED");
    expect(responses.pmi!.value.contribution).toBeNull();
  });

  it("the 422 example is what the endpoint answers for the invalid example, every field at once", () => {
    const example = post.responses["422"].content["application/json"].example;
    expect(ValidationErrorSchema.safeParse(example).success).toBe(true);
    const v = validateQuote(INVALID_REQUEST_EXAMPLE, EXAMPLE_TODAY);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(example.errors).toEqual(v.errors);
    expect(Object.keys(example.errors).sort()).toEqual(["birthDate", "declaredIncome", "jht", "kanwilcode", "month", "plafon"]);
  });

  it("the error examples match the Error schema", () => {
    for (const status of ["400", "401", "413", "500"] as const) {
      expect(ErrorSchema.safeParse(post.responses[status].content["application/json"].example).success, status).toBe(true);
    }
  });

  it("documents the Accept-Language header and every explanation code a decision can carry", () => {
    expect(post.parameters).toEqual([expect.objectContaining({ name: "Accept-Language", in: "header", required: false })]);
    const mandate = schemas.QuoteMandate! as Schema & { properties: { explanationCode: { enum: string[] } } };
    expect(mandate.required).toEqual(expect.arrayContaining(["explanationCode", "explanationParams"]));
    const documented = [...mandate.properties.explanationCode.enum].sort();
    expect(documented).toEqual(RULE_ISSUE_CODES.filter((c) => c.startsWith("mandate.") && c !== "mandate.legalBasis").sort());
    // Each rule id explains itself with one of the documented codes.
    const inputs = { scheme: "MIKRO", plafon: 50_000_000, date: EXAMPLE_TODAY, phaseRuleId: "p", phaseRuleStartDate: "2026-07-01", inForceFrom: "2023-02-01" };
    const used = MANDATE_RULE_IDS.map((ruleId) => explainMandate({ ruleId, inputs })?.explanation.code);
    expect([...new Set(used)].sort()).toEqual(documented);
    expect(documented).toContain(evaluateMandate({ scheme: "KECIL", plafon: 150_000_000, date: EXAMPLE_TODAY }).explanation.code);
  });

  it("is plain JSON: serialising and parsing it changes nothing", () => {
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});

describe("the OpenAPI document of the payment notifications (docs/decisions/0016 §2)", () => {
  const notify = doc.paths[PAYMENT_NOTIFICATIONS_PATH].post;

  it("documents POST /api/v1/payments/notifications with the channel key, both signature headers and its answers", () => {
    expect(notify.security).toEqual([{ channelAuth: [] }]);
    expect(doc.components.securitySchemes.channelAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(notify.parameters.map((p) => p.name)).toEqual(["X-LindungiKUR-Timestamp", "X-LindungiKUR-Signature"]);
    expect(Object.keys(notify.responses).sort()).toEqual(["200", "400", "401", "409", "413", "422", "500"]);
  });

  it("its request schema is the endpoint's: exactly its four fields, all required, no others, and the example passes it", () => {
    const request = schemas.PaymentNotification!;
    expect(Object.keys(request.properties).sort()).toEqual(["amount", "billingCode", "paidOn", "reference"]);
    expect(request.required.sort()).toEqual(["amount", "billingCode", "paidOn", "reference"]);
    expect(request.additionalProperties).toBe(false);
    expect(paymentBodyProblems(notify.requestBody.content["application/json"].example)).toMatchObject({ ok: true });
  });
});
