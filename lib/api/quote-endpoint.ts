import "server-only";
import { BUDGETS, spend } from "@/lib/action/limits";
import { apiKeyPrincipal, quoteOfficeZone } from "@/lib/api/data";
import { bearerToken } from "@/lib/api/keys";
import { recordApiKeyUse } from "@/lib/api/mutations";
import { quoteFor } from "@/lib/api/quote";
import { quoteLocale } from "@/lib/api/language";
import { apiTranslator, type ApiTranslator } from "@/lib/api/messages";
import { QUOTE_FALLBACK_TIME_ZONE, validateQuote, type QuoteFieldErrors, type QuoteResponse } from "@/lib/api/quote-schema";
import { phaseRulesFor } from "@/lib/enrolment/data";
import { logUnexpected } from "@/lib/log";
import { todayInZone } from "@/lib/rules";

/**
 * POST /api/v1/quotes (docs/api.md): authenticate the key, read and validate the JSON body, decide
 * for the key's penyalur. Writes nothing but the key's lastUsedAt (lib/api/mutations.ts). Bad input
 * never gives a 500; anything unexpected does, with an id that is in the server log. Every message
 * is in the language of the request's Accept-Language (Indonesian unless English is preferred),
 * named in Content-Language.
 */

/** A quote request is a few hundred bytes; anything far larger is refused before it is parsed. */
export const MAX_BODY_BYTES = 16 * 1024;
export const ALLOWED_METHODS = "POST";
export const REALM = 'Bearer realm="LindungiKUR"';

type Json = QuoteResponse | { errors: QuoteFieldErrors } | { error: string; errorId?: string } | Record<string, unknown>;

type Reply = (status: number, body: Json, headers?: Record<string, string>) => Response;

/** JSON replies in one language: the body's words and the Content-Language header agree (the payment notifications' too). */
export function replies(request: Request | undefined): { t: ApiTranslator; locale: "id" | "en"; json: Reply } {
  const locale = quoteLocale(request?.headers.get("accept-language"));
  const json: Reply = (status, body, headers = {}) =>
    // Quotes depend on the key and on today's date: never cached by anyone along the way.
    Response.json(body, {
      status,
      headers: { "Cache-Control": "no-store", "Content-Language": locale, Vary: "Accept-Language", ...headers },
    });
  return { t: apiTranslator(locale), locale, json };
}

function unauthorized(presented: boolean, { t, json }: ReturnType<typeof replies>): Response {
  // RFC 6750 §3: no error code when no credential was sent; invalid_token for a bad or revoked one.
  return presented
    ? json(401, { error: t("error.keyInvalid") }, { "WWW-Authenticate": `${REALM}, error="invalid_token"` })
    : json(401, { error: t("error.keyRequired") }, { "WWW-Authenticate": REALM });
}

export function methodNotAllowed(request?: Request): Response {
  const { t, json } = replies(request);
  return json(405, { error: t("error.methodNotAllowed") }, { Allow: ALLOWED_METHODS });
}

/** `text` is the body as received: what a signature is computed over (lib/api/payment-signature.ts). */
type Body = { ok: true; value: unknown; text: string } | { ok: false; response: Response };

export async function readJsonBody(request: Request, { t, json }: ReturnType<typeof replies>): Promise<Body> {
  const tooLarge = (): Body => ({
    ok: false,
    // A string, not a number: the size is quoted as is (16384), not grouped by locale.
    response: json(413, { error: t("error.bodyTooLarge", { max: String(MAX_BODY_BYTES) }) }),
  });
  const notJson = (detail: string): Body => ({ ok: false, response: json(400, { error: detail }) });

  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > MAX_BODY_BYTES) {
          await reader.cancel().catch(() => undefined);
          return tooLarge();
        }
        chunks.push(value);
      }
    } catch {
      return notJson(t("error.bodyUnreadable"));
    }
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return notJson(t("error.bodyNotUtf8"));
  }
  if (text.trim() === "") return notJson(t("error.bodyEmpty"));
  try {
    return { ok: true, value: JSON.parse(text) as unknown, text };
  } catch {
    return notJson(t("error.bodyNotJson"));
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export async function postQuote(request: Request, now: Date): Promise<Response> {
  const reply = replies(request);
  const { t, locale, json } = reply;
  try {
    // 1. Authenticate: before the body is even read, so only key holders learn anything.
    const token = bearerToken(request.headers.get("authorization"));
    if (!token) return unauthorized(false, reply);
    const principal = await apiKeyPrincipal(token);
    if (!principal) return unauthorized(true, reply);
    const spent = await spend(BUDGETS.quotePerKey, principal.apiKeyId);
    if (!spent.allowed) {
      const seconds = String(spent.waitSeconds);
      return json(429, { error: t("error.rateLimited", { seconds }) }, { "Retry-After": seconds });
    }
    try {
      await recordApiKeyUse(principal, now);
    } catch (error) {
      // Bookkeeping only: a failed lastUsedAt update must not cost the bank its quote.
      logUnexpected(error, { route: "POST /api/v1/quotes", step: "recordApiKeyUse", apiKeyId: principal.apiKeyId });
    }

    // 2. Parse and validate.
    const body = await readJsonBody(request, reply);
    if (!body.ok) return body.response;
    if (!isPlainObject(body.value)) {
      return json(400, { error: t("error.bodyNotObject") });
    }
    // "Today" is the office's day (docs/api.md): the named office of the key's penyalur, else its head
    // office; the request's `date`, when valid, replaces it inside validateQuote.
    const officeCode = typeof body.value.officeCode === "string" && body.value.officeCode.trim() ? body.value.officeCode.trim() : null;
    const zone = await quoteOfficeZone(principal.penyalurId, officeCode);
    const today = todayInZone(now, zone ?? QUOTE_FALLBACK_TIME_ZONE);
    const validation = validateQuote(body.value, today, locale);
    if (zone === undefined) {
      const errors = validation.ok ? {} : validation.errors;
      return json(422, { errors: { ...errors, officeCode: [t("validation.officeUnknown")] } });
    }
    if (!validation.ok) return json(422, { errors: validation.errors });

    // 3. Authorize and decide: the scope is the key's penyalur, never a value from the body (an
    //    unknown field such as "penyalurId" is refused by validation). Nothing personal is returned.
    const phaseRules = await phaseRulesFor(principal.penyalurId);
    return json(200, quoteFor(validation.data, { penyalurId: principal.penyalurId, phaseRules }, locale));
  } catch (error) {
    const errorId = logUnexpected(error, { route: "POST /api/v1/quotes" });
    return json(500, { error: t("error.unexpected", { errorId }), errorId });
  }
}
