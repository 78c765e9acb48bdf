/**
 * The reviewer's page data (issue #13): every checklist field in order, as the reviewer may see it;
 * the documents attached to the form; and after a return and a resubmission, the return reason beside
 * what changed field by field and the documents attached since (lib/review/data/detail.ts).
 */
import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { attachDocument } from "@/lib/documents/mutations";
import { processUpload } from "@/lib/documents/process";
import { CHECKLIST_FIELDS } from "@/lib/review/checklist";
import { reviewDetail } from "@/lib/review/data";
import { recordReviewRead, returnEnrolment } from "@/lib/review/mutations";
import { demoActors, type DemoActors } from "../support/db";
import { resubmitCorrected, submittedEnrolment } from "../support/review";

let actors: DemoActors;
beforeAll(async () => {
  actors = await demoActors();
});
afterAll(async () => {
  await db().$disconnect();
});

async function attach(submissionKey: string, kind: "KTP" | "NPWP", shade: string) {
  const bytes = await sharp({ create: { width: 320, height: 200, channels: 3, background: shade } }).jpeg().toBuffer();
  const processed = await processUpload(bytes);
  if (!processed.ok) throw new Error("fixture photo refused");
  return attachDocument(actors.officerBri, { submissionKey, kind, label: null }, processed.document);
}

describe("reviewDetail: the checklist and the resubmission diff", () => {
  it("shows every checklist field in checklist order, the NPWP and NIK masked for the reviewer, the KTP attached, no diff on a first submission", async () => {
    const submissionKey = randomUUID();
    const ktp = await attach(submissionKey, "KTP", "#336699");
    const e = await submittedEnrolment(actors.officerBri, { form: { submissionKey, npwp: "0123456789012345", heirName: "Siti Aminah" } });
    const detail = (await reviewDetail(actors.reviewerBandung, e.id, new Date()))!;
    expect(detail.checklist.map((s) => s.section)).toEqual(["identity", "address", "business", "loan", "heir", "consent", "attestations"]);
    expect(detail.checklist.flatMap((s) => s.fields.map((f) => f.key))).toEqual(CHECKLIST_FIELDS);
    const value = (key: string) => detail.checklist.flatMap((s) => s.fields).find((f) => f.key === key)?.value;
    expect(value("nik")).toBe(`${e.nik.slice(0, 4)}********${e.nik.slice(12)}`);
    expect(value("npwp")).toBe("0123********2345");
    expect(value("heirName")).toBe("Siti Aminah");
    expect(value("motherMaidenName")).toBe("Siti Rohmah");
    expect(value("consentTextVersion")).toMatch(/^pdp-bpjstk-v\d+@/);
    expect(value("attestNikChecked")).toBe(true);
    expect(detail.documents.map((d) => [d.id, d.kind])).toEqual([[ktp.id, "KTP"]]);
    expect(detail.resubmission).toBeNull();

    // Another branch's reviewer gets nothing, documents included.
    expect(await reviewDetail(actors.reviewerSemarang, e.id, new Date())).toBeNull();
  });

  it("after return → correction → resubmit: the reason beside the changed fields (masked as the reviewer sees them) and the NPWP card attached since", async () => {
    const submissionKey = randomUUID();
    await attach(submissionKey, "KTP", "#336699");
    const e = await submittedEnrolment(actors.officerBri, { form: { submissionKey, npwp: "0123456789012345" } });
    const returnedAt = new Date();
    await returnEnrolment(actors.reviewerBandung, { enrolmentId: e.id, version: e.version, reason: "Lampirkan foto kartu NPWP dan periksa NPWP." }, returnedAt);
    const snapshot = await db().enrolmentReturn.findFirstOrThrow({ where: { enrolmentId: e.id } });
    expect(snapshot).toMatchObject({ reason: "Lampirkan foto kartu NPWP dan periksa NPWP.", reviewerId: actors.reviewerBandung.id });
    expect((snapshot.fields as Record<string, unknown>).npwp).toBe("0123456789012345");

    // While returned the page shows no diff yet (nothing was resubmitted).
    expect((await reviewDetail(actors.reviewerBandung, e.id, new Date()))!.resubmission).toBeNull();

    const npwp = await attach(submissionKey, "NPWP", "#eeeeee");
    await resubmitCorrected(actors.officerBri, e.id, { npwp: "0123456789019999", heirName: "Dewi Lestari" });

    const detail = (await reviewDetail(actors.reviewerBandung, e.id, new Date()))!;
    expect(detail.resubmission).toMatchObject({ reason: "Lampirkan foto kartu NPWP dan periksa NPWP.", reviewerName: expect.any(String), documentsAdded: [npwp.id] });
    // Checklist order (business before heir); the fresh consent time is not a change the officer made.
    expect(detail.resubmission!.changes).toEqual([
      { key: "npwp", kind: "identifier", before: "0123********2345", after: "0123********9999" },
      { key: "heirName", kind: "text", before: "Sri Wahyuni", after: "Dewi Lestari" },
    ]);
    expect(detail.documents.map((d) => d.kind)).toEqual(["KTP", "NPWP"]);
  });

  it("an opening of the page is recorded as a read", async () => {
    const e = await submittedEnrolment(actors.officerBri);
    await recordReviewRead(actors.reviewerBandung, e.id);
    expect(await db().auditEvent.count({ where: { action: "enrolment.reviewRead", entityId: e.id, actorId: actors.reviewerBandung.id } })).toBe(1);
  });
});
