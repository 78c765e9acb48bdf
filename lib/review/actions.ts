"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/session";
import type { Actor } from "@/lib/auth/data";
import { logUnexpected } from "@/lib/log";
import { formatMonthId } from "@/lib/rules";
import { STATUS_LABELS_ID } from "@/lib/review/labels";
import {
  ApproveInput,
  BulkApproveInput,
  PaymentInput,
  RejectInput,
  ReturnInput,
  fieldErrorsOf,
  type FieldErrors,
} from "@/lib/review/schema";
import {
  ReviewConflictError,
  ReviewFieldError,
  ReviewNotAllowedError,
  ReviewNotFoundError,
  ReviewStateError,
  approveEnrolment,
  bulkApprove,
  recordPayment,
  rejectEnrolment,
  returnEnrolment,
  type BulkRowResult,
} from "@/lib/review/mutations";

export interface ReviewFormState {
  ok?: boolean;
  message?: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
  /** Counts submits, so a form can re-mount with kept values (see EnrolmentFormState). */
  attempt?: number;
}

const NOT_FOUND = "Pendaftaran tidak ditemukan atau berada di luar cakupan Kantor Cabang Anda.";
const NOT_ALLOWED = "Anda tidak berwenang melakukan tindakan ini. Hanya verifikator Kantor Cabang yang dapat melakukannya.";

function conflictMessage(status: string | null): string {
  const now = status && status in STATUS_LABELS_ID ? ` (sekarang: ${STATUS_LABELS_ID[status as keyof typeof STATUS_LABELS_ID]})` : "";
  return `Pendaftaran ini sudah diubah oleh pengguna lain${now}. Tidak ada yang disimpan; muat ulang halaman untuk melihat keadaan terbarunya.`;
}

function textValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (typeof v === "string" && !k.startsWith("$")) values[k] = v.slice(0, 2000);
  return values;
}

async function signedIn(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/masuk");
  return actor;
}

/** Runs a decision and turns the domain's errors into what the reviewer reads. */
async function decide(
  formData: FormData,
  what: string,
  run: (actor: Actor, raw: Record<string, string>) => Promise<string>,
): Promise<ReviewFormState> {
  const values = textValues(formData);
  const actor = await signedIn();
  try {
    const message = await run(actor, values);
    revalidatePath("/tinjauan", "layout");
    revalidatePath("/pendaftaran", "layout");
    revalidatePath("/tunggakan");
    return { ok: true, message };
  } catch (error) {
    if (error instanceof ReviewFieldError) return { errors: error.errors, message: "Periksa kembali isian yang ditandai.", values };
    if (error instanceof ReviewConflictError) return { message: conflictMessage(error.currentStatus), values };
    if (error instanceof ReviewNotFoundError) return { message: NOT_FOUND, values };
    if (error instanceof ReviewNotAllowedError) return { message: NOT_ALLOWED, values };
    if (error instanceof ReviewStateError) return { message: error.message, values };
    const errorId = logUnexpected(error, { action: what, userId: actor.id });
    return { message: `Terjadi kesalahan tak terduga; tidak ada yang disimpan. Coba lagi, atau hubungi dukungan dengan kode ${errorId}.`, values };
  }
}

function parsed<T>(result: { success: true; data: T } | { success: false; error: import("zod").ZodError }): T {
  if (!result.success) throw new ReviewFieldError(fieldErrorsOf(result.error));
  return result.data;
}

export async function approveAction(prev: ReviewFormState, formData: FormData): Promise<ReviewFormState> {
  const state = await decide(formData, "approveEnrolment", async (actor, raw) => {
    const input = parsed(ApproveInput.safeParse(raw));
    const result = await approveEnrolment(actor, input, new Date());
    return `Pendaftaran disetujui. Nomor KPJ ${result.kpj} terbit; sertifikat dapat diunduh.`;
  });
  return { ...state, attempt: (prev.attempt ?? 0) + 1 };
}

export async function returnAction(prev: ReviewFormState, formData: FormData): Promise<ReviewFormState> {
  const state = await decide(formData, "returnEnrolment", async (actor, raw) => {
    const input = parsed(ReturnInput.safeParse(raw));
    await returnEnrolment(actor, input, new Date());
    return "Pendaftaran dikembalikan ke petugas penyalur untuk diperbaiki.";
  });
  return { ...state, attempt: (prev.attempt ?? 0) + 1 };
}

export async function rejectAction(prev: ReviewFormState, formData: FormData): Promise<ReviewFormState> {
  const state = await decide(formData, "rejectEnrolment", async (actor, raw) => {
    const input = parsed(RejectInput.safeParse(raw));
    await rejectEnrolment(actor, input, new Date());
    return "Pendaftaran ditolak.";
  });
  return { ...state, attempt: (prev.attempt ?? 0) + 1 };
}

export async function recordPaymentAction(prev: ReviewFormState, formData: FormData): Promise<ReviewFormState> {
  const state = await decide(formData, "recordPayment", async (actor, raw) => {
    const input = parsed(PaymentInput.safeParse(raw));
    const result = await recordPayment(actor, input, new Date());
    const months = result.months.map(formatMonthId);
    return `Pembayaran tercatat untuk ${months.length} bulan (${months.join(", ")}).`;
  });
  // A recorded payment clears the form; a refused one keeps what was typed.
  return { ...state, values: state.ok ? undefined : state.values, attempt: (prev.attempt ?? 0) + 1 };
}

export interface BulkApproveState {
  message?: string;
  results?: (BulkRowResult & { label: string })[];
  attempt?: number;
}

/** Approves the ticked rows of the queue; each row gets its own outcome. */
export async function bulkApproveAction(prev: BulkApproveState, formData: FormData): Promise<BulkApproveState> {
  const attempt = (prev.attempt ?? 0) + 1;
  const actor = await signedIn();
  const parsedInput = BulkApproveInput.safeParse({ items: formData.getAll("items").filter((v) => typeof v === "string") });
  if (!parsedInput.success) {
    return { message: fieldErrorsOf(parsedInput.error).items?.[0] ?? "Pilih pendaftaran yang akan disetujui.", attempt };
  }
  const labels = new Map<string, string>();
  for (const item of parsedInput.data.items) {
    const label = formData.get(`label:${item.enrolmentId}`);
    labels.set(item.enrolmentId, typeof label === "string" ? label.slice(0, 120) : item.enrolmentId);
  }
  let results: BulkRowResult[];
  try {
    results = await bulkApprove(actor, parsedInput.data.items, new Date(), (error, enrolmentId) =>
      logUnexpected(error, { action: "bulkApprove", userId: actor.id, enrolmentId }),
    );
  } catch (error) {
    if (error instanceof ReviewNotAllowedError) return { message: NOT_ALLOWED, attempt };
    const errorId = logUnexpected(error, { action: "bulkApprove", userId: actor.id });
    return { message: `Terjadi kesalahan tak terduga. Hubungi dukungan dengan kode ${errorId}.`, attempt };
  }
  revalidatePath("/tinjauan", "layout");
  revalidatePath("/pendaftaran", "layout");
  const approved = results.filter((r) => r.outcome === "APPROVED").length;
  return {
    message: `${approved} dari ${results.length} pendaftaran disetujui.`,
    results: results.map((r) => ({ ...r, label: labels.get(r.enrolmentId) ?? r.enrolmentId })),
    attempt,
  };
}
