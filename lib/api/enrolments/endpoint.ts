import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { AppError } from "@/lib/action/errors";
import { BUDGETS, spend } from "@/lib/action/limits";
import { apiKeyPrincipal, type ApiPrincipal } from "@/lib/api/data";
import { bearerToken } from "@/lib/api/keys";
import { recordApiKeyUse } from "@/lib/api/mutations";
import { REALM, isPlainObject, readJsonBody, replies } from "@/lib/api/quote-endpoint";
import { apiEnrolmentOffice, apiOfficeByCode, loanColumns, officeReader, participantRegistered, type ApiOffice } from "@/lib/api/enrolments/data";
import { claimIdempotencyKey, integrationOfficer, submissionKeyFor } from "@/lib/api/enrolments/mutations";
import { h2hTranslator } from "@/lib/api/enrolments/messages";
import {
  ENROLMENT_REQUEST_FIELDS,
  enrolmentRequestSchema,
  type ChangesPage,
  type EnrolmentCreated,
  type EnrolmentResource,
} from "@/lib/api/enrolments-schema";
import { eventsSince } from "@/lib/events";
import { clearanceMandate, submitEnrolment, validateEnrolment } from "@/lib/enrolment";
import { ruleMessage, rulesTranslator, storedMandateText } from "@/lib/i18n/rules";
import { enrolmentRecord } from "@/lib/review/data";
import { logUnexpected } from "@/lib/log";
import { disbursementClearance, todayInZone, type Locale } from "@/lib/rules";

/**
 * The host-to-host enrolment API (docs/api.md "Pendaftaran host-to-host", docs/decisions/0019):
 * POST /api/v1/enrolments creates an enrolment with every e-form field under an Idempotency-Key,
 * GET /api/v1/enrolments/{id} reads its status, decision, KPJ, contributions, cover and clearance.
 * The create validates with the e-form's own validateEnrolment and writes through the e-form's own
 * submitEnrolment (lib/enrolment), as the office's integration user, so rules, transaction, audit and
 * scope are the e-form's. Errors have the quote API's shape: 422 `{errors: {field: [message]}}` with
 * every field error at once, `{error}` otherwise, never a 500 for bad input.
 */

type Replies = ReturnType<typeof replies>;
type Authed = { ok: true; principal: ApiPrincipal } | { ok: false; response: Response };

/** Bearer key → principal, with the per-key budget; the same answers as the quote API. */
export async function authenticate(request: Request, reply: Replies, route: string, now: Date): Promise<Authed> {
  const { t, json } = reply;
  const token = bearerToken(request.headers.get("authorization"));
  if (!token) return { ok: false, response: json(401, { error: t("error.keyRequired") }, { "WWW-Authenticate": REALM }) };
  const principal = await apiKeyPrincipal(token);
  if (!principal) {
    return { ok: false, response: json(401, { error: t("error.keyInvalid") }, { "WWW-Authenticate": `${REALM}, error="invalid_token"` }) };
  }
  const spent = await spend(BUDGETS.h2hPerKey, principal.apiKeyId);
  if (!spent.allowed) {
    const seconds = String(spent.waitSeconds);
    return { ok: false, response: json(429, { error: t("error.rateLimited", { seconds }) }, { "Retry-After": seconds }) };
  }
  try {
    await recordApiKeyUse(principal, now);
  } catch (error) {
    logUnexpected(error, { route, step: "recordApiKeyUse", apiKeyId: principal.apiKeyId });
  }
  return { ok: true, principal };
}

/** A JSON value with its object keys sorted: the same body in another key order hashes the same. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (isPlainObject(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

export const IDEMPOTENCY_KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;

type FieldErrors = Record<string, string[]>;

/**
 * The JSON body's types (lib/api/enrolments-schema.ts), then the e-form's own whole-form validation
 * with the same values in the form's shapes. A field with a wrong JSON type reports only that.
 */
export function validateRequest(
  body: Record<string, unknown>,
  options: { today: string; locale: Locale; existingParticipant: boolean; submissionKey: string; kantorCabangId: string | null },
) {
  const t = h2hTranslator(options.locale);
  const errors: FieldErrors = {};
  const typed = enrolmentRequestSchema(options.locale).safeParse(body);
  if (!typed.success) {
    for (const issue of typed.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) (errors[key] ??= []).push(t("validation.unknownField"));
      } else {
        const field = String(issue.path[0] ?? "body");
        (errors[field] ??= []).push(issue.message);
      }
    }
  }
  // The e-form's fields as the form posts them: numbers as typed digits, booleans as ticks.
  const raw: Record<string, unknown> = { submissionKey: options.submissionKey };
  for (const field of ENROLMENT_REQUEST_FIELDS) {
    const value = body[field];
    if (field === "officeCode" || value === null || value === undefined || errors[field]) continue;
    raw[field] = typeof value === "number" ? String(value) : value;
  }
  raw.kantorCabangId ??= options.kantorCabangId ?? undefined;
  const form = validateEnrolment(raw, options.today, { locale: options.locale, existingParticipant: options.existingParticipant });
  if (!form.ok) {
    for (const [field, messages] of Object.entries(form.errors)) {
      if (field === "submissionKey" || errors[field]) continue;
      errors[field] = messages ?? [];
    }
  }
  if (Object.keys(errors).length > 0 || !form.ok) return { ok: false as const, errors };
  return { ok: true as const, data: form.data };
}

