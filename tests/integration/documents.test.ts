/**
 * Documents attached to an e-form (issue #13, docs/decisions/0017): the upload action through the one
 * pipeline on the real database, the server's own check of the bytes (file-type) and rewrite (sharp,
 * pdf-lib), and who may read a stored document by its id (lib/documents/response.ts).
 */
import { randomUUID } from "node:crypto";
import { PDFDocument } from "pdf-lib";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/data";
import { db } from "@/lib/db";
import { removeDocumentAction, uploadDocumentAction } from "@/lib/documents/actions";
import { formDocuments } from "@/lib/documents/data";
import { processUpload } from "@/lib/documents/process";
import { documentResponse } from "@/lib/documents/response";
import { translator } from "@/lib/i18n/translator";
import { returnEnrolment } from "@/lib/review/mutations";
import { formData, runAction, signInAs } from "../support/actions";
import { DEMO_ACCOUNTS, demoActors, type DemoActors } from "../support/db";
import { submittedEnrolment } from "../support/review";

vi.mock("@/lib/auth/session", () => import("../support/actions").then((m) => m.sessionStub()));
vi.mock("next/headers", () => import("../support/actions").then((m) => m.headersStub()));
vi.mock("next-intl/server", () => import("../support/actions").then((m) => m.intlStub()));
vi.mock("next/cache", () => import("../support/actions").then((m) => m.cacheStub()));

const id = translator("id");
let actors: DemoActors;

beforeAll(async () => {
  actors = await demoActors();
});

afterAll(async () => {
  await db().$disconnect();
});

/** A small photo as a phone writes it: JPEG with EXIF (camera, GPS position) and an orientation tag. */
async function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 640, height: 400, channels: 3, background: { r: 30, g: 90, b: 160 } } })
    .jpeg()
    .withExif({ IFD0: { Make: "PhoneCo", Model: "X1" }, IFD3: { GPSLatitudeRef: "S", GPSLatitude: "6/1 54/1 0/1" } })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

function upload(fields: { submissionKey: string; kind: string; label?: string }, bytes: Uint8Array, name: string, type: string): FormData {
  const data = formData(fields);
  data.append("file", new File([new Uint8Array(bytes)], name, { type }));
  return data;
}

async function storedDocuments(submissionKey: string) {
  return db().enrolmentDocument.findMany({ where: { submissionKey }, select: { id: true, kind: true, mimeType: true, content: true } });
}

