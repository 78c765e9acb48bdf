/**
 * Retention of uploaded files that hold personal data (docs/decisions/0027, lib/ops/retention.ts):
 * documents of forms never submitted, bulk upload files, settlement files — on the real database,
 * with the records made from them left alone and an audit row per purged item.
 */
import { createHash, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPaymentChannelKey } from "@/lib/api/mutations";
import { penyalurOfficeOf } from "@/lib/auth/scope";
import { beginCommit } from "@/lib/bulk/mutations";
import { db } from "@/lib/db";
import { purgeExpiredUploads } from "@/lib/ops/mutations";
import { RETENTION_DAYS } from "@/lib/ops/retention";
import { demoActors, type DemoActors } from "../support/db";
import { submittedEnrolment } from "../support/review";

let actors: DemoActors;
let office: string;
// Far enough ahead that every row the other tests wrote today is also "old" for this run: the
// assertions are therefore about this file's own rows, by id.
const NOW = new Date("2031-06-15T12:00:00Z");
const days = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
const sha = (s: string) => createHash("sha256").update(s).digest("hex");

beforeAll(async () => {
  actors = await demoActors();
  office = penyalurOfficeOf(actors.officerBri)!.penyalurOfficeId;
});

afterAll(async () => {
  await db().$disconnect();
});

async function document(submissionKey: string, createdAt: Date): Promise<string> {
  const d = await db().enrolmentDocument.create({
    data: {
      submissionKey,
      penyalurOfficeId: office,
      uploadedById: actors.officerBri.id,
      kind: "KTP",
      mimeType: "image/jpeg",
      byteSize: 3,
      sha256: sha(randomUUID()),
      content: new Uint8Array([1, 2, 3]),
      createdAt,
    },
    select: { id: true },
  });
  return d.id;
}

async function bulkUpload(status: "VALIDATING" | "VALIDATED" | "COMMITTING" | "COMMITTED" | "FAILED", createdAt: Date): Promise<string> {
  const u = await db().bulkUpload.create({
    data: {
      penyalurOfficeId: office,
      uploadedById: actors.officerBri.id,
      fileName: `retensi-${status}.csv`,
      format: "CSV",
      sha256: sha(randomUUID()),
      content: new TextEncoder().encode("nik;nama\n3273011708850001;Siti\n"),
      status,
      rowCount: 1,
      validCount: 1,
      errorCount: 1,
      validatedAt: status === "VALIDATING" ? null : createdAt,
      createdAt,
      rowErrors: { create: [{ rowNumber: 1, errors: { nik: ["NIK tidak valid"] } }] },
    },
    select: { id: true },
  });
  return u.id;
}

const purgeAudits = (entityId: string) => db().auditEvent.findMany({ where: { entityId, action: { in: ["document.purged", "upload.contentPurged"] } } });

