/**
 * Shapes of the BPJS branch review (issue #5): the queue's query string, the reviewer's decisions and
 * a recorded payment. Shared by server actions and client forms; pure (zod and lib/rules only).
 */
import { z } from "zod";
import { single, optionalEnum } from "@/lib/search-params";
import { KUR_SCHEMES, isIsoDate } from "@/lib/rules";
import { parseRupiahInput } from "@/lib/enrolment/schema";
import type { Messages } from "@/lib/i18n/config";

export const REVIEW_PAGE_SIZE = 20;
export const QUEUE_PATH = "/tinjauan";

export const QUEUE_STATUSES = ["SUBMITTED", "RETURNED", "APPROVED", "REJECTED"] as const;
export const QUEUE_MANDATES = ["MANDATORY", "PHASED_REQUIRED", "VOLUNTARY"] as const;
/**
 * The reviewer home's figures as queue views (docs/decisions/0026): `overdue` waits past the review's
 * service level, `resubmitted` was returned and has come back corrected. Both are waiting work
 * (status SUBMITTED).
 */
export const QUEUE_VIEWS = ["overdue", "resubmitted"] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

export const REJECT_REASONS = ["NIK_INVALID", "DUPLICATE_PARTICIPANT", "NOT_ELIGIBLE", "DATA_MISMATCH", "OTHER"] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export const PAYMENT_CHANNELS = ["VIRTUAL_ACCOUNT", "BANK_TELLER", "AUTODEBIT", "RETAIL_OUTLET", "BPJS_OFFICE"] as const;
export type PaymentChannel = (typeof PAYMENT_CHANNELS)[number];

/** A page number from the URL (?page=3); anything malformed is page 1. */
const pageParam = z
  .preprocess(single, z.string().regex(/^\d{1,6}$/).transform(Number).pipe(z.number().int().min(1)))
  .catch(1);

/**
 * /tinjauan?penyalur=…&scheme=…&mandate=…&status=…&page=…: the URL is the state, untrusted and often
 * stale, so anything malformed falls back to its default. The default status is SUBMITTED (the work
 * waiting); `status=ALL` shows every status. A `view` (overdue, resubmitted) is waiting work, so it
 * holds the status at SUBMITTED.
 */
export const QueueParams = z.object({
  view: optionalEnum(QUEUE_VIEWS),
  penyalur: z.preprocess(single, z.uuid().optional()).catch(undefined),
  scheme: optionalEnum(KUR_SCHEMES),
  mandate: optionalEnum(QUEUE_MANDATES),
  status: z.preprocess((v) => single(v) ?? "SUBMITTED", z.enum([...QUEUE_STATUSES, "ALL"])).catch("SUBMITTED"),
  page: pageParam,
});
export type QueueQuery = z.output<typeof QueueParams>;

/** /tunggakan?page=…: the arrears list's page, read like the queue's. */
export function parseArrearsPage(input: Record<string, string | string[] | undefined> | undefined | null): number {
  return pageParam.parse((input ?? {}).page);
}

export function parseQueueQuery(input: Record<string, string | string[] | undefined> | undefined | null): QueueQuery {
  const query = QueueParams.parse(input ?? {});
  return query.view ? { ...query, status: "SUBMITTED" } : query;
}

/** The queue's URL for a query, keeping only what differs from the defaults. */
export function queueHref(query: QueueQuery, change: Partial<QueueQuery> = {}): string {
  const q = { ...query, ...change };
  const params = new URLSearchParams();
  if (q.view) params.set("view", q.view);
  if (q.penyalur) params.set("penyalur", q.penyalur);
  if (q.scheme) params.set("scheme", q.scheme);
  if (q.mandate) params.set("mandate", q.mandate);
  if (q.status !== "SUBMITTED" && !q.view) params.set("status", q.status);
  if (q.page > 1) params.set("page", String(q.page));
  const s = params.toString();
  return s ? `${QUEUE_PATH}?${s}` : QUEUE_PATH;
}

/**
 * The messages of the reviewer's forms, in the user's language: the action builds its schema per
 * request from `review.validation` in messages/*.json (`reviewSchemas(await getTranslations(...))`).
 */
export type ValidationKey = keyof Messages["review"]["validation"];
export type Say = (key: ValidationKey, values?: Record<string, string | number>) => string;

const MAX_TEXT = 1000;
/** A reversal's reason: long enough to say why, short enough for the audit row and the history. */
export const REVERSAL_REASON = { min: 5, max: 500 } as const;

