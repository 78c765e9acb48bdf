import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { AppError } from "@/lib/action/errors";
import { db, Prisma } from "@/lib/db";
import { loadActor, type Actor } from "@/lib/auth/data";
import { can } from "@/lib/auth/permissions";
import { penyalurOfficeOf } from "@/lib/auth/scope";
import { todayInZone, type Locale } from "@/lib/rules";
import { enrolmentColumns, mandateDecisionRow, participantColumns } from "@/lib/enrolment";
import type { FieldErrors } from "@/lib/enrolment/schema";
import { loadReference, uploadForJob } from "@/lib/bulk/data";
import { checkedBatches, estimateRows, type FileProblem } from "@/lib/bulk/pipeline";
import { sniffFormat } from "@/lib/bulk/read";
import type { CheckedRow } from "@/lib/bulk/check";
import { insertRows } from "@/lib/bulk/mutations/insert";
import { recordEvents } from "@/lib/events";

/** Most bytes one file may have: 100 000 template rows are about 40 MB as CSV. */
export const MAX_FILE_BYTES = 60 * 1024 * 1024;

export type Progress = (done: number, total: number | null) => Promise<void> | void;

export interface ValidationSummary {
  rowCount: number;
  validCount: number;
  existingCount: number;
  errorCount: number;
  problem: FileProblem | null;
}

export interface CommitSummary extends ValidationSummary {
  createdCount: number;
}

/** Row 0 of the row errors holds what is wrong with the file as a whole (no header, missing columns). */
export const FILE_ROW = 0;

type Tx = Prisma.TransactionClient;

/** Stores the file for the officer's own office; validation runs after, as a job (./start.ts). */
export async function createUpload(actor: Actor, file: { name: string; bytes: Uint8Array }, locale: Locale, tx?: Tx): Promise<string> {
  const own = penyalurOfficeOf(actor);
  if (!own) throw new AppError("FORBIDDEN");
  const write = async (tx: Tx) => {
    const row = await tx.bulkUpload.create({
      data: {
        penyalurOfficeId: own.penyalurOfficeId,
        uploadedById: actor.id,
        fileName: file.name.slice(0, 200),
        format: sniffFormat(file.bytes),
        sha256: createHash("sha256").update(file.bytes).digest("hex"),
        content: Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength) as Uint8Array<ArrayBuffer>,
        locale,
      },
      select: { id: true, format: true, sha256: true },
    });
    await tx.auditEvent.create({
      data: { actorId: actor.id, action: "bulk.upload", entityType: "BulkUpload", entityId: row.id, after: { fileName: file.name, format: row.format, bytes: file.bytes.byteLength, sha256: row.sha256 } },
    });
    return row.id;
  };
  return tx ? write(tx) : db().$transaction(write);
}

/** The job's actor: the uploader as they are now (a deactivated or moved officer's file is not written). */
async function uploaderOf(upload: { uploadedById: string; penyalurOfficeId: string }): Promise<Actor> {
  const actor = await loadActor(upload.uploadedById);
  if (!actor || !can(actor, "enrolment:create", { penyalurOfficeId: upload.penyalurOfficeId })) throw new AppError("FORBIDDEN");
  return actor;
}

function errorRows(uploadId: string, rows: CheckedRow[]) {
  return rows.flatMap((r) => (r.kind === "error" ? [{ uploadId, rowNumber: r.row, errors: r.errors as Prisma.InputJsonValue }] : []));
}

