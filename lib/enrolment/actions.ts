"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { currentActor, type Actor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { logUnexpected } from "@/lib/log";
import { getLocale } from "@/lib/i18n/server";
import { todayInZone, type Locale } from "@/lib/rules";
import { correctionForActor, lookupNik, type NikLookup } from "@/lib/enrolment/data";
import { DraftData, keepInput, validateEnrolment, type FieldErrors } from "@/lib/enrolment/schema";
import {
  EnrolmentFieldError,
  NotAllowedError,
  NotCorrectableError,
  NotFoundError,
  ParticipantExistsError,
  VersionConflictError,
  deleteDraft,
  recordNikLookup,
  resubmitEnrolment,
  saveDraft,
  submitEnrolment,
} from "@/lib/enrolment/mutations";

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
  /** What the server knows about the NIK (a registered participant is shown read-only). */
  lookup?: NikLookup;
}

const TEXT = {
  id: {
    check: "Periksa kembali isian yang ditandai.",
    notOfficer: "Anda tidak berwenang mendaftarkan debitur. Hanya petugas penyalur yang dapat mengisi e-form.",
    notAllowed: "Anda tidak berwenang melakukan tindakan ini.",
    unexpected: (id: string) => `Terjadi kesalahan tak terduga; data belum tersimpan. Coba lagi, atau hubungi dukungan dengan kode ${id}.`,
    registered:
      "NIK ini sudah terdaftar sebagai peserta. Data peserta yang tersimpan kini ditampilkan dan dipakai; periksa, lalu kirim lagi.",
    conflict: "Pendaftaran ini baru saja diubah oleh orang lain. Muat ulang halaman untuk melihat data terbaru; perbaikan Anda belum tersimpan.",
    notCorrectable: "Hanya pendaftaran berstatus Dikembalikan yang dapat diperbaiki.",
    draftTooBig: "Draf terlalu besar untuk disimpan.",
  },
  en: {
    check: "Check the marked fields.",
    notOfficer: "You may not enrol debtors. Only lender officers can fill in the e-form.",
    notAllowed: "You may not do this.",
    unexpected: (id: string) => `An unexpected error occurred; nothing was saved. Try again, or contact support quoting ${id}.`,
    registered:
      "This NIK is already a registered participant. Their stored data is now shown and will be used; check it, then submit again.",
    conflict: "Someone else changed this enrolment just now. Reload the page to see the latest data; your correction was not saved.",
    notCorrectable: "Only enrolments with the status Returned can be corrected.",
    draftTooBig: "The draft is too large to save.",
  },
} satisfies Record<Locale, unknown>;

const NikParam = z.string().transform((v) => v.replace(/\s+/g, "")).pipe(z.string().regex(/^\d{16}$/));

async function officer(): Promise<Actor | null> {
  const actor = await currentActor();
  if (!actor) redirect("/masuk");
  return can(actor, "enrolment:create") ? actor : null;
}

/** What every e-form action starts with: the posted fields, the input to keep, the language, the officer. */
async function formContext(formData: FormData) {
  const raw = Object.fromEntries(formData.entries());
  const values = keepInput(raw);
  const locale = await getLocale();
  return { raw, values, locale, t: TEXT[locale], actor: await officer() };
}

function unexpected(error: unknown, action: string, actor: Actor, locale: Locale, values: Record<string, string>): EnrolmentFormState {
  const errorId = logUnexpected(error, { action, userId: actor.id });
  return { message: TEXT[locale].unexpected(errorId), values };
}

/**
 * Scoped NIK lookup for the e-form, called as the officer types or leaves the NIK field. Returns
 * only what the form shows: a registered participant's identifying data (masked phone, no street,
 * no mother's name) and the names of other penyalur with an active enrolment. Each lookup that
 * finds a participant is audited ("participant.lookup").
 */
export async function lookupNikAction(nik: string): Promise<NikLookup | null> {
  const actor = await officer();
  const parsed = NikParam.safeParse(nik);
  if (!actor || !parsed.success) return null;
  const found = await lookupNik(actor, parsed.data);
  if (found.participant) await recordNikLookup(actor, parsed.data);
  return found;
}

/** The new e-form's one action: "Simpan draf" (intent=draft) saves, the submit button submits. */
export async function enrolmentFormAction(prev: EnrolmentFormState, formData: FormData): Promise<EnrolmentFormState> {
  return formData.get("intent") === "draft" ? saveDraftAction(prev, formData) : submitEnrolmentAction(prev, formData);
}

/**
 * The e-form's submit. A public HTTP endpoint: authenticates, validates, authorizes, then writes in
 * one transaction (lib/enrolment/mutations.ts). Redirects to the enrolment on success, with a notice
 * when the loan number had already been enrolled (the existing enrolment is shown, no second one).
 */
export async function submitEnrolmentAction(prev: EnrolmentFormState, formData: FormData): Promise<EnrolmentFormState> {
  const state = await submitDecide(formData);
  return { ...state, attempt: (prev.attempt ?? 0) + 1 };
}

