import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { arrearsList, certificateFor, enrolmentHistory, reviewDetail, reviewQueue, reviewSummaryForActor } from "@/lib/review/data";
import {
  approveEnrolment,
  bulkApprove,
  recordPayment,
  rejectEnrolment,
  returnEnrolment,
} from "@/lib/review/mutations";
import { parseQueueQuery } from "@/lib/review/schema";
import { certificateResponse } from "@/lib/review/certificate-response";
import { correctionForActor, enrolmentForActor } from "@/lib/enrolment/data";
import { demoActors, type DemoActors } from "../support/db";
import { auditCount, submittedEnrolment } from "../support/review";

let actors: DemoActors;
const NOW = new Date();

beforeAll(async () => {
  actors = await demoActors();
});

afterAll(async () => {
  await db().$disconnect();
});

describe("a reviewer of another Kantor Cabang can neither read nor act (docs/regulation.md §7: reviewers see their own branch)", () => {
  it("cannot read, approve, return, reject, pay for or download the certificate of a Bandung enrolment", async () => {
    const submitted = await submittedEnrolment(actors.officerBri);
    const approvedOne = await submittedEnrolment(actors.officerBri);
    await approveEnrolment(actors.reviewerBandung, { enrolmentId: approvedOne.id, version: approvedOne.version }, NOW);
    const semarang = actors.reviewerSemarang;

    expect(await reviewDetail(semarang, submitted.id, NOW)).toBeNull();
    expect(await enrolmentHistory(semarang, submitted.id)).toBeNull();
    expect(await reviewSummaryForActor(semarang, submitted.id, NOW)).toBeNull();
    const queue = await reviewQueue(semarang, parseQueueQuery({ status: "ALL" }), NOW);
    expect(queue!.rows.map((r) => r.id)).not.toContain(submitted.id);

    const ref = { enrolmentId: submitted.id, version: submitted.version };
    await expect(approveEnrolment(semarang, ref, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(returnEnrolment(semarang, { ...ref, reason: "Mohon lengkapi data usaha." }, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(rejectEnrolment(semarang, { ...ref, reason: "OTHER", note: "Bukan wilayah kami sama sekali." }, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await bulkApprove(semarang, [ref], NOW, () => "X"))[0]!.outcome).toBe("NOT_FOUND");
    await expect(
      recordPayment(semarang, { enrolmentId: approvedOne.id, amount: 8_400, paidOn: "2026-11-20", channel: "BANK_TELLER", reference: `SCOPE-${Date.now()}` }, NOW),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await certificateFor(semarang, approvedOne.id, NOW)).toBe("not-found");

    // Nothing changed: still submitted, only the submission audited.
    expect(await db().enrolment.findUniqueOrThrow({ where: { id: submitted.id }, select: { status: true, version: true } })).toEqual({
      status: "SUBMITTED",
      version: submitted.version,
    });
    expect(await auditCount(submitted.id)).toBe(1);
    const arrears = await arrearsList(semarang, 1, NOW);
    expect(arrears!.rows.map((r) => r.id)).not.toContain(approvedOne.id);
  });

  it("an officer of another bank cannot download the certificate; the owning office and the reviewing branch can", async () => {
    const e = await submittedEnrolment(actors.officerBri);
    await approveEnrolment(actors.reviewerBandung, { enrolmentId: e.id, version: e.version }, NOW);
    expect(await certificateFor(actors.officerBni, e.id, NOW)).toBe("not-found");
    expect(await certificateFor(actors.managerJabar, e.id, NOW)).toBe("not-found");
    expect(await certificateFor(actors.admin, e.id, NOW)).toBe("not-found");
    expect(await certificateFor(actors.officerBri, e.id, NOW)).toMatchObject({ kpj: expect.stringMatching(/^\d{11}$/) });
    expect(await certificateFor(actors.reviewerBandung, e.id, NOW)).toMatchObject({ kpj: expect.stringMatching(/^\d{11}$/) });
  });

  it("bank officers, managers and head office may not record payments or decide", async () => {
    const e = await submittedEnrolment(actors.officerBri);
    for (const who of [actors.officerBri, actors.managerJabar, actors.headOffice]) {
      await expect(
        recordPayment(who, { enrolmentId: e.id, amount: 8_400, paidOn: "2026-11-20", channel: "BANK_TELLER", reference: `ROLE-${Date.now()}` }, NOW),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(returnEnrolment(who, { enrolmentId: e.id, version: e.version, reason: "Tidak berwenang sama sekali." }, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});

describe("GET /sertifikat/<id> answers by role and scope", () => {
  it("200 PDF for the owning office and the reviewing branch; 404 for another branch or bank; 403 for other roles; 409 before approval; 401 signed out", async () => {
    const e = await submittedEnrolment(actors.officerBri);
    const get = async (who: Parameters<typeof certificateResponse>[0], id = e.id) => certificateResponse(who, id, "http://127.0.0.1", NOW);
    expect((await get(actors.officerBri)).status).toBe(409);
    await approveEnrolment(actors.reviewerBandung, { enrolmentId: e.id, version: e.version }, NOW);
    const ok = await get(actors.officerBri);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await ok.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
    expect((await get(actors.reviewerBandung)).status).toBe(200);
    expect((await get(actors.reviewerSemarang)).status).toBe(404);
    expect((await get(actors.officerBni)).status).toBe(404);
    expect((await get(actors.managerJabar)).status).toBe(403);
    expect((await get(actors.headOffice)).status).toBe(403);
    expect((await get(actors.admin)).status).toBe(403);
    expect((await get(null)).status).toBe(401);
    expect((await get(actors.officerBri, "not-a-uuid")).status).toBe(404);
  });

  it("the plain answers are in the requester's language", async () => {
    const e = await submittedEnrolment(actors.officerBri);
    const body = async (who: Parameters<typeof certificateResponse>[0], locale: "id" | "en") => (await certificateResponse(who, e.id, "http://127.0.0.1", NOW, locale)).text();
    expect(await body(actors.officerBri, "id")).toBe("Sertifikat baru tersedia setelah pendaftaran disetujui BPJS Ketenagakerjaan.");
    expect(await body(actors.officerBri, "en")).toBe("The certificate is available once BPJS Ketenagakerjaan has approved the enrolment.");
    expect(await body(null, "en")).toBe("Please sign in first.");
    expect(await body(actors.managerJabar, "en")).toBe("Your role may not download certificates.");
    expect(await body(actors.reviewerSemarang, "en")).toBe("Enrolment not found, or outside your office's scope.");
  });
});

describe("an id that is not a uuid is 'not found', never a database error (a hand-typed or truncated URL)", () => {
  it.each(["------------------------------------", "not-a-uuid", "de002000-0000-4000-8000-00000000002Z", ""])("%j", async (id) => {
    const { reviewerBandung, officerBri } = actors;
    expect(await reviewDetail(reviewerBandung, id, NOW)).toBeNull();
    expect(await enrolmentHistory(reviewerBandung, id)).toBeNull();
    expect(await reviewSummaryForActor(reviewerBandung, id, NOW)).toBeNull();
    expect(await certificateFor(officerBri, id, NOW)).toBe("not-found");
    expect(await enrolmentForActor(officerBri, id)).toBeNull();
    expect(await correctionForActor(officerBri, id)).toBeNull();
  });
});