describe("processUpload: the bytes decide, and what is stored is the server's own rewrite", () => {
  it("a phone JPEG is re-encoded without EXIF or GPS, turned upright by its orientation tag", async () => {
    const photo = await phonePhoto();
    expect(await sharp(photo).metadata()).toMatchObject({ orientation: 6, exif: expect.any(Buffer) });
    const result = await processUpload(photo);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const stored = await sharp(result.document.content).metadata();
    expect(stored.format).toBe("jpeg");
    expect(stored.exif).toBeUndefined();
    expect(stored.xmp).toBeUndefined();
    expect(stored.orientation).toBeUndefined();
    // Orientation 6 = rotate 90°: the stored image is portrait.
    expect([result.document.width, result.document.height]).toEqual([400, 640]);
    expect(result.document.content.includes(Buffer.from("PhoneCo"))).toBe(false);
  });

  it("PNG and WebP become JPEG; a PDF is parsed and saved again without its author", async () => {
    const png = await sharp({ create: { width: 50, height: 30, channels: 4, background: "#ff000080" } }).png().toBuffer();
    const webp = await sharp({ create: { width: 50, height: 30, channels: 3, background: "#00ff00" } }).webp().toBuffer();
    for (const bytes of [png, webp]) {
      const r = await processUpload(bytes);
      expect(r.ok && r.document.mimeType).toBe("image/jpeg");
    }
    const pdf = await PDFDocument.create();
    pdf.addPage();
    pdf.setAuthor("Budi Santoso 3273010101800001");
    const r = await processUpload(await pdf.save());
    expect(r.ok && r.document.mimeType).toBe("application/pdf");
    if (!r.ok) return;
    expect(r.document.content.includes(Buffer.from("Budi"))).toBe(false);
    expect((await PDFDocument.load(r.document.content)).getPageCount()).toBe(1);
  });

  it("refuses by content: text, HTML, an executable, a broken JPEG, an empty file", async () => {
    expect(await processUpload(Buffer.from("NIK 3273010101800001, bukan foto"))).toEqual({ ok: false, reason: "type" });
    expect(await processUpload(Buffer.from("<html><script>alert(1)</script></html>"))).toEqual({ ok: false, reason: "type" });
    expect(await processUpload(Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff", "latin1"))).toEqual({ ok: false, reason: "type" });
    const photo = await phonePhoto();
    expect(await processUpload(photo.subarray(0, 400))).toEqual({ ok: false, reason: "unreadable" });
    expect(await processUpload(new Uint8Array())).toEqual({ ok: false, reason: "empty" });
  });
});

describe("uploadDocumentAction (the e-form's documents)", () => {
  it("a file whose bytes are not an image or PDF is refused whatever its name and claimed type; nothing is stored", async () => {
    await signInAs(DEMO_ACCOUNTS.officerBri);
    const submissionKey = randomUUID();
    for (const [name, type] of [["ktp.jpg", "image/jpeg"], ["npwp.pdf", "application/pdf"], ["scan.png", "image/png"]] as const) {
      const run = await runAction(uploadDocumentAction, {}, upload({ submissionKey, kind: "KTP" }, Buffer.from("#!/bin/sh\nrm -rf /\n"), name, type));
      expect(run.result).toMatchObject({ code: "VALIDATION", errors: { file: [id("documents.refused.type")] } });
    }
    expect(await storedDocuments(submissionKey)).toEqual([]);
  });

  it("the officer attaches a KTP photo before the first submit; the same photo twice is one document; it can be removed again", async () => {
    const officer = await signInAs(DEMO_ACCOUNTS.officerBri);
    const submissionKey = randomUUID();
    const photo = await phonePhoto();
    const run = await runAction(uploadDocumentAction, {}, upload({ submissionKey, kind: "KTP" }, photo, "IMG_0001.JPG", "image/jpeg"));
    expect(run.result).toMatchObject({ ok: true, data: [{ kind: "KTP", mimeType: "image/jpeg", removable: true }] });
    await runAction(uploadDocumentAction, {}, upload({ submissionKey, kind: "KTP" }, photo, "again.jpg", "image/jpeg"));
    const stored = await storedDocuments(submissionKey);
    expect(stored).toHaveLength(1);
    expect(Buffer.from(stored[0]!.content).equals(photo)).toBe(false);
    expect(await db().auditEvent.count({ where: { action: "document.attach", after: { path: ["documentId"], equals: stored[0]!.id } } })).toBe(1);

    const removed = await runAction(removeDocumentAction, {}, formData({ documentId: stored[0]!.id, submissionKey }));
    expect(removed.result).toMatchObject({ ok: true, data: [] });
    expect(await formDocuments(officer, submissionKey)).toEqual([]);
  });

  it("another role may not attach; another kind needs its name", async () => {
    await signInAs(DEMO_ACCOUNTS.reviewerBandung);
    const refused = await runAction(uploadDocumentAction, {}, upload({ submissionKey: randomUUID(), kind: "KTP" }, await phonePhoto(), "a.jpg", "image/jpeg"));
    expect(refused.result).toMatchObject({ code: "FORBIDDEN" });
    await signInAs(DEMO_ACCOUNTS.officerBri);
    const unnamed = await runAction(uploadDocumentAction, {}, upload({ submissionKey: randomUUID(), kind: "OTHER" }, await phonePhoto(), "a.jpg", "image/jpeg"));
    expect(unnamed.result).toMatchObject({ code: "VALIDATION", errors: { label: [id("documents.refused.labelRequired")] } });
  });
});

describe("who reads a document by its id (GET /dokumen/<id>)", () => {
  async function submittedWithKtp(officer: Actor) {
    await signInAs(officer.email);
    const submissionKey = randomUUID();
    await runAction(uploadDocumentAction, {}, upload({ submissionKey, kind: "KTP" }, await phonePhoto(), "ktp.jpg", "image/jpeg"));
    const [doc] = await storedDocuments(submissionKey);
    return { doc: doc!, submissionKey };
  }

  it("before submit: only the officer's own office; once submitted: the reviewing branch too, and never another tenant", async () => {
    const { doc, submissionKey } = await submittedWithKtp(actors.officerBri);
    expect((await documentResponse(actors.officerBri, doc.id)).status).toBe(200);
    expect((await documentResponse(actors.reviewerBandung, doc.id)).status).toBe(404);

    const e = await submittedEnrolment(actors.officerBri, { form: { submissionKey } });
    const own = await documentResponse(actors.reviewerBandung, doc.id);
    expect(own.status).toBe(200);
    expect(own.headers.get("content-type")).toBe("image/jpeg");
    expect(own.headers.get("content-disposition")).toMatch(/^inline;/);
    expect(own.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await own.arrayBuffer()).equals(Buffer.from(doc.content))).toBe(true);
    expect(await db().auditEvent.count({ where: { action: "document.view", actorId: actors.reviewerBandung.id, entityId: e.id } })).toBe(1);

    // Another bank, another branch: 404 (not told apart from an id that does not exist).
    expect((await documentResponse(actors.officerBni, doc.id)).status).toBe(404);
    expect((await documentResponse(actors.reviewerSemarang, doc.id)).status).toBe(404);
    expect((await documentResponse(actors.officerBni, randomUUID())).status).toBe(404);
    expect((await documentResponse(actors.officerBni, "../../etc/passwd")).status).toBe(404);
    // Roles whose view masks the NIK never see a KTP photo, not even in their own Kanwil.
    expect((await documentResponse(actors.managerJabar, doc.id)).status).toBe(403);
    expect((await documentResponse(actors.headOffice, doc.id)).status).toBe(403);
    expect((await documentResponse(null, doc.id)).status).toBe(401);
  });

  it("a submitted form takes no document until it is returned; then the officer attaches the NPWP and may remove only that one", async () => {
    const { doc, submissionKey } = await submittedWithKtp(actors.officerBri);
    const e = await submittedEnrolment(actors.officerBri, { form: { submissionKey } });
    const npwp = await sharp({ create: { width: 300, height: 200, channels: 3, background: "#eeeeee" } }).png().toBuffer();
    const closed = await runAction(uploadDocumentAction, {}, upload({ submissionKey, kind: "NPWP" }, npwp, "npwp.png", "image/png"));
    expect(closed.result).toMatchObject({ code: "INVALID_STATE", message: id("actionErrors.documentsClosed") });

    await returnEnrolment(actors.reviewerBandung, { enrolmentId: e.id, version: e.version, reason: "Lampirkan foto kartu NPWP" }, new Date());
    const added = await runAction(uploadDocumentAction, {}, upload({ submissionKey, kind: "NPWP" }, npwp, "npwp.png", "image/png"));
    expect(added.result).toMatchObject({ ok: true });
    const list = (added.result as { data: { id: string; kind: string; removable: boolean }[] }).data;
    expect(list.map((d) => [d.kind, d.removable])).toEqual([["KTP", false], ["NPWP", true]]);
    const keep = await runAction(removeDocumentAction, {}, formData({ documentId: doc.id, submissionKey }));
    expect(keep.result).toMatchObject({ code: "INVALID_STATE" });
  });

  it("another office cannot attach to a form it does not own (its submission key)", async () => {
    const { submissionKey } = await submittedWithKtp(actors.officerBri);
    await submittedEnrolment(actors.officerBri, { form: { submissionKey } });
    await signInAs(DEMO_ACCOUNTS.officerBni);
    const run = await runAction(uploadDocumentAction, {}, upload({ submissionKey, kind: "KTP" }, await phonePhoto(), "x.jpg", "image/jpeg"));
    expect(run.result).toMatchObject({ code: "NOT_FOUND" });
    expect(await db().enrolmentDocument.count({ where: { submissionKey } })).toBe(1);
  });
});
