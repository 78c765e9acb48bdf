import "server-only";
import { isUuid } from "@/lib/search-params";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { can, type RecordPlace } from "@/lib/auth/permissions";
import { penyalurOfficeOf } from "@/lib/auth/scope";
import type { DocumentDto, DocumentKind } from "@/lib/documents/schema";

/**
 * Reads of attached documents (docs/decisions/0017). A document belongs to the form with its
 * submission key at its penyalur office: before the first submit only that office may see it; once
 * an enrolment with that key exists, the enrolment's place decides (`can(actor, "document:read",
 * place)`), so the reviewing branch sees it and another bank, branch or Kanwil never does.
 */

const LIST_SELECT = { id: true, kind: true, label: true, mimeType: true, byteSize: true, width: true, height: true, createdAt: true } as const;

/** The enrolment a form's documents belong to, if submitted: its place and when it was last returned. */
export async function owningEnrolment(submissionKey: string, penyalurOfficeId: string) {
  const e = await db().enrolment.findFirst({
    where: { submissionKey, penyalurOfficeId },
    select: { id: true, status: true, reviewedAt: true, penyalurOfficeId: true, kantorCabangId: true, kantorCabang: { select: { kanwilId: true } } },
  });
  if (!e) return null;
  const place: RecordPlace = { penyalurOfficeId: e.penyalurOfficeId, kantorCabangId: e.kantorCabangId, kanwilId: e.kantorCabang.kanwilId };
  return { id: e.id, status: e.status, reviewedAt: e.reviewedAt, place };
}

/**
 * May the officer still remove a document: while the form is not submitted, or during a correction
 * for what was attached after the return (what the reviewer saw stays on record).
 */
export function removable(enrolment: Awaited<ReturnType<typeof owningEnrolment>>, createdAt: Date): boolean {
  if (!enrolment) return true;
  return enrolment.status === "RETURNED" && (enrolment.reviewedAt === null || createdAt > enrolment.reviewedAt);
}

type Row = { id: string; kind: DocumentKind; label: string | null; mimeType: string; byteSize: number; width: number | null; height: number | null; createdAt: Date };
const toDto = (d: Row, canRemove: boolean): DocumentDto => ({ ...d, createdAt: d.createdAt.toISOString(), removable: canRemove });

/** The documents of the officer's form (new, draft or correction) with this key, for the upload control. */
export async function formDocuments(actor: Actor, submissionKey: string): Promise<DocumentDto[]> {
  const own = penyalurOfficeOf(actor, "document:attach");
  if (!own || !isUuid(submissionKey)) return [];
  const [rows, enrolment] = await Promise.all([
    db().enrolmentDocument.findMany({ where: { submissionKey, penyalurOfficeId: own.penyalurOfficeId }, orderBy: { createdAt: "asc" }, select: LIST_SELECT }),
    owningEnrolment(submissionKey, own.penyalurOfficeId),
  ]);
  return rows.map((d) => toDto(d, removable(enrolment, d.createdAt)));
}

/**
 * The documents of an enrolment the caller has already loaded within the actor's scope, if the actor
 * may read documents at its place; none otherwise (a manager's view has no KTP photos).
 */
export async function enrolmentDocuments(
  actor: Actor,
  enrolment: { submissionKey: string; penyalurOfficeId: string; place: RecordPlace },
): Promise<DocumentDto[]> {
  if (!can(actor, "document:read", enrolment.place)) return [];
  const rows = await db().enrolmentDocument.findMany({
    where: { submissionKey: enrolment.submissionKey, penyalurOfficeId: enrolment.penyalurOfficeId },
    orderBy: { createdAt: "asc" },
    select: LIST_SELECT,
  });
  return rows.map((d) => toDto(d, false));
}

/** One document's bytes for the inline view, or null when it does not exist or is outside the actor's reach (not told apart). */
export async function documentForViewing(actor: Actor, id: string) {
  if (!can(actor, "document:read") || !isUuid(id)) return null;
  const d = await db().enrolmentDocument.findUnique({
    where: { id },
    select: { id: true, kind: true, mimeType: true, content: true, submissionKey: true, penyalurOfficeId: true },
  });
  if (!d) return null;
  const enrolment = await owningEnrolment(d.submissionKey, d.penyalurOfficeId);
  const place: RecordPlace = enrolment?.place ?? { penyalurOfficeId: d.penyalurOfficeId };
  if (!can(actor, "document:read", place)) return null;
  return { id: d.id, kind: d.kind, mimeType: d.mimeType, content: d.content, enrolmentId: enrolment?.id ?? null };
}

/**
 * The documents of the officer's returned enrolment, for its correction form: the enrolment's own
 * submission key (the correction form renders with a fresh one) and what is attached to it.
 */
export async function correctionDocuments(actor: Actor, enrolmentId: string): Promise<{ submissionKey: string; initial: DocumentDto[] } | null> {
  const own = penyalurOfficeOf(actor, "document:attach");
  if (!own || !isUuid(enrolmentId)) return null;
  const e = await db().enrolment.findFirst({ where: { id: enrolmentId, penyalurOfficeId: own.penyalurOfficeId }, select: { submissionKey: true } });
  return e ? { submissionKey: e.submissionKey, initial: await formDocuments(actor, e.submissionKey) } : null;
}
