import "server-only";
import { createHash } from "node:crypto";
import { AppError } from "@/lib/action/errors";
import { isPlainObject, readJsonBody, replies } from "@/lib/api/quote-endpoint";
import { authenticate, canonical } from "@/lib/api/enrolments/endpoint";
import { h2hTranslator } from "@/lib/api/enrolments/messages";
import { LoanEventRequestSchema } from "@/lib/loans/schema";
import { recordLoanEvent } from "@/lib/loans";
import { logUnexpected } from "@/lib/log";

/**
 * POST /api/v1/loans/events (docs/api.md "Peristiwa pinjaman"): the bank reports disbursement, early
 * repayment, write-off or restructuring of an enrolled loan of its own penyalur; the expected cover end
 * follows the tenor and a disbursement before approved and paid mandatory cover is a coverage gap
 * (lib/loans/cover.ts). Idempotent on `reference`.
 */
const ROUTE = "POST /api/v1/loans/events";

type Reason = "notDisbursed" | "alreadyDisbursed" | "obligationEnded" | "beforeDisbursement" | "referenceReused" | "future" | "abovePlafon";

export async function postLoanEvent(request: Request, now: Date): Promise<Response> {
  const reply = replies(request);
  const { t, locale, json } = reply;
  const h = h2hTranslator(locale);
  try {
    const authed = await authenticate(request, reply, ROUTE, now);
    if (!authed.ok) return authed.response;
    const body = await readJsonBody(request, reply);
    if (!body.ok) return body.response;
    if (!isPlainObject(body.value)) return json(400, { error: t("error.bodyNotObject") });
    const parsed = LoanEventRequestSchema.safeParse(body.value);
    if (!parsed.success) {
      const errors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        if (issue.code === "unrecognized_keys") {
          for (const key of issue.keys) (errors[key] ??= []).push(h("validation.unknownField"));
          continue;
        }
        const field = String(issue.path[0] ?? "body");
        const message =
          issue.message === "required" ? (field === "amount" ? h("loan.amountRequired") : h("loan.tenorRequired")) : issue.input === undefined ? h("validation.required", { label: field }) : h("loan.invalidField");
        (errors[field] ??= []).push(message);
      }
      return json(422, { errors });
    }
    const hash = createHash("sha256").update(canonical(parsed.data), "utf8").digest("hex");
    try {
      const recorded = await recordLoanEvent({ penyalurId: authed.principal.penyalurId, apiKeyId: authed.principal.apiKeyId }, parsed.data, hash, now);
      return json(recorded.replayed ? 200 : 201, recorded);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const reason = (error.options.data as { reason?: Reason } | undefined)?.reason;
      if (error.code === "NOT_FOUND") return json(422, { errors: { loanNumber: [h("loan.loanUnknown")] } });
      if (reason === "future" || reason === "beforeDisbursement") return json(422, { errors: { occurredOn: [h(`loan.${reason}`)] } });
      if (reason === "abovePlafon") return json(422, { errors: { amount: [h("loan.abovePlafon")] } });
      if (reason) return json(409, { error: h(`loan.${reason}`) });
      return json(409, { error: h("error.conflict") });
    }
  } catch (error) {
    const errorId = logUnexpected(error, { route: ROUTE });
    return json(500, { error: t("error.unexpected", { errorId }), errorId });
  }
}
