"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { clientFor, formAction, formInput } from "@/lib/action/client";
import { AppError, fieldError } from "@/lib/action/errors";
import type { FormState } from "@/lib/action/result";
import { todayInZone } from "@/lib/rules";
import { correctionForActor, lookupNik, participantNameMatches, type NikLookup } from "@/lib/enrolment/data";
import { DraftData, validateEnrolment } from "@/lib/enrolment/schema";
import { deleteDraft, recordNameCheck, recordNikLookup, resubmitEnrolment, saveDraft, submitEnrolment } from "@/lib/enrolment/mutations";

/**
 * The e-form's answer, as the form reads it (lib/action/result.ts FormState). `data` carries what
 * the server knows about the NIK when a submit is refused because it is a registered participant
 * the form did not know about: the stored data is then shown read-only.
 */
export type EnrolmentFormState = FormState<NikLookup>;

const NikParam = z.string().transform((v) => v.replace(/\s+/g, "")).pipe(z.string().regex(/^\d{16}$/));

/** The posted fields as they are: the e-form's own validation (lib/enrolment/schema) needs the whole form at once. */
const PostedForm = formInput(z.record(z.string(), z.unknown()));

/**
 * Scoped NIK lookup for the e-form, called as the officer types or leaves the NIK field. Answers
 * only what the disclosure policy allows (lib/enrolment/data/nik-lookup.ts, docs/decisions/0012):
 * the stored data when the officer's own penyalur already enrols the participant, otherwise only
 * whether one exists. Every lookup, hit or miss, is audited ("participant.lookup").
 */
export const lookupNikAction = clientFor("enrolment:create")
  .metadata({ actionName: "enrolment.lookupNik" })
  .inputSchema(NikParam)
  .action(async ({ parsedInput: nik, ctx }) => {
    const found = await lookupNik(ctx.actor, nik);
    await recordNikLookup(ctx.actor, nik, found.participant ? "own" : found.registered ? "elsewhere" : "unknown");
    return found;
  });

/**
 * For a participant registered through another penyalur: is the name the debtor gives the stored
 * one? Yes or no, nothing else; limited and audited like the lookup ("participant.nameCheck").
 */
export const confirmParticipantNameAction = clientFor("enrolment:create")
  .metadata({ actionName: "enrolment.confirmName" })
  .inputSchema(z.object({ nik: NikParam, name: z.string().trim().min(1).max(200) }))
  .action(async ({ parsedInput: { nik, name }, ctx }) => {
    const matches = await participantNameMatches(ctx.actor, nik, name);
    await recordNameCheck(ctx.actor, nik, matches);
    return { matches };
  });

/**
 * The e-form's submit. Validates the whole form, then writes in one transaction
 * (lib/enrolment/mutations). Redirects to the enrolment on success, with a notice when the loan
 * number had already been enrolled (the existing enrolment is shown, no second one).
 */
const submitEnrolmentSafe = clientFor("enrolment:create")
  .metadata({ actionName: "enrolment.submit" })
  .inputSchema(PostedForm)
  .action(async ({ parsedInput: raw, ctx: { actor, locale } }) => {
    const nik = NikParam.safeParse(raw.nik);
    const lookup = nik.success ? await lookupNik(actor, nik.data) : undefined;
    const existing = Boolean(lookup?.registered);
    const validation = validateEnrolment(raw, todayInZone(new Date(), actor.timeZone), { locale, existingParticipant: existing });
    // Never silently: a registered NIK the form did not know about comes back showing the stored data.
    const unacknowledged = existing && raw.existingParticipant !== "1";
    if (!validation.ok || unacknowledged) {
      const errors = validation.ok ? {} : validation.errors;
      if (unacknowledged) errors.nik = [(await getTranslations("actionErrors"))("participantRegistered"), ...(errors.nik ?? [])];
      throw new AppError("VALIDATION", { fieldErrors: errors, data: lookup });
    }

    let target: string;
    try {
      const result = await submitEnrolment(actor, validation.data, new Date(), locale);
      target = `/pendaftaran/${result.enrolmentId}${result.duplicate === "loanNumber" ? "?sudah-ada=nomor-pinjaman" : "?terkirim=1"}`;
    } catch (error) {
      // Registered by someone else meanwhile: the stored data is never overwritten; the form shows it.
      if (error instanceof AppError && error.options.message === "participantRegistered") {
        const fresh = nik.success ? await lookupNik(actor, nik.data) : undefined;
        const registered = (await getTranslations("actionErrors"))("participantRegistered");
        throw new AppError("VALIDATION", { fieldErrors: { nik: [registered] }, data: fresh });
      }
      if (error instanceof AppError && error.code === "VALIDATION") throw new AppError("VALIDATION", { ...error.options, data: lookup });
      throw error;
    }
    revalidatePath("/pendaftaran");
    redirect(target);
  });

