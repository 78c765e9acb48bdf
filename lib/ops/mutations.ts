import "server-only";
import { db, Prisma } from "@/lib/db";
import { RETENTION_DAYS } from "@/lib/ops/retention";

/** Rows each statement touches at most, so that one night's backlog never holds a long lock. */
const BATCH = 500;

export interface PurgeSummary {
  documents: number;
  bulkUploads: number;
  settlementFiles: number;
}

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);

/**
 * Deletes documents of forms that never became an enrolment or a draft, and empties the files of
 * finished bulk uploads and settlement imports, each older than its retention (RETENTION_DAYS), with
 * an audit row per item (actor: the system). Batches of BATCH rows, each its own transaction: a
 * failure keeps what earlier batches did and the next run goes on. Idempotent: a purged item is not
 * touched again.
 */
export async function purgeExpiredUploads(now: Date): Promise<PurgeSummary> {
  const summary: PurgeSummary = { documents: 0, bulkUploads: 0, settlementFiles: 0 };
  const documentsBefore = daysBefore(now, RETENTION_DAYS.unsubmittedDocument);
  const bulkBefore = daysBefore(now, RETENTION_DAYS.bulkUpload);
  const settlementBefore = daysBefore(now, RETENTION_DAYS.settlementFile);

  for (;;) {
    const n = await db().$transaction(async (tx) => {
      const gone = await tx.$queryRaw<{ id: string; submissionKey: string; kind: string; byteSize: number; sha256: string; createdAt: Date }[]>`
        delete from "EnrolmentDocument" d
         where d.id in (
           select x.id from "EnrolmentDocument" x
            where x."createdAt" < ${documentsBefore}
              and not exists (select 1 from "Enrolment" e where e."submissionKey" = x."submissionKey")
              and not exists (select 1 from "EnrolmentDraft" r where r."submissionKey" = x."submissionKey")
            limit ${BATCH}
            for update skip locked)
        returning d.id, d."submissionKey", d.kind::text as kind, d."byteSize", d.sha256, d."createdAt"`;
      if (gone.length) {
        await tx.auditEvent.createMany({
          data: gone.map((d) => ({
            actorId: null,
            action: "document.purged",
            entityType: "EnrolmentDocument",
            entityId: d.id,
            before: { submissionKey: d.submissionKey, kind: d.kind, byteSize: d.byteSize, sha256: d.sha256, createdAt: d.createdAt.toISOString() },
            after: { reason: "unsubmittedForm", retentionDays: RETENTION_DAYS.unsubmittedDocument },
          })),
        });
      }
      return gone.length;
    });
    summary.documents += n;
    if (n < BATCH) break;
  }

  for (;;) {
    const n = await db().$transaction(async (tx) => {
      const purged = await tx.$queryRaw<{ id: string; fileName: string; status: string; byteSize: number }[]>`
        with picked as (
          select u.id, octet_length(u.content) as "byteSize" from "BulkUpload" u
           where u."contentPurgedAt" is null
             and u."createdAt" < ${bulkBefore}
             and u.status in ('VALIDATED', 'COMMITTED', 'FAILED')
           limit ${BATCH}
           for update skip locked)
        update "BulkUpload" u set content = ''::bytea, "contentPurgedAt" = ${now}
          from picked
         where u.id = picked.id
        returning u.id, u."fileName", u.status::text as status, picked."byteSize"`;
      if (purged.length) {
        const ids = purged.map((p) => p.id);
        await tx.bulkUploadRowError.deleteMany({ where: { uploadId: { in: ids } } });
        await tx.auditEvent.createMany({ data: purged.map((p) => purgeAudit("BulkUpload", p.id, { fileName: p.fileName, status: p.status, byteSize: p.byteSize }, RETENTION_DAYS.bulkUpload)) });
      }
      return purged.length;
    });
    summary.bulkUploads += n;
    if (n < BATCH) break;
  }

  for (;;) {
    const n = await db().$transaction(async (tx) => {
      const purged = await tx.$queryRaw<{ id: string; fileName: string; byteSize: number }[]>`
        with picked as (
          select s.id, octet_length(s.content) as "byteSize" from "SettlementImport" s
           where s."contentPurgedAt" is null
             and s."finishedAt" is not null
             and s."finishedAt" < ${settlementBefore}
           limit ${BATCH}
           for update skip locked)
        update "SettlementImport" s set content = '', "contentPurgedAt" = ${now}
          from picked
         where s.id = picked.id
        returning s.id, s."fileName", picked."byteSize"`;
      if (purged.length) {
        await tx.auditEvent.createMany({ data: purged.map((p) => purgeAudit("SettlementImport", p.id, { fileName: p.fileName, byteSize: p.byteSize }, RETENTION_DAYS.settlementFile)) });
      }
      return purged.length;
    });
    summary.settlementFiles += n;
    if (n < BATCH) break;
  }
  return summary;
}

function purgeAudit(entityType: string, entityId: string, before: Prisma.InputJsonObject, retentionDays: number) {
  return { actorId: null, action: "upload.contentPurged", entityType, entityId, before, after: { retentionDays } };
}
