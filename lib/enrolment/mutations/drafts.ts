import "server-only";
import { isUuid } from "@/lib/search-params";
import { AppError } from "@/lib/action/errors";
import { db, type Prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import type { Locale } from "@/lib/rules";
import { draftLabel } from "@/lib/enrolment/schema";
import { findBySubmissionKey, isUniqueViolation, officerScope } from "@/lib/enrolment/mutations/shared";

// Drafts

export type SaveDraftResult = { kind: "draft"; draftId: string } | { kind: "submitted"; enrolmentId: string };

/**
 * Saves the form as typed (no validation beyond size and shape: lib/enrolment/schema.ts DraftData).
 * A draft belongs to the office (a colleague may finish it) and is keyed by the form's submission
 * key, so saving again updates it and submitting it deletes it. A form already submitted is not
 * saved again: the caller goes to its enrolment.
 */
export async function saveDraft(actor: Actor, submissionKey: string, values: Record<string, string>, locale: Locale = "id"): Promise<SaveDraftResult> {
  const scope = officerScope(actor);
  const submitted = await findBySubmissionKey(db(), actor, submissionKey);
  if (submitted) return { kind: "submitted", enrolmentId: submitted.enrolmentId };
  const label = draftLabel(values, locale);
  const data = values as Prisma.InputJsonValue;
  const update = () =>
    db().enrolmentDraft.updateMany({
      where: { submissionKey, penyalurOfficeId: scope.penyalurOfficeId },
      data: { data, label, officerId: actor.id },
    });
  const found = async () =>
    db().enrolmentDraft.findFirst({ where: { submissionKey, penyalurOfficeId: scope.penyalurOfficeId }, select: { id: true } });

  if ((await update()).count === 0) {
    try {
      const created = await db().enrolmentDraft.create({
        data: { submissionKey, penyalurOfficeId: scope.penyalurOfficeId, officerId: actor.id, data, label },
        select: { id: true },
      });
      return { kind: "draft", draftId: created.id };
    } catch (error) {
      // Saved twice at once: the other request created it; ours becomes an update. A key that
      // belongs to another office's draft is not ours to touch.
      if (!isUniqueViolation(error, "submissionKey")) throw error;
      if ((await update()).count === 0) throw new AppError("FORBIDDEN");
    }
  }
  const draft = await found();
  if (!draft) throw new AppError("FORBIDDEN");
  return { kind: "draft", draftId: draft.id };
}

/** Deletes a draft of the actor's office; false when there is none in scope (the caller answers 404). */
export async function deleteDraft(actor: Actor, draftId: string): Promise<boolean> {
  const scope = officerScope(actor);
  if (!isUuid(draftId)) return false;
  const { count } = await db().enrolmentDraft.deleteMany({ where: { id: draftId, penyalurOfficeId: scope.penyalurOfficeId } });
  return count > 0;
}
