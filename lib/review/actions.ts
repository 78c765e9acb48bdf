"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { clientFor, formAction, formInput } from "@/lib/action/client";
import { logUnexpected } from "@/lib/log";
import { formatMonthId, formatRupiah } from "@/lib/rules";
import { priceSteps } from "@/lib/enrolment/pricing";
import { reviewSchemas, type Say } from "@/lib/review/schema";
import { approveEnrolment, bulkApprove, recordPayment, rejectEnrolment, returnEnrolment, reversePayment, type BulkRowResult } from "@/lib/review/mutations";

/**
 * The reviewer's decisions and payments (/tinjauan), on the one action pipeline (lib/action/client.ts):
 * the role check, the schema in the user's language, the mutation's AppErrors mapped to messages.
 * Each answers `FormState` with the success sentence as `data.message`.
 */

async function schemas() {
  const t = await getTranslations("review.validation");
  return reviewSchemas(((key, values) => t(key, values as never)) as Say);
}

function revalidateReview(): void {
  revalidatePath("/tinjauan", "layout");
  revalidatePath("/pendaftaran", "layout");
  revalidatePath("/tunggakan");
}

export interface ReviewResult {
  message: string;
}

const approveSafe = clientFor("enrolment:review")
  .metadata({ actionName: "review.approve" })
  .inputSchema(async () => formInput((await schemas()).ApproveInput))
  .action(async ({ parsedInput, ctx }): Promise<ReviewResult> => {
    const result = await approveEnrolment(ctx.actor, parsedInput, new Date());
    revalidateReview();
    const t = await getTranslations("review");
    return { message: t("approved", { kpj: result.kpj }) };
  });

const returnSafe = clientFor("enrolment:review")
  .metadata({ actionName: "review.return" })
  .inputSchema(async () => formInput((await schemas()).ReturnInput))
  .action(async ({ parsedInput, ctx }): Promise<ReviewResult> => {
    await returnEnrolment(ctx.actor, parsedInput, new Date());
    revalidateReview();
    return { message: (await getTranslations("review"))("returned") };
  });

const rejectSafe = clientFor("enrolment:review")
  .metadata({ actionName: "review.reject" })
  .inputSchema(async () => formInput((await schemas()).RejectInput))
  .action(async ({ parsedInput, ctx }): Promise<ReviewResult> => {
    await rejectEnrolment(ctx.actor, parsedInput, new Date());
    revalidateReview();
    return { message: (await getTranslations("review"))("rejected") };
  });

const recordPaymentSafe = clientFor("payment:record")
  .metadata({ actionName: "review.recordPayment" })
  .inputSchema(async () => formInput((await schemas()).PaymentInput))
  .action(async ({ parsedInput, ctx }): Promise<ReviewResult> => {
    const result = await recordPayment(ctx.actor, parsedInput, new Date(), ctx.locale);
    revalidateReview();
    const t = await getTranslations("review");
    // The receipt: what was settled, a resumption said as such, and what the next month costs.
    const parts = [t("paymentRecorded", { count: result.months.length, months: result.months.map(formatMonthId).join(", ") })];
    if (result.resumed) parts.push(t("paymentResumed", { month: formatMonthId(result.months[0]!), months: result.writtenOff.map(formatMonthId).join(", ") }));
    const steps = priceSteps(result.upcoming);
    if (steps && result.upcoming[0]) {
      const amount = steps.change
        ? t("priceSteps", { first: formatRupiah(steps.first), until: formatMonthId(steps.change.until), then: formatRupiah(steps.change.then) })
        : formatRupiah(steps.first);
      parts.push(t("paymentNext", { month: formatMonthId(result.upcoming[0].month), amount }));
    }
    return { message: parts.join(" ") };
  });

/** Reverses the latest standing payment (docs/decisions/0016 §3); the answer names the months open again. */
const reversePaymentSafe = clientFor("payment:record")
  .metadata({ actionName: "review.reversePayment" })
  .inputSchema(async () => formInput((await schemas()).ReversePaymentInput))
  .action(async ({ parsedInput, ctx }): Promise<ReviewResult> => {
    const result = await reversePayment(ctx.actor, parsedInput, new Date(), ctx.locale);
    revalidateReview();
    const t = await getTranslations("payments");
    return { message: t("reversed", { count: result.months.length, months: result.months.map(formatMonthId).join(", ") }) };
  });

export interface BulkApproveResult {
  message: string;
  results: (BulkRowResult & { label: string })[];
}

/** Approves the ticked rows of the queue; each row gets its own outcome (KPJ, changed, not found, error id). */
const bulkApproveSafe = clientFor("enrolment:review")
  .metadata({ actionName: "review.bulkApprove" })
  .inputSchema(async () => formInput((await schemas()).BulkApproveInput))
  .action(async ({ parsedInput, ctx }): Promise<BulkApproveResult> => {
    const results = await bulkApprove(ctx.actor, parsedInput.items, new Date(), (error, enrolmentId) =>
      logUnexpected(error, { action: "review.bulkApprove", userId: ctx.actor.id, enrolmentId }),
    );
    revalidatePath("/tinjauan", "layout");
    revalidatePath("/pendaftaran", "layout");
    const t = await getTranslations("review");
    const approved = results.filter((r) => r.outcome === "APPROVED").length;
    return {
      message: t("bulkSummary", { approved, total: results.length }),
      results: results.map((r) => ({ ...r, label: parsedInput.labels[r.enrolmentId] ?? r.enrolmentId })),
    };
  });

export const approveAction = formAction(approveSafe);
export const returnAction = formAction(returnSafe);
export const rejectAction = formAction(rejectSafe);
export const recordPaymentAction = formAction(recordPaymentSafe);
export const bulkApproveAction = formAction(bulkApproveSafe);
export const reversePaymentAction = formAction(reversePaymentSafe);