async function runChecked(
  uploadId: string,
  now: Date,
  progress: Progress | undefined,
  onBatch: (rows: CheckedRow[], actor: Actor) => Promise<number>,
): Promise<CommitSummary> {
  const upload = await uploadForJob(uploadId);
  if (!upload) throw new AppError("NOT_FOUND");
  const actor = await uploaderOf(upload);
  const ref = await loadReference(upload.penyalurOfficeId);
  const locale = (upload.locale === "en" ? "en" : "id") as Locale;
  const bytes = upload.content;
  const total = upload.rowCount ?? estimateRows(bytes, upload.format);
  await db().bulkUploadRowError.deleteMany({ where: { uploadId } });

  const summary: CommitSummary = { rowCount: 0, validCount: 0, existingCount: 0, errorCount: 0, createdCount: 0, problem: null };
  const batches = checkedBatches(bytes, upload.format, ref, todayInZone(now, ref.office.timeZone), locale);
  let writing: Promise<void> = Promise.resolve();
  for (;;) {
    const next = await batches.next();
    if (next.done) {
      summary.problem = next.value;
      break;
    }
    const rows = next.value;
    for (const r of rows) {
      summary.rowCount++;
      if (r.kind === "new") summary.validCount++;
      else if (r.kind === "existing") summary.existingCount++;
      else summary.errorCount++;
    }
    const errors = errorRows(uploadId, rows);
    if (errors.length) await db().bulkUploadRowError.createMany({ data: errors });
    // The database writes batch N while this process reads and checks batch N+1 (two cores, two
    // workers). Safe: a loan number twice in the file is caught by the file's own check, and a NIK
    // new in both batches is written once (skipDuplicates).
    await writing;
    const done = summary.rowCount;
    writing = onBatch(rows, actor).then(async (created) => {
      summary.createdCount += created;
      await progress?.(done, total && total >= done ? total : null);
    });
    // Awaited at the next batch or the end; until then a failure must not count as unhandled.
    writing.catch(() => undefined);
  }
  await writing;
  if (summary.problem) {
    const errors: FieldErrors = { submissionKey: [problemText(summary.problem, locale)] };
    await db().bulkUploadRowError.create({ data: { uploadId, rowNumber: FILE_ROW, errors: errors as Prisma.InputJsonValue } });
  }
  return summary;
}

function problemText(problem: FileProblem, locale: Locale): string {
  // Written in the uploader's language, like the row errors (the report is read in it).
  const id = locale === "id";
  if (problem.kind === "empty") return id ? "Berkas kosong: tidak ada baris judul kolom." : "The file is empty: no header row.";
  return (id ? "Kolom templat tidak ada: " : "Template columns missing: ") + problem.missing.join(", ");
}

/**
 * Validates every row of an upload as the e-form would (lib/bulk/check.ts) and stores each row's
 * errors; writes no enrolment. Run as a tracked job; `progress` moves its bar.
 */
export async function validateUpload(uploadId: string, now: Date, progress?: Progress): Promise<ValidationSummary> {
  await db().bulkUpload.update({ where: { id: uploadId }, data: { status: "VALIDATING" } });
  try {
    const s = await runChecked(uploadId, now, progress, async () => 0);
    await db().bulkUpload.update({
      where: { id: uploadId },
      data: { status: "VALIDATED", rowCount: s.rowCount, validCount: s.validCount, existingCount: s.existingCount, errorCount: s.errorCount + (s.problem ? 1 : 0), validatedAt: new Date() },
    });
    return { rowCount: s.rowCount, validCount: s.validCount, existingCount: s.existingCount, errorCount: s.errorCount, problem: s.problem };
  } catch (error) {
    await db().bulkUpload.update({ where: { id: uploadId }, data: { status: "FAILED" } });
    throw error;
  }
}

/**
 * The statuses from which a commit may start: validated, or a run that failed for good (it resumes).
 * Not while one is running: a second click must not queue a second run (the queue retries a run).
 */
const COMMITTABLE = ["VALIDATED", "FAILED"] as const;

/** Marks the upload as being committed (the action calls this before it starts the job). */
export async function beginCommit(actor: Actor, uploadId: string, tx: Tx = db()): Promise<void> {
  const upload = await tx.bulkUpload.findUnique({ where: { id: uploadId }, select: { penyalurOfficeId: true, status: true, validCount: true, validatedAt: true, contentPurgedAt: true } });
  if (!upload || !can(actor, "enrolment:create", { penyalurOfficeId: upload.penyalurOfficeId })) throw new AppError("NOT_FOUND");
  if (!upload.validatedAt || !(COMMITTABLE as readonly string[]).includes(upload.status) || !upload.validCount || upload.contentPurgedAt) {
    throw new AppError("INVALID_STATE", { message: "bulkNotCommittable" });
  }
  const changed = await tx.bulkUpload.updateMany({ where: { id: uploadId, status: upload.status }, data: { status: "COMMITTING" } });
  if (changed.count === 0) throw new AppError("CONFLICT");
}

/**
 * Commits an upload's valid rows: the file is checked again as it stands now (a row another upload or
 * the e-form enrolled meanwhile counts as existing), then each batch of new rows is written in one
 * transaction — participants (a NIK registered meanwhile keeps its stored data, as on the e-form),
 * enrolments with the e-form's columns and decision, the decision history and one audit row each.
 * Every row keeps its own idempotency: its deterministic submission key and its loan number are
 * unique, and `skipDuplicates` leaves a row that another writer enrolled first to that writer. A batch
 * that fails leaves nothing of itself; running the commit again resumes where it stopped.
 */
