import "server-only";
import { AppError } from "@/lib/action/errors";
import { db, Prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { penyalurOfficeOf } from "@/lib/auth/scope";
import { owningEnrolment, removable } from "@/lib/documents/data";
import type { ProcessedDocument } from "@/lib/documents/process";
import { MAX_DOCUMENTS_PER_FORM, type DocumentKind } from "@/lib/documents/schema";

/**
 * A document's audit row: on its enrolment once there is one (so the record's history and its
 * Kanwil's audit trail show it), on the document itself before the first submit.
 */
function auditRow(actor: Actor, action: string, enrolmentId: string | null, documentId: string, change: { before?: Prisma.InputJsonValue; after?: Prisma.InputJsonValue }) {
  return {
    actorId: actor.id,
    actorRole: actor.role,
    action,
    entityType: enrolmentId ? "Enrolment" : "EnrolmentDocument",
    entityId: enrolmentId ?? documentId,
    ...change,
  };
}

function officeOf(actor: Actor) {
  const own = penyalurOfficeOf(actor, "document:attach");
  if (!own) throw new AppError("FORBIDDEN");
  return own;
}

/**
 * Stores a processed upload for the officer's form with `submissionKey`, with its audit row, in one
 * transaction. The form must be the officer's office's and still open: not yet submitted, or
 * returned for correction. Another office's form is not found (a submission key says nothing about
 * who owns it). The same bytes attached twice to one form are one document.
 */
export async function attachDocument(
  actor: Actor,
  input: { submissionKey: string; kind: DocumentKind; label: string | null },
  doc: ProcessedDocument,
): Promise<{ id: string }> {
  const own = officeOf(actor);
  const [otherOffice, enrolment] = await Promise.all([
    db().enrolment.findFirst({ where: { submissionKey: input.submissionKey, penyalurOfficeId: { not: own.penyalurOfficeId } }, select: { id: true } }),
    owningEnrolment(input.submissionKey, own.penyalurOfficeId),
  ]);
  const otherDraft = await db().enrolmentDraft.findFirst({ where: { submissionKey: input.submissionKey, penyalurOfficeId: { not: own.penyalurOfficeId } }, select: { id: true } });
  if (otherOffice || otherDraft) throw new AppError("NOT_FOUND");
  if (enrolment && enrolment.status !== "RETURNED") throw new AppError("INVALID_STATE", { message: "documentsClosed" });

  return db().$transaction(async (tx) => {
    const same = await tx.enrolmentDocument.findUnique({ where: { submissionKey_sha256: { submissionKey: input.submissionKey, sha256: doc.sha256 } }, select: { id: true, penyalurOfficeId: true } });
    if (same && same.penyalurOfficeId === own.penyalurOfficeId) return { id: same.id };
    const count = await tx.enrolmentDocument.count({ where: { submissionKey: input.submissionKey, penyalurOfficeId: own.penyalurOfficeId } });
    if (count >= MAX_DOCUMENTS_PER_FORM) throw new AppError("VALIDATION", { message: "documentsFull", params: { max: MAX_DOCUMENTS_PER_FORM } });
    try {
      const created = await tx.enrolmentDocument.create({
        data: {
          submissionKey: input.submissionKey,
          penyalurOfficeId: own.penyalurOfficeId,
          uploadedById: actor.id,
          kind: input.kind,
          label: input.kind === "OTHER" ? input.label : null,
          mimeType: doc.mimeType,
          byteSize: doc.content.byteLength,
          width: doc.width,
          height: doc.height,
          sha256: doc.sha256,
          content: new Uint8Array(doc.content),
        },
        select: { id: true },
      });
      await tx.auditEvent.create({
        data: auditRow(actor, "document.attach", enrolment?.id ?? null, created.id, {
          after: { documentId: created.id, kind: input.kind, mimeType: doc.mimeType, byteSize: doc.content.byteLength, sha256: doc.sha256 },
        }),
      });
      return created;
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("CONFLICT", { message: "documentTwice" });
      throw error;
    }
  });
}

/** Removes a document of the officer's form while it may still be removed (lib/documents/data.ts `removable`). */
export async function removeDocument(actor: Actor, id: string): Promise<void> {
  const own = officeOf(actor);
  const d = await db().enrolmentDocument.findFirst({
    where: { id, penyalurOfficeId: own.penyalurOfficeId },
    select: { id: true, kind: true, submissionKey: true, createdAt: true, sha256: true },
  });
  if (!d) throw new AppError("NOT_FOUND");
  const enrolment = await owningEnrolment(d.submissionKey, own.penyalurOfficeId);
  if (!removable(enrolment, d.createdAt)) throw new AppError("INVALID_STATE", { message: "documentsClosed" });
  await db().$transaction(async (tx) => {
    await tx.enrolmentDocument.delete({ where: { id: d.id } });
    await tx.auditEvent.create({ data: auditRow(actor, "document.remove", enrolment?.id ?? null, d.id, { before: { documentId: d.id, kind: d.kind, sha256: d.sha256 } }) });
  });
}

/** A document was shown to `actor`: a read of personal data, audited (UU 27/2022 Pasal 31). */
export async function recordDocumentView(actor: Actor, doc: { id: string; kind: DocumentKind; enrolmentId: string | null }): Promise<void> {
  await db().auditEvent.create({ data: auditRow(actor, "document.view", doc.enrolmentId, doc.id, { after: { documentId: doc.id, kind: doc.kind } }) });
}
