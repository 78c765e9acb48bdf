"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { logUnexpected } from "@/lib/log";
import { todayInZone } from "@/lib/rules";
import { keepInput, validateEnrolment, type FieldErrors } from "@/lib/enrolment/schema";
import { EnrolmentFieldError, NotAllowedError, submitEnrolment } from "@/lib/enrolment/mutations";

export interface EnrolmentFormState {
  errors?: FieldErrors;
  /** A message for the whole form (not tied to one field). */
  message?: string;
  values?: Record<string, string>;
  /**
   * Counts failed submits. The form is keyed on it so that it re-mounts with the kept values:
   * React resets a form after its action, and a <select> would otherwise fall back to its first
   * rendered value, losing what the officer chose.
   */
  attempt?: number;
}

/**
 * The e-form's submit. A public HTTP endpoint: authenticates, validates, authorizes, then writes in
 * one transaction (lib/enrolment/mutations.ts). Redirects to the enrolment on success.
 */
export async function submitEnrolmentAction(prev: EnrolmentFormState, formData: FormData): Promise<EnrolmentFormState> {
  const state = await decide(formData);
  return { ...state, attempt: (prev.attempt ?? 0) + 1 };
}

async function decide(formData: FormData): Promise<EnrolmentFormState> {
  const raw = Object.fromEntries(formData.entries());
  const values = keepInput(raw);
  const actor = await currentActor();
  if (!actor) redirect("/masuk");
  if (!can(actor.role, "enrolment:create")) {
    return { message: "Anda tidak berwenang mendaftarkan debitur. Hanya petugas penyalur yang dapat mengisi e-form.", values };
  }

  const validation = validateEnrolment(raw, todayInZone(new Date(), actor.timeZone));
  if (!validation.ok) {
    return { errors: validation.errors, message: "Periksa kembali isian yang ditandai.", values };
  }

  let enrolmentId: string;
  try {
    ({ enrolmentId } = await submitEnrolment(actor, validation.data, new Date()));
  } catch (error) {
    if (error instanceof EnrolmentFieldError) {
      return { errors: error.errors, message: "Periksa kembali isian yang ditandai.", values };
    }
    if (error instanceof NotAllowedError) {
      return { message: "Anda tidak berwenang melakukan tindakan ini.", values };
    }
    const errorId = logUnexpected(error, { action: "submitEnrolment", userId: actor.id });
    return {
      message: `Terjadi kesalahan tak terduga; data belum tersimpan. Coba lagi, atau hubungi dukungan dengan kode ${errorId}.`,
      values,
    };
  }
  revalidatePath("/pendaftaran");
  redirect(`/pendaftaran/${enrolmentId}`);
}