const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** An enrolment as the API returns it, read through the officer's record reader for its own office. */
export async function enrolmentResource(office: ApiOffice, enrolmentId: string, now: Date, locale: Locale): Promise<EnrolmentResource | null> {
  const reader = officeReader(office, "00000000-0000-0000-0000-000000000000");
  const cleared = await clearanceMandate(reader, enrolmentId, now);
  const record = await enrolmentRecord(reader, enrolmentId, now);
  if (!record || !cleared) return null;
  const e = record.enrolment;
  const loan = await loanColumns(enrolmentId);
  const tRules = rulesTranslator(locale);
  const first = e.contributionLines[0];
  const clearance = disbursementClearance({
    mandateStatus: cleared.status,
    enrolmentStatus: e.status,
    firstMonthPaid: first?.status === "PAID",
    gate: e.office.disbursementGate,
  });
  const status = e.status === "DRAFT" ? "SUBMITTED" : e.status;
  const decisionStatus = cleared.status === "OUT_OF_SCOPE" ? "VOLUNTARY" : cleared.status;
  return {
    id: e.id,
    loanNumber: loan.loanNumber,
    officeCode: office.code,
    status,
    submittedAt: e.submittedAt,
    decision: {
      status: decisionStatus,
      ruleId: cleared.ruleId,
      ruleVersion: cleared.ruleVersion,
      legalBasis: storedMandateText(tRules, e.mandate).legalBasis,
      requiredFrom: cleared.requiredFrom,
    },
    returnReason: e.returnReason,
    rejectReason: e.status === "REJECTED" ? loan.rejectReason : null,
    kpj: record.review.kpj,
    billingCode: record.review.billingCode,
    cover: record.review.coverage ? { status: record.review.coverage.status, protectedUntil: record.review.coverage.protectedUntil } : null,
    contributions: e.contributionLines.map((l) => ({ month: l.month, total: l.total, dueDate: l.dueDate, status: l.status })),
    clearance: {
      state: clearance.state,
      headline: ruleMessage(tRules, clearance.headline),
      reasons: clearance.reasons.map((r) => ruleMessage(tRules, r)),
    },
    loan: {
      disbursedOn: isoDay(loan.disbursedOn),
      disbursedAmount: loan.disbursedAmount,
      tenorMonths: loan.loanTenorMonths ?? loan.tenorMonths,
      expectedCoverEndMonth: loan.expectedCoverEndMonth ? loan.expectedCoverEndMonth.toISOString().slice(0, 7) : null,
      obligationEndedOn: isoDay(loan.obligationEndedOn),
      obligationEndReason: loan.obligationEndReason === "EARLY_REPAYMENT" || loan.obligationEndReason === "WRITE_OFF" ? loan.obligationEndReason : null,
      coverageGap: loan.coverageGap,
    },
  };
}

/** An AppError of the submit, in the API's shape (the e-form shows the same codes on its fields). */
function appErrorResponse(error: AppError, reply: Replies, locale: Locale): Response {
  const h = h2hTranslator(locale);
  switch (error.code) {
    case "VALIDATION":
      return reply.json(422, { errors: (error.options.fieldErrors ?? {}) as FieldErrors });
    case "FORBIDDEN":
      return reply.json(403, { error: h("error.forbidden") });
    case "NOT_FOUND":
      return reply.json(404, { error: h("error.notFound") });
    default:
      return reply.json(409, { error: h("error.conflict") });
  }
}

const ROUTE_POST = "POST /api/v1/enrolments";

