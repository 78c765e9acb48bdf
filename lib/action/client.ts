import "server-only";
import { createSafeActionClient, type SafeActionResult } from "next-safe-action";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { AppError } from "@/lib/action/errors";
import { spendActionBudget } from "@/lib/action/limits";
import type { FieldErrors, FormState } from "@/lib/action/result";
import { can, type Action } from "@/lib/auth/permissions";
import { currentActor } from "@/lib/auth/session";
import { getLocale } from "@/lib/i18n/server";
import { logUnexpected, logger } from "@/lib/log";
import { ServiceUnavailableError, isDatabaseUnavailable } from "@/lib/action/faults";

/**
 * The one action pipeline (next-safe-action 8), in the order docs/decisions/0010-one-way-to-write-a-feature.md §1 gives:
 *   actionClient      metadata (the action's name), timing and outcome log, error mapping
 *   → authedClient    the actor loaded from the database (not only the session token) and the locale
 *   → clientFor(a)    the role may do `a` at all (lib/auth/permissions.ts); the record's own scope
 *                     is checked where the record is loaded (data/mutations), never from client input;
 *                     then the rate limits declared for the action's name (lib/action/limits.ts)
 *   → inputSchema     zod, built per locale so that field errors read in the user's language
 *   → the mutation    one transaction with its audit row
 * Expected failures are `AppError`s with a code from one closed set (lib/action/result.ts), mapped to
 * messages under `actionErrors`; anything else is logged with an id and shown as a plain message
 * carrying it. Forms read one shape (`FormState`) through `formAction`.
 */

export interface ActionFailure {
  code: FormState["code"] & string;
  message: string;
  errorId?: string;
  errors?: FieldErrors;
  data?: unknown;
}

const Metadata = z.object({
  /** "<feature>.<verb>", e.g. "enrolment.submit": names the action in logs and rate limits. */
  actionName: z.string().regex(/^[a-z][a-zA-Z]*\.[a-zA-Z]+$/),
});

async function failureOf(error: Error, context: { actionName?: string; userId?: string }): Promise<ActionFailure> {
  const t = await getTranslations("actionErrors");
  if (error instanceof AppError) {
    const key = error.options.message && t.has(error.options.message as never) ? error.options.message : error.code;
    return { code: error.code, message: t(key as never, error.options.params as never), errors: error.options.fieldErrors, data: error.options.data };
  }
  if (isDatabaseUnavailable(error)) {
    // Logged once where the query failed (lib/db.ts); a connection refused before any query is logged here.
    const errorId = error instanceof ServiceUnavailableError ? error.errorId : logUnexpected(error, { ...context, fault: "database-unavailable" });
    return { code: "UNAVAILABLE", message: t("UNAVAILABLE", { errorId }), errorId };
  }
  const errorId = logUnexpected(error, context);
  return { code: "UNEXPECTED", message: t("UNEXPECTED", { errorId }), errorId };
}

export const actionClient = createSafeActionClient({
  defineMetadataSchema: () => Metadata,
  defaultValidationErrorsShape: "flattened",
  handleServerError: (error, { ctx, metadata }) =>
    failureOf(error, { actionName: metadata?.actionName, userId: (ctx as { actor?: { id: string } }).actor?.id }),
}).use(async ({ next, metadata }) => {
  // The audit hook: every action leaves one line with its name, outcome and duration. The audit
  // rows of what it changed are written by its mutation, in the same transaction as the change.
  const started = performance.now();
  const result = await next();
  const outcome = result.success ? "ok" : result.validationErrors ? "invalid" : ((result.serverError as ActionFailure | undefined)?.code ?? "navigated");
  logger.info({ action: metadata.actionName, outcome, ms: Math.round(performance.now() - started) }, "action");
  return result;
});

/** Signed-in users only; the actor comes from the database on every call (deactivation counts at once). */
export const authedClient = actionClient.use(async ({ next }) => {
  const actor = await currentActor();
  if (!actor) redirect("/masuk");
  return next({ ctx: { actor, locale: await getLocale() } });
});

/** Signed-in users whose role may do `action` at all; others get FORBIDDEN before any input is read. */
export function clientFor(action: Action) {
  return authedClient.use(async ({ ctx, metadata, next }) => {
    // A user whose administrator requires a second factor sets it up before doing anything else
    // (can() refuses the rest too; this says why).
    if (ctx.actor.secondFactor === "enrol" && action !== "account:secondFactor") throw new AppError("FORBIDDEN", { message: "secondFactorRequired" });
    if (!can(ctx.actor, action)) throw new AppError("FORBIDDEN");
    const wait = await spendActionBudget(metadata.actionName, ctx.actor);
    if (wait !== null) throw new AppError("RATE_LIMITED", { params: { seconds: wait } });
    return next({ ctx: { permission: action } });
  });
}

/** Turns posted FormData into a plain object for a zod schema: strings only, repeated keys as arrays. */
export function formEntries(input: unknown): unknown {
  if (!(input instanceof FormData)) return input;
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of input.entries()) {
    if (key.startsWith("$ACTION") || typeof value !== "string") continue;
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

/** A zod schema for FormData input: the posted fields, then `schema`. */
export function formInput<S extends z.ZodType>(schema: S) {
  return z.preprocess(formEntries, schema);
}

/**
 * The text fields as posted, for re-rendering the form with the user's input. Files are not echoed,
 * nor any field whose name says password: the answer travels back to the browser in the RSC payload.
 */
export function keptValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of formData.entries()) {
    if (typeof v === "string" && !k.startsWith("$") && !/password/i.test(k)) values[k] = v.replaceAll("\u0000", "").slice(0, 4000);
  }
  return values;
}

/** Posted text fields holding a NUL character, which PostgreSQL cannot store in text. */
function fieldsWithNul(formData: FormData): string[] {
  const fields = new Set<string>();
  for (const [k, v] of formData.entries()) if (typeof v === "string" && !k.startsWith("$") && v.includes("\u0000")) fields.add(k);
  return [...fields];
}

type SafeFormAction<D> = (input: FormData) => Promise<SafeActionResult<ActionFailure, never, { formErrors: string[]; fieldErrors: FieldErrors } | undefined, D> | undefined>;

/**
 * Adapts a safe action to React's `useActionState(action, {})`: the answer is one `FormState`,
 * with field errors, one message and the posted values kept on failure.
 */
export function formAction<D>(safe: SafeFormAction<D>) {
  return async (prev: FormState<unknown>, formData: FormData): Promise<FormState<D>> => {
    const attempt = (prev?.attempt ?? 0) + 1;
    // Refused for every form at once, before any action code: PostgreSQL rejects NUL in text, and
    // the user is told which field holds it (the kept input has it removed).
    const nul = fieldsWithNul(formData);
    if (nul.length) {
      const t = await getTranslations("actionErrors");
      const errors = Object.fromEntries(nul.map((field) => [field, [t("nulCharacter")]]));
      return { code: "VALIDATION", message: t("VALIDATION"), errors, values: keptValues(formData), attempt };
    }
    const result = await safe(formData);
    if (result?.validationErrors) {
      const t = await getTranslations("actionErrors");
      return { code: "VALIDATION", message: t("VALIDATION"), errors: result.validationErrors.fieldErrors, values: keptValues(formData), attempt };
    }
    if (result?.serverError) return { ...result.serverError, data: result.serverError.data as D | undefined, values: keptValues(formData), attempt };
    return { ok: true, data: result?.data, attempt };
  };
}