describe(`retention: uploaded personal data is removed once it has done its work (docs/decisions/0027)`, () => {
  it(`deletes a document of a form never submitted nor drafted after ${RETENTION_DAYS.unsubmittedDocument} days, and keeps a younger one, a draft's and an enrolment's`, async () => {
    const orphanOld = await document(randomUUID(), days(RETENTION_DAYS.unsubmittedDocument + 1));
    const orphanYoung = await document(randomUUID(), days(RETENTION_DAYS.unsubmittedDocument - 1));
    const draftKey = randomUUID();
    await db().enrolmentDraft.create({ data: { submissionKey: draftKey, penyalurOfficeId: office, officerId: actors.officerBri.id, data: {}, label: "Draf retensi" } });
    const ofDraft = await document(draftKey, days(60));
    const enrolment = await submittedEnrolment(actors.officerBri);
    const { submissionKey } = await db().enrolment.findUniqueOrThrow({ where: { id: enrolment.id }, select: { submissionKey: true } });
    const ofEnrolment = await document(submissionKey, days(60));

    const first = await purgeExpiredUploads(NOW);
    expect(first.documents).toBeGreaterThanOrEqual(1);
    const left = new Set((await db().enrolmentDocument.findMany({ where: { id: { in: [orphanOld, orphanYoung, ofDraft, ofEnrolment] } }, select: { id: true } })).map((d) => d.id));
    expect(left).toEqual(new Set([orphanYoung, ofDraft, ofEnrolment]));

    const [audit] = await purgeAudits(orphanOld);
    expect(audit).toMatchObject({ actorId: null, action: "document.purged", entityType: "EnrolmentDocument" });
    expect(audit!.after).toEqual({ reason: "unsubmittedForm", retentionDays: RETENTION_DAYS.unsubmittedDocument });
    expect(await purgeAudits(ofDraft)).toHaveLength(0);

    // A draft deleted later leaves its documents to the next run.
    await db().enrolmentDraft.deleteMany({ where: { submissionKey: draftKey } });
    await purgeExpiredUploads(NOW);
    expect(await db().enrolmentDocument.count({ where: { id: ofDraft } })).toBe(0);
  });

  it(`empties a finished bulk upload's file and row errors after ${RETENTION_DAYS.bulkUpload} days, keeps its counts, and it can no longer be committed`, async () => {
    const validatedOld = await bulkUpload("VALIDATED", days(RETENTION_DAYS.bulkUpload + 1));
    const committedOld = await bulkUpload("COMMITTED", days(RETENTION_DAYS.bulkUpload + 5));
    const runningOld = await bulkUpload("COMMITTING", days(RETENTION_DAYS.bulkUpload + 5));
    const validatedYoung = await bulkUpload("VALIDATED", days(RETENTION_DAYS.bulkUpload - 1));

    await purgeExpiredUploads(NOW);
    const rows = await db().bulkUpload.findMany({
      where: { id: { in: [validatedOld, committedOld, runningOld, validatedYoung] } },
      select: { id: true, content: true, contentPurgedAt: true, rowCount: true, _count: { select: { rowErrors: true } } },
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const id of [validatedOld, committedOld]) {
      expect(byId.get(id)).toMatchObject({ contentPurgedAt: NOW, rowCount: 1, _count: { rowErrors: 0 } });
      expect(byId.get(id)!.content.byteLength).toBe(0);
    }
    for (const id of [runningOld, validatedYoung]) {
      expect(byId.get(id)).toMatchObject({ contentPurgedAt: null, _count: { rowErrors: 1 } });
      expect(byId.get(id)!.content.byteLength).toBeGreaterThan(0);
    }
    const [audit] = await purgeAudits(validatedOld);
    expect(audit).toMatchObject({ action: "upload.contentPurged", entityType: "BulkUpload", after: { retentionDays: RETENTION_DAYS.bulkUpload } });
    expect(audit!.before).toMatchObject({ fileName: "retensi-VALIDATED.csv", status: "VALIDATED" });

    await expect(beginCommit(actors.officerBri, validatedOld)).rejects.toMatchObject({ code: "INVALID_STATE" });
    await expect(beginCommit(actors.officerBri, validatedYoung)).resolves.toBeUndefined();
  });

  it(`empties an imported settlement file after ${RETENTION_DAYS.settlementFile} days and keeps its hash and result; a second run purges nothing again`, async () => {
    const channel = await createPaymentChannelKey({ code: `RET-${Date.now().toString(36).toUpperCase()}`, name: "Kanal retensi (test)", kind: "VIRTUAL_ACCOUNT" });
    const importOf = async (finishedAt: Date | null) =>
      (
        await db().settlementImport.create({
          data: { channelKeyId: channel.id, fileName: "settle.csv", fileSha256: sha(randomUUID()), content: "ref;amount\nA1;16800\n", uploadedById: actors.headOffice.id, finishedAt, result: { matched: 1 } },
          select: { id: true, fileSha256: true },
        })
      );
    const old = await importOf(days(RETENTION_DAYS.settlementFile + 1));
    const young = await importOf(days(RETENTION_DAYS.settlementFile - 1));
    const unfinished = await importOf(null);

    await purgeExpiredUploads(NOW);
    const rows = new Map((await db().settlementImport.findMany({ where: { id: { in: [old.id, young.id, unfinished.id] } } })).map((r) => [r.id, r]));
    expect(rows.get(old.id)).toMatchObject({ content: "", contentPurgedAt: NOW, fileSha256: old.fileSha256, result: { matched: 1 } });
    expect(rows.get(young.id)).toMatchObject({ contentPurgedAt: null, content: "ref;amount\nA1;16800\n" });
    expect(rows.get(unfinished.id)).toMatchObject({ contentPurgedAt: null });

    const again = await purgeExpiredUploads(NOW);
    expect(again).toEqual({ documents: 0, bulkUploads: 0, settlementFiles: 0 });
    expect(await purgeAudits(old.id)).toHaveLength(1);
  });
});