export async function postEnrolment(request: Request, now: Date): Promise<Response> {
  const reply = replies(request);
  const { t, locale, json } = reply;
  const h = h2hTranslator(locale);
  try {
    const authed = await authenticate(request, reply, ROUTE_POST, now);
    if (!authed.ok) return authed.response;
    const { principal } = authed;

    const idempotencyKey = request.headers.get("idempotency-key")?.trim() ?? "";
    if (!IDEMPOTENCY_KEY_FORMAT.test(idempotencyKey)) return json(400, { error: h("error.idempotencyKeyRequired") });

    const body = await readJsonBody(request, reply);
    if (!body.ok) return body.response;
    if (!isPlainObject(body.value)) return json(400, { error: t("error.bodyNotObject") });
    const value = body.value;

    const officeCode = typeof value.officeCode === "string" ? value.officeCode.trim() : "";
    const office = officeCode ? await apiOfficeByCode(principal.penyalurId, officeCode) : null;
    const nik = typeof value.nik === "string" ? value.nik.replace(/\s+/g, "") : "";
    const existingParticipant = /^\d{16}$/.test(nik) ? await participantRegistered(nik) : false;
    const submissionKey = submissionKeyFor(principal.penyalurId, idempotencyKey);
    const validation = validateRequest(value, {
      today: todayInZone(now, office?.timeZone ?? "Asia/Jakarta"),
      locale,
      existingParticipant,
      submissionKey,
      kantorCabangId: office?.defaultKantorCabangId ?? null,
    });
    const errors = validation.ok ? {} : { ...validation.errors };
    // Without an office there is no default branch to miss: only the office is reported.
    if (!office && value.kantorCabangId == null) delete errors.kantorCabangId;
    if (!office && !errors.officeCode) errors.officeCode = [officeCode ? h("validation.officeUnknown") : h("validation.required", { label: h("field.officeCode") })];
    if (office && !office.defaultKantorCabangId && value.kantorCabangId == null) errors.kantorCabangId = [h("validation.branchDefault")];
    // A refused body does not use up its key: the same key may carry the corrected body.
    if (!validation.ok || !office || Object.keys(errors).length > 0) return json(422, { errors });
    // The same key with another valid body is never a retry: refused before anything is written.
    const claim = await claimIdempotencyKey(principal.penyalurId, idempotencyKey, sha256(canonical(value)));
    if (!claim.sameBody) return json(409, { error: h("error.idempotencyKeyReused") });

    const officer = await integrationOfficer(office);
    let result;
    try {
      result = await submitEnrolment(officer, validation.data, now, locale, { channel: "API", apiKeyId: principal.apiKeyId });
    } catch (error) {
      if (error instanceof AppError) return appErrorResponse(error, reply, locale);
      throw error;
    }
    const resource = await enrolmentResource(office, result.enrolmentId, now, locale);
    if (!resource) throw new Error(`enrolment ${result.enrolmentId} not readable by its own office`);
    const duplicate = result.duplicate === "submissionKey" ? "idempotencyKey" : result.duplicate === "loanNumber" ? "loanNumber" : null;
    const created: EnrolmentCreated = { ...resource, duplicate };
    const headers: Record<string, string> = { Location: `/api/v1/enrolments/${resource.id}` };
    if (duplicate === "idempotencyKey") headers["Idempotent-Replayed"] = "true";
    // A replay gets the first answer's status: 201 for the request that created it, 200 for a known loan number.
    return json(duplicate === "loanNumber" ? 200 : 201, created, headers);
  } catch (error) {
    const errorId = logUnexpected(error, { route: ROUTE_POST });
    return json(500, { error: t("error.unexpected", { errorId }), errorId });
  }
}

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

const ROUTE_GET = "GET /api/v1/enrolments/{id}";

export async function getEnrolment(request: Request, id: string, now: Date): Promise<Response> {
  const reply = replies(request);
  const { t, locale, json } = reply;
  try {
    const authed = await authenticate(request, reply, ROUTE_GET, now);
    if (!authed.ok) return authed.response;
    // Another penyalur's enrolment and no enrolment at all answer the same 404, so ids do not leak.
    const office = z.uuid().safeParse(id).success ? await apiEnrolmentOffice(authed.principal.penyalurId, id) : null;
    const resource = office ? await enrolmentResource(office, id, now, locale) : null;
    if (!resource) return json(404, { error: h2hTranslator(locale)("error.notFound") });
    return json(200, resource);
  } catch (error) {
    const errorId = logUnexpected(error, { route: ROUTE_GET });
    return json(500, { error: t("error.unexpected", { errorId }), errorId });
  }
}

const ROUTE_CHANGES = "GET /api/v1/enrolments/changes";
export const CHANGES_MAX_LIMIT = 500;

/**
 * GET /api/v1/enrolments/changes?after=<cursor>&limit=<n>: the key's penyalur's events after the
 * cursor, oldest first (lib/events eventsSince: an event whose transaction commits late is never
 * skipped). `nextCursor` is the last seq served, or `after` again when nothing is new.
 */
export async function getChanges(request: Request, now: Date): Promise<Response> {
  const reply = replies(request);
  const { t, locale, json } = reply;
  const h = h2hTranslator(locale);
  try {
    const authed = await authenticate(request, reply, ROUTE_CHANGES, now);
    if (!authed.ok) return authed.response;
    const params = new URL(request.url).searchParams;
    const after = params.get("after") ?? "0";
    const limitText = params.get("limit") ?? "100";
    const errors: Record<string, string[]> = {};
    if (!/^\d{1,19}$/.test(after)) errors.after = [h("validation.cursor")];
    const limit = Number(limitText);
    if (!/^\d{1,3}$/.test(limitText) || limit < 1 || limit > CHANGES_MAX_LIMIT) errors.limit = [h("validation.limit")];
    if (Object.keys(errors).length) return json(422, { errors });
    const events = await eventsSince(authed.principal.penyalurId, BigInt(after), limit);
    const page: ChangesPage = {
      changes: events.map((e) => ({ seq: e.seq, id: e.id, type: e.type, enrolmentId: e.enrolmentId, occurredAt: e.occurredAt.toISOString(), payload: e.payload })),
      nextCursor: events.at(-1)?.seq ?? after,
    };
    return json(200, page);
  } catch (error) {
    const errorId = logUnexpected(error, { route: ROUTE_CHANGES });
    return json(500, { error: t("error.unexpected", { errorId }), errorId });
  }
}