/** Bulk approval: "<id>:<version>" per ticked row, as the queue's checkboxes send them. */
const BULK_ITEM = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:\d{1,9}$/i;

/** The reviewer's inputs, with messages from `say`. */
export function reviewSchemas(say: Say) {
  const enrolmentRef = {
    enrolmentId: z.uuid({ error: say("enrolmentUnknown") }),
    version: z.coerce.number({ error: say("versionUnknown") }).int().min(1),
  };
  const tooLong = say("tooLong", { max: MAX_TEXT });

  const ApproveInput = z.object(enrolmentRef);

  const ReturnInput = z.object({
    ...enrolmentRef,
    reason: z.string({ error: say("returnReasonRequired") }).trim().min(10, say("returnReasonShort")).max(MAX_TEXT, tooLong),
  });

  const RejectInput = z.object({
    ...enrolmentRef,
    reason: z.enum(REJECT_REASONS, { error: say("rejectReasonRequired") }),
    note: z.string({ error: say("rejectNoteRequired") }).trim().min(10, say("rejectNoteShort")).max(MAX_TEXT, tooLong),
  });

  /**
   * The queue's form: the ticked rows' "<id>:<version>" (one or many `items`), and the name shown
   * for each row (`label:<id>`) so that each outcome can say whose it is.
   */
  const BulkApproveInput = z.preprocess(
    (raw) => {
      const o = (raw ?? {}) as Record<string, unknown>;
      const labels: Record<string, string> = {};
      for (const [k, v] of Object.entries(o)) if (k.startsWith("label:") && typeof v === "string") labels[k.slice(6)] = v.slice(0, 120);
      const items = o.items === undefined ? [] : Array.isArray(o.items) ? o.items : [o.items];
      return { items, labels };
    },
    z.object({
      items: z
        .array(
          z
            .string()
            .regex(BULK_ITEM)
            .transform((s) => {
              const [enrolmentId, version] = s.split(":");
              return { enrolmentId: enrolmentId!, version: Number(version) };
            }),
          { error: say("bulkNone") },
        )
        .min(1, say("bulkMin"))
        .max(100, say("bulkMax")),
      labels: z.record(z.string(), z.string()),
    }),
  );

  const PaymentInput = z.object({
    enrolmentId: z.uuid({ error: say("enrolmentUnknown") }),
    amount: z.preprocess(
      parseRupiahInput,
      z
        .number({ error: (issue) => (issue.input === undefined ? say("amountRequired") : say("amountNotNumber")) })
        .int(say("amountInteger"))
        .positive(say("amountPositive"))
        .max(1_000_000_000, say("amountTooLarge")),
    ),
    paidOn: z.string({ error: say("paidOnRequired") }).refine(isIsoDate, say("paidOnInvalid")),
    channel: z.enum(PAYMENT_CHANNELS, { error: say("channelRequired") }),
    reference: z
      .string({ error: say("referenceRequired") })
      .trim()
      .transform((s) => s.toUpperCase())
      .pipe(
        z
          .string()
          .min(4, say("referenceShort"))
          .max(64, say("referenceLong"))
          .regex(/^[A-Z0-9][A-Z0-9/._-]*$/, say("referenceChars")),
      ),
  });

  /** Reversing a payment (docs/decisions/0016 §3): which one, and why, in words the audit trail keeps. */
  const ReversePaymentInput = z.object({
    paymentId: z.uuid({ error: say("paymentUnknown") }),
    reason: z
      .string({ error: say("reversalReasonRequired") })
      .trim()
      .min(REVERSAL_REASON.min, say("reversalReasonShort", { min: REVERSAL_REASON.min }))
      .max(REVERSAL_REASON.max, say("tooLong", { max: REVERSAL_REASON.max })),
  });

  return { ApproveInput, ReturnInput, RejectInput, BulkApproveInput, PaymentInput, ReversePaymentInput };
}

type Schemas = ReturnType<typeof reviewSchemas>;
export type ApproveInput = z.output<Schemas["ApproveInput"]>;
export type ReturnInput = z.output<Schemas["ReturnInput"]>;
export type RejectInput = z.output<Schemas["RejectInput"]>;
export type BulkApproveInput = z.output<Schemas["BulkApproveInput"]>;
export type PaymentInput = z.output<Schemas["PaymentInput"]>;
export type ReversePaymentInput = z.output<Schemas["ReversePaymentInput"]>;