async function submitDecide(formData: FormData): Promise<EnrolmentFormState> {
  const { raw, values, locale, t, actor } = await formContext(formData);
  if (!actor) return { message: t.notOfficer, values };

  const nik = NikParam.safeParse(raw.nik);
  const lookup = nik.success ? await lookupNik(actor, nik.data) : undefined;
  const existing = Boolean(lookup?.participant);
  const validation = validateEnrolment(raw, todayInZone(new Date(), actor.timeZone), { locale, existingParticipant: existing });
  // Never silently: a registered NIK the form did not know about comes back showing the stored data.
  const unacknowledged = existing && raw.existingParticipant !== "1";
  if (!validation.ok || unacknowledged) {
    const errors = validation.ok ? {} : validation.errors;
    if (unacknowledged) errors.nik = [t.registered, ...(errors.nik ?? [])];
    return { errors, message: t.check, values: { ...values, existingParticipant: existing ? "1" : "" }, lookup };
  }

  let target: string;
  try {
    const result = await submitEnrolment(actor, validation.data, new Date(), locale);
    target = `/pendaftaran/${result.enrolmentId}${result.duplicate === "loanNumber" ? "?sudah-ada=nomor-pinjaman" : ""}`;
  } catch (error) {
    if (error instanceof EnrolmentFieldError) return { errors: error.errors, message: t.check, values, lookup };
    if (error instanceof ParticipantExistsError) {
      const fresh = nik.success ? await lookupNik(actor, nik.data) : undefined;
      return { errors: { nik: [t.registered] }, message: t.check, values: { ...values, existingParticipant: "1" }, lookup: fresh };
    }
    if (error instanceof NotAllowedError) return { message: t.notAllowed, values };
    return unexpected(error, "submitEnrolment", actor, locale, values);
  }
  revalidatePath("/pendaftaran");
  redirect(target);
}

/**
 * "Simpan draf": saves the form as typed, without validation, for the officer's office. A form that
 * was already submitted goes to its enrolment instead.
 */
export async function saveDraftAction(prev: EnrolmentFormState, formData: FormData): Promise<EnrolmentFormState> {
  const { raw, values, locale, t, actor } = await formContext(formData);
  const attempt = (prev.attempt ?? 0) + 1;
  if (!actor) return { message: t.notOfficer, values, attempt };
  const key = z.uuid().safeParse(raw.submissionKey);
  const data = DraftData.safeParse(raw);
  if (!key.success || !data.success) return { message: key.success ? t.draftTooBig : t.notAllowed, values, attempt };

  let target: string;
  try {
    const result = await saveDraft(actor, key.data, data.data);
    target = result.kind === "draft" ? `/pendaftaran/draf/${result.draftId}?tersimpan=1` : `/pendaftaran/${result.enrolmentId}`;
  } catch (error) {
    if (error instanceof NotAllowedError) return { message: t.notAllowed, values, attempt };
    return { ...unexpected(error, "saveDraft", actor, locale, values), attempt };
  }
  revalidatePath("/pendaftaran/draf");
  redirect(target);
}

/** Deletes a draft of the officer's office; another office's draft is not found. */
export async function deleteDraftAction(formData: FormData): Promise<void> {
  const actor = await officer();
  if (!actor) notFound();
  const id = z.uuid().safeParse(formData.get("draftId"));
  let deleted = false;
  try {
    deleted = id.success && (await deleteDraft(actor, id.data));
  } catch (error) {
    logUnexpected(error, { action: "deleteDraft", userId: actor.id });
    throw error;
  }
  if (!deleted) notFound();
  revalidatePath("/pendaftaran/draf");
  redirect("/pendaftaran/draf?dihapus=1");
}

/**
 * Resubmits a returned enrolment with the officer's corrections (RETURNED → SUBMITTED). Only the
 * owning office, only RETURNED, and only if nobody changed it since the form was opened.
 */
export async function resubmitEnrolmentAction(prev: EnrolmentFormState, formData: FormData): Promise<EnrolmentFormState> {
  const state = await resubmitDecide(formData);
  return { ...state, attempt: (prev.attempt ?? 0) + 1 };
}

async function resubmitDecide(formData: FormData): Promise<EnrolmentFormState> {
  const { raw, values, locale, t, actor } = await formContext(formData);
  if (!actor) return { message: t.notOfficer, values };
  const ids = z.object({ enrolmentId: z.uuid(), version: z.coerce.number().int().positive() }).safeParse(raw);
  if (!ids.success) notFound();
  const correction = await correctionForActor(actor, ids.data.enrolmentId);
  if (!correction) notFound();

  const validation = validateEnrolment(raw, todayInZone(new Date(), actor.timeZone), {
    locale,
    existingParticipant: !correction.participantEditable,
  });
  if (!validation.ok) return { errors: validation.errors, message: t.check, values };

  try {
    await resubmitEnrolment(actor, correction.id, ids.data.version, validation.data, new Date(), locale);
  } catch (error) {
    if (error instanceof EnrolmentFieldError) return { errors: error.errors, message: t.check, values };
    if (error instanceof VersionConflictError) return { message: t.conflict, values };
    if (error instanceof NotCorrectableError) return { message: t.notCorrectable, values };
    if (error instanceof NotFoundError) notFound();
    if (error instanceof NotAllowedError) return { message: t.notAllowed, values };
    return unexpected(error, "resubmitEnrolment", actor, locale, values);
  }
  revalidatePath("/pendaftaran");
  redirect(`/pendaftaran/${correction.id}?diperbaiki=1`);
}