/**
 * "Simpan draf": saves the form as typed, without validation, for the officer's office. A form that
 * was already submitted goes to its enrolment instead.
 */
const saveDraftSafe = clientFor("enrolment:create")
  .metadata({ actionName: "enrolment.saveDraft" })
  .inputSchema(PostedForm)
  .action(async ({ parsedInput: raw, ctx: { actor, locale } }) => {
    const key = z.uuid().safeParse(raw.submissionKey);
    if (!key.success) throw new AppError("FORBIDDEN");
    const data = DraftData.safeParse(raw);
    if (!data.success) throw new AppError("VALIDATION", { message: "draftTooBig" });
    const result = await saveDraft(actor, key.data, data.data, locale);
    revalidatePath("/pendaftaran/draf");
    redirect(result.kind === "draft" ? `/pendaftaran/draf/${result.draftId}?tersimpan=1` : `/pendaftaran/${result.enrolmentId}`);
  });

/** Fails with the NIK look-up as `data` when the NIK turned out to be a registered participant. */
export const submitEnrolmentAction: (prev: EnrolmentFormState, formData: FormData) => Promise<EnrolmentFormState> = formAction(submitEnrolmentSafe);
export const saveDraftAction = formAction(saveDraftSafe);

/** The new e-form's one action: "Simpan draf" (intent=draft) saves, the submit button submits. */
export async function enrolmentFormAction(prev: EnrolmentFormState, formData: FormData): Promise<EnrolmentFormState> {
  return formData.get("intent") === "draft" ? saveDraftAction(prev, formData) : submitEnrolmentAction(prev, formData);
}

/** Deletes a draft of the officer's office; another office's draft, or none, is not found. */
const deleteDraftSafe = clientFor("enrolment:create")
  .metadata({ actionName: "enrolment.deleteDraft" })
  .inputSchema(formInput(z.object({ draftId: z.string() })))
  .action(async ({ parsedInput, ctx }) => {
    if (!(await deleteDraft(ctx.actor, parsedInput.draftId))) notFound();
    revalidatePath("/pendaftaran/draf");
    redirect("/pendaftaran/draf?dihapus=1");
  });

/** The drafts list's delete button (a plain `<form action>`: no state to show, so a failure is a page). */
export async function deleteDraftAction(formData: FormData): Promise<void> {
  const result = await deleteDraftSafe(formData);
  if (result?.validationErrors || result?.serverError?.code === "NOT_FOUND" || result?.serverError?.code === "FORBIDDEN") notFound();
  if (result?.serverError) throw new Error(result.serverError.message);
}

/**
 * Resubmits a returned enrolment with the officer's corrections (RETURNED → SUBMITTED). Only the
 * owning office (others: 404), only RETURNED, and only if nobody changed it since the form was opened.
 */
const resubmitEnrolmentSafe = clientFor("enrolment:correct")
  .metadata({ actionName: "enrolment.resubmit" })
  .inputSchema(PostedForm)
  .action(async ({ parsedInput: raw, ctx: { actor, locale } }) => {
    const ids = z.object({ enrolmentId: z.uuid(), version: z.coerce.number().int().positive() }).safeParse(raw);
    if (!ids.success) notFound();
    const correction = await correctionForActor(actor, ids.data.enrolmentId);
    if (!correction) notFound();

    const validation = validateEnrolment(raw, todayInZone(new Date(), actor.timeZone), {
      locale,
      existingParticipant: !correction.participantEditable,
    });
    if (!validation.ok) throw fieldError(validation.errors);

    try {
      await resubmitEnrolment(actor, correction.id, ids.data.version, validation.data, new Date(), locale);
    } catch (error) {
      if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
      throw error;
    }
    revalidatePath("/pendaftaran");
    redirect(`/pendaftaran/${correction.id}?diperbaiki=1`);
  });

export const resubmitEnrolmentAction = formAction(resubmitEnrolmentSafe);