export async function commitUpload(uploadId: string, now: Date, progress?: Progress): Promise<CommitSummary> {
  try {
    const summary = await runChecked(uploadId, now, progress, (rows, actor) => writeBatch(uploadId, rows, actor, now));
    const upload = await db().bulkUpload.update({
        where: { id: uploadId },
        data: {
          status: "COMMITTED",
          rowCount: summary.rowCount,
          validCount: summary.validCount,
          existingCount: summary.existingCount,
          errorCount: summary.errorCount + (summary.problem ? 1 : 0),
          createdCount: summary.createdCount,
          committedAt: new Date(),
        },
        select: { uploadedById: true },
      });
    await db().auditEvent.create({
      data: {
        actorId: upload.uploadedById,
        action: "bulk.commit",
        entityType: "BulkUpload",
        entityId: uploadId,
        after: { rows: summary.rowCount, created: summary.createdCount, existing: summary.existingCount, errors: summary.errorCount },
      },
    });
    return summary;
  } catch (error) {
    await db().bulkUpload.update({ where: { id: uploadId }, data: { status: "FAILED" } });
    throw error;
  }
}

async function writeBatch(uploadId: string, rows: CheckedRow[], actor: Actor, now: Date): Promise<number> {
  const fresh = rows.filter((r): r is Extract<CheckedRow, { kind: "new" }> => r.kind === "new");
  if (fresh.length === 0) return 0;
  return db().$transaction(
    async (tx) => {
      const newParticipants = new Map<string, Record<string, unknown>>();
      for (const r of fresh) {
        if (r.input.participant && !newParticipants.has(r.input.nik)) {
          newParticipants.set(r.input.nik, { id: randomUUID(), nik: r.input.nik, ...participantColumns(r.input.participant), updatedAt: now });
        }
      }
      await insertRows(tx, "Participant", [...newParticipants.values()], { skipDuplicates: true });
      const niks = [...new Set(fresh.map((r) => r.input.nik))];
      const participants = await tx.participant.findMany({ where: { nik: { in: niks } }, select: { id: true, nik: true } });
      const participantId = new Map(participants.map((p) => [p.nik, p.id]));

      const created = await insertRows(
        tx,
        "Enrolment",
        fresh.map((r) => ({
          id: randomUUID(),
          submissionKey: r.input.submissionKey,
          participantId: participantId.get(r.input.nik)!,
          penyalurId: r.ctx.office.penyalurId,
          penyalurOfficeId: r.ctx.office.id,
          officerId: actor.id,
          status: "SUBMITTED",
          submittedAt: now,
          updatedAt: now,
          ...enrolmentColumns(r.input, r.ctx, now),
        })),
        { skipDuplicates: true, returning: ["id", "submissionKey"] },
      );
      const byKey = new Map(fresh.map((r) => [r.input.submissionKey, r]));
      await insertRows(
        tx,
        "MandateDecisionRecord",
        created.map((e) => {
          const r = byKey.get(e.submissionKey)!;
          return { id: randomUUID(), ...mandateDecisionRow(e.id, "SUBMISSION", r.ctx.decision, r.ctx.today, actor.id) };
        }),
      );
      await insertRows(
        tx,
        "AuditEvent",
        created.map((e) => {
          const r = byKey.get(e.submissionKey)!;
          const d = r.ctx.decision;
          return {
            actorId: actor.id,
            // Given here, so the table's fill trigger has no look-up to make per row.
            actorRole: actor.role,
            kanwilId: r.kanwilId,
            action: "enrolment.submit",
            entityType: "Enrolment",
            entityId: e.id,
            after: {
              status: "SUBMITTED",
              scheme: r.input.scheme,
              plafon: r.input.plafon,
              loanNumber: r.input.loanNumber,
              participantReused: r.input.participant === null,
              mandate: { status: d.status, ruleId: d.ruleId, ruleVersion: d.ruleVersion },
              monthsInAdvance: r.input.monthsInAdvance,
              consentTextVersion: r.input.consentTextVersion,
              bulkUpload: { id: uploadId, row: r.row },
            },
          };
        }),
      );
      // As the e-form's and the API's submit do: the bank's systems hear of each enrolment (webhook,
      // change feed) only if this batch commits; a row another writer enrolled first is theirs to tell.
      await recordEvents(
        tx,
        created.map((e) => {
          const r = byKey.get(e.submissionKey)!;
          return {
            type: "enrolment.submitted" as const,
            penyalurId: r.ctx.office.penyalurId,
            enrolmentId: e.id,
            payload: { status: "SUBMITTED", loanNumber: r.input.loanNumber, mandate: r.ctx.decision.status, channel: "BULK" },
          };
        }),
      );
      return created.length;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
