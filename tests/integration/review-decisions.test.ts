import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/data";
import { db } from "@/lib/db";
import { isPortalKpj } from "@/lib/rules";
import { enrolmentHistory, reviewQueue } from "@/lib/review/data";
import {
  approveEnrolment,
  bulkApprove,
  rejectEnrolment,
  returnEnrolment,
} from "@/lib/review/mutations";
import { parseQueueQuery } from "@/lib/review/schema";
import { demoActors, type DemoActors } from "../support/db";
import { auditCount, extraReviewer, submittedEnrolment } from "../support/review";

let actors: DemoActors;
let secondReviewer: Actor;
const NOW = new Date();

beforeAll(async () => {
  actors = await demoActors();
  secondReviewer = await extraReviewer();
});

afterAll(async () => {
  await db().$disconnect();
});

describe("the reviewer's decisions (docs/decisions/0009-enrolment-lifecycle.md §1: SUBMITTED → APPROVED | RETURNED | REJECTED)", () => {
  it("approval issues a valid 11-digit KPJ, an unguessable verification code and cover from the first line's month, in one audited transaction", async () => {
    const e = await submittedEnrolment(actors.officerBri, { monthsInAdvance: 2 });
    const result = await approveEnrolment(actors.reviewerBandung, { enrolmentId: e.id, version: e.version }, NOW);
    const row = await db().enrolment.findUniqueOrThrow({
      where: { id: e.id },
      select: { status: true, kpj: true, verificationCode: true, version: true, coverStartMonth: true, reviewedById: true, approvedAt: true },
    });
    expect(row.status).toBe("APPROVED");
    expect(row.kpj).toBe(result.kpj);
    expect(isPortalKpj(row.kpj!)).toBe(true);
    // 27 base64url characters = 20 random bytes = 160 bits.
    expect(row.verificationCode).toMatch(/^[A-Za-z0-9_-]{27}$/);
    expect(row.version).toBe(e.version + 1);
    expect(row.reviewedById).toBe(actors.reviewerBandung.id);
    const firstLine = await db().contributionLine.findFirstOrThrow({ where: { enrolmentId: e.id }, orderBy: { month: "asc" } });
    expect(row.coverStartMonth?.toISOString()).toBe(firstLine.month.toISOString());
    expect(await auditCount(e.id, "enrolment.approve")).toBe(1);
  });

  it("a return needs the reason, which the officer then sees; the audit row carries it", async () => {
    const e = await submittedEnrolment(actors.officerBri);
    await returnEnrolment(actors.reviewerBandung, { enrolmentId: e.id, version: e.version, reason: "Nama ibu kandung belum diisi." }, NOW);
    const row = await db().enrolment.findUniqueOrThrow({ where: { id: e.id }, select: { status: true, returnReason: true, kpj: true } });
    expect(row).toEqual({ status: "RETURNED", returnReason: "Nama ibu kandung belum diisi.", kpj: null });
    const history = await enrolmentHistory(actors.officerBri, e.id);
    expect(history?.map((h) => [h.action, h.reason])).toEqual([
      ["enrolment.submit", null],
      ["enrolment.return", "Nama ibu kandung belum diisi."],
    ]);
    expect(history?.[1]?.actorName).toBe(actors.reviewerBandung.name);
  });

  it("a rejection stores the reason code and the note, and is final", async () => {
    const e = await submittedEnrolment(actors.officerBri);
    await rejectEnrolment(actors.reviewerBandung, { enrolmentId: e.id, version: e.version, reason: "DUPLICATE_PARTICIPANT", note: "Sudah terdaftar lewat BNI." }, NOW);
    const row = await db().enrolment.findUniqueOrThrow({ where: { id: e.id }, select: { status: true, rejectReason: true, rejectNote: true } });
    expect(row).toEqual({ status: "REJECTED", rejectReason: "DUPLICATE_PARTICIPANT", rejectNote: "Sudah terdaftar lewat BNI." });
    // The conflict names the status now stored, for the reviewer's message.
    await expect(approveEnrolment(actors.reviewerBandung, { enrolmentId: e.id, version: e.version + 1 }, NOW)).rejects.toMatchObject({
      code: "CONFLICT",
      options: { message: "reviewConflict", params: { status: "REJECTED" } },
    });
  });

  it("a decision made on a stale version changes nothing", async () => {
    const e = await submittedEnrolment(actors.officerBri);
    await expect(approveEnrolment(actors.reviewerBandung, { enrolmentId: e.id, version: e.version + 5 }, NOW)).rejects.toMatchObject({ code: "CONFLICT" });
    const row = await db().enrolment.findUniqueOrThrow({ where: { id: e.id }, select: { status: true, version: true, kpj: true } });
    expect(row).toEqual({ status: "SUBMITTED", version: e.version, kpj: null });
    expect(await auditCount(e.id)).toBe(1);
  });

  it("only branch reviewers decide: officers, managers and head office are refused", async () => {
    const e = await submittedEnrolment(actors.officerBri);
    for (const who of [actors.officerBri, actors.managerJabar, actors.headOffice, actors.admin]) {
      await expect(approveEnrolment(who, { enrolmentId: e.id, version: e.version }, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});

describe("two reviewers acting on the same enrolment at once (optimistic concurrency on version)", () => {
  it.each([
    ["approve", "approve"],
    ["approve", "return"],
    ["return", "approve"],
    ["return", "reject"],
  ] as const)("%s vs %s: exactly one wins, the other gets the conflict, one decision is audited", async (first, second) => {
    const e = await submittedEnrolment(actors.officerBri);
    const act = (kind: "approve" | "return" | "reject", who: Actor) =>
      kind === "approve"
        ? approveEnrolment(who, { enrolmentId: e.id, version: e.version }, NOW)
        : kind === "return"
          ? returnEnrolment(who, { enrolmentId: e.id, version: e.version, reason: "Foto KTP tidak terbaca, mohon diunggah ulang." }, NOW)
          : rejectEnrolment(who, { enrolmentId: e.id, version: e.version, reason: "OTHER", note: "Debitur membatalkan pinjaman." }, NOW);
    const results = await Promise.allSettled([act(first, actors.reviewerBandung), act(second, secondReviewer)]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toMatchObject({ code: "CONFLICT" });
    const row = await db().enrolment.findUniqueOrThrow({ where: { id: e.id }, select: { version: true, status: true, kpj: true } });
    expect(row.version).toBe(e.version + 1);
    expect(row.kpj === null).toBe(row.status !== "APPROVED");
    // The submission plus exactly one decision.
    expect(await auditCount(e.id)).toBe(2);
  });
});

describe("KPJ issuance under load (docs/regulation.md §6: unique)", () => {
  it("20 approvals in parallel issue 20 distinct KPJs, each with a valid check digit", async () => {
    const enrolments = await Promise.all(Array.from({ length: 20 }, () => submittedEnrolment(actors.officerBri)));
    const results = await Promise.all(enrolments.map((e) => approveEnrolment(actors.reviewerBandung, { enrolmentId: e.id, version: e.version }, NOW)));
    const kpjs = results.map((r) => r.kpj);
    expect(new Set(kpjs).size).toBe(20);
    expect(kpjs.every(isPortalKpj)).toBe(true);
    expect(new Set(results.map((r) => r.verificationCode)).size).toBe(20);
  });
});

describe("bulk approval from the queue", () => {
  it("reports one outcome per row: approved, already changed, not found outside the branch", async () => {
    const fresh = await submittedEnrolment(actors.officerBri);
    const changed = await submittedEnrolment(actors.officerBri);
    await returnEnrolment(secondReviewer, { enrolmentId: changed.id, version: changed.version, reason: "Nomor HP debitur tidak aktif." }, NOW);
    const elsewhere = await submittedEnrolment(actors.officerBri, { kantorCabangCode: "KC-SEMARANG" });
    const results = await bulkApprove(
      actors.reviewerBandung,
      [fresh, changed, elsewhere].map((e) => ({ enrolmentId: e.id, version: e.version })),
      NOW,
      () => "X",
    );
    expect(results.map((r) => r.outcome)).toEqual(["APPROVED", "CHANGED", "NOT_FOUND"]);
    expect(results[1]).toMatchObject({ currentStatus: "RETURNED" });
    expect(await db().enrolment.findUniqueOrThrow({ where: { id: elsewhere.id }, select: { status: true } })).toEqual({ status: "SUBMITTED" });
  });
});

describe("the review queue", () => {
  it("lists the branch's submitted enrolments oldest first, with working-day age, and flags those past 2 working days", async () => {
    // Friday 2026-11-06 → Wednesday 2026-11-11 is 3 working days; Monday 2026-11-09 → 2.
    const old = await submittedEnrolment(actors.officerBri, { submittedAt: new Date("2026-11-06T03:00:00Z") });
    const recent = await submittedEnrolment(actors.officerBri, { submittedAt: new Date("2026-11-09T03:00:00Z") });
    const other = await submittedEnrolment(actors.officerBri, { kantorCabangCode: "KC-SEMARANG", submittedAt: new Date("2026-11-01T03:00:00Z") });
    const penyalur = actors.officerBri.scope.kind === "PENYALUR_OFFICE" ? actors.officerBri.scope.penyalurId : "";
    const all: string[] = [];
    const ages = new Map<string, { age: number | null; overdue: boolean }>();
    for (let page = 1; ; page++) {
      const q = await reviewQueue(actors.reviewerBandung, parseQueueQuery({ penyalur, page: String(page) }), new Date("2026-11-11T05:00:00Z"));
      for (const r of q!.rows) {
        all.push(r.id);
        ages.set(r.id, { age: r.ageWorkingDays, overdue: r.overdue });
        expect(r.status).toBe("SUBMITTED");
      }
      if (page >= q!.pageCount) break;
    }
    expect(all).not.toContain(other.id);
    expect(all.indexOf(old.id)).toBeLessThan(all.indexOf(recent.id));
    expect(ages.get(old.id)).toEqual({ age: 3, overdue: true });
    expect(ages.get(recent.id)).toEqual({ age: 2, overdue: false });
    expect(await reviewQueue(actors.officerBri, parseQueueQuery({}), NOW)).toBeNull();
  });

  it("counts and offers penyalur from the branch's dashboard cells, and they agree with the enrolments", async () => {
    await submittedEnrolment(actors.officerBri, { submittedAt: new Date("2026-11-10T03:00:00Z") });
    const kc = actors.reviewerBandung.scope.kind === "KANTOR_CABANG" ? actors.reviewerBandung.scope.kantorCabangId : "";
    const penyalur = actors.officerBri.scope.kind === "PENYALUR_OFFICE" ? actors.officerBri.scope.penyalurId : "";
    for (const params of [{}, { status: "ALL" }, { status: "APPROVED" }, { penyalur }, { penyalur, scheme: "KECIL" }, { mandate: "VOLUNTARY", status: "ALL" }]) {
      const query = parseQueueQuery(params);
      const where = {
        kantorCabangId: kc,
        ...(query.status === "ALL" ? { status: { not: "DRAFT" as const } } : { status: query.status }),
        ...(query.penyalur ? { penyalurId: query.penyalur } : {}),
        ...(query.scheme ? { scheme: query.scheme } : {}),
        ...(query.mandate ? { mandateStatus: query.mandate } : {}),
      };
      const queue = (await reviewQueue(actors.reviewerBandung, query, NOW))!;
      expect(queue.total).toBe(await db().enrolment.count({ where }));
      const offered = await db().penyalur.findMany({ where: { enrolments: { some: { kantorCabangId: kc } } }, select: { id: true, name: true }, orderBy: { name: "asc" } });
      expect(queue.penyalurOptions).toEqual(offered);
      expect(offered.length).toBeGreaterThan(0);
    }
  });
});
