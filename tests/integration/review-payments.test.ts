import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PDFDocument } from "pdf-lib";
import { db } from "@/lib/db";
import { AppError } from "@/lib/action/errors";
import { enrolmentForActor } from "@/lib/enrolment/data";
import { contributionForMonth, disbursementClearance } from "@/lib/rules";
import { arrearsList, certificateFor, reviewDetail, verificationByCode } from "@/lib/review/data";
import { certificatePdf } from "@/lib/review/certificate";
import {
  approveEnrolment,
  recordPayment,
} from "@/lib/review/mutations";
import { demoActors, type DemoActors } from "../support/db";
import { auditCount, submittedEnrolment } from "../support/review";
import { pdfText } from "../unit/review/pdf-text";

let actors: DemoActors;
let seq = 0;
const ref = () => `IT-${Date.now().toString(36)}-${++seq}`.toUpperCase();
const price = (month: string) => contributionForMonth({ declaredIncome: 1_000_000, jht: false, sector: "OTHER", month }).total;
/** 10:00 WIB on a calendar day. */
const at = (day: string) => new Date(`${day}T03:00:00Z`);

beforeAll(async () => {
  actors = await demoActors();
});

afterAll(async () => {
  await db().$disconnect();
});

async function approved(submittedOn: string, approvedOn = submittedOn) {
  const e = await submittedEnrolment(actors.officerBri, { submittedAt: at(submittedOn) });
  const result = await approveEnrolment(actors.reviewerBandung, { enrolmentId: e.id, version: e.version }, at(approvedOn));
  return { ...e, ...result };
}

async function coverageOn(id: string, day: string) {
  const d = await reviewDetail(actors.reviewerBandung, id, at(day));
  return { status: d!.coverage!.status, protectedUntil: d!.coverage!.protectedUntil, unpaid: d!.coverage!.unpaidMonths };
}

describe("cover follows the money (docs/regulation.md §3: ACTIVE, ARREARS with 1–3 unpaid months, ENDED after more than 3)", () => {
  it("payments and missed months move the status ACTIVE → ARREARS → ACTIVE → ARREARS → ENDED, with protected-until at each step", async () => {
    const e = await approved("2026-01-12");
    // Nothing paid, January's due date (15 Jan) not passed: not started, not protected.
    expect(await coverageOn(e.id, "2026-01-13")).toEqual({ status: "NOT_STARTED", protectedUntil: null, unpaid: [] });

    await recordPayment(actors.reviewerBandung, { enrolmentId: e.id, amount: price("2026-01"), paidOn: "2026-01-13", channel: "VIRTUAL_ACCOUNT", reference: ref() }, at("2026-01-13"));
    expect(await coverageOn(e.id, "2026-01-20")).toEqual({ status: "ACTIVE", protectedUntil: "2026-01-31", unpaid: [] });

    // February is due on the next working day after Sunday 15 Feb, Monday 16 (cuti bersama) and Tuesday 17 (Imlek): 18 Feb.
    expect(await coverageOn(e.id, "2026-02-18")).toMatchObject({ status: "ACTIVE", unpaid: [] });
    expect(await coverageOn(e.id, "2026-02-19")).toEqual({ status: "ARREARS", protectedUntil: "2026-01-31", unpaid: ["2026-02"] });

    // February and March at once: the arrear first, then a month ahead.
    await recordPayment(actors.reviewerBandung, { enrolmentId: e.id, amount: price("2026-02") + price("2026-03"), paidOn: "2026-02-20", channel: "BANK_TELLER", reference: ref() }, at("2026-02-20"));
    expect(await coverageOn(e.id, "2026-03-10")).toEqual({ status: "ACTIVE", protectedUntil: "2026-03-31", unpaid: [] });

    expect(await coverageOn(e.id, "2026-06-20")).toEqual({ status: "ARREARS", protectedUntil: "2026-03-31", unpaid: ["2026-04", "2026-05", "2026-06"] });
    const arrears = await arrearsList(actors.reviewerBandung, 1, at("2026-06-20"));
    // Rows are ordered by months unpaid; look through every page for ours.
    let row = arrears!.rows.find((r) => r.id === e.id);
    for (let p = 2; !row && p <= arrears!.pageCount; p++) row = (await arrearsList(actors.reviewerBandung, p, at("2026-06-20")))!.rows.find((r) => r.id === e.id);
    expect(row?.coverage).toMatchObject({ status: "ARREARS", unpaidMonths: ["2026-04", "2026-05", "2026-06"], owed: price("2026-04") * 3 });

    // The fourth consecutive unpaid month ends cover (July is due on Wednesday 15 July).
    expect(await coverageOn(e.id, "2026-07-16")).toEqual({ status: "ENDED", protectedUntil: "2026-03-31", unpaid: ["2026-04", "2026-05", "2026-06", "2026-07"] });
    await expect(
      recordPayment(actors.reviewerBandung, { enrolmentId: e.id, amount: price("2026-04"), paidOn: "2026-07-16", channel: "BANK_TELLER", reference: ref() }, at("2026-07-16")),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect(await auditCount(e.id, "payment.record")).toBe(2);
  });

  it("an amount that is not a whole number of months is refused with the accepted amounts, and nothing is written", async () => {
    const e = await approved("2026-11-16");
    const reference = ref();
    const error = await recordPayment(actors.reviewerBandung, { enrolmentId: e.id, amount: 10_000, paidOn: "2026-11-16", channel: "BANK_TELLER", reference }, at("2026-11-16")).catch((x) => x);
    expect(error).toMatchObject({ code: "VALIDATION" });
    expect((error as AppError).options.fieldErrors!.amount?.[0]).toContain("Rp8.400 (1 bulan, s.d. 11/2026)");
    expect(await db().payment.count({ where: { reference } })).toBe(0);
    expect(await db().contributionLine.count({ where: { enrolmentId: e.id, status: "PAID" } })).toBe(0);
  });

  it("paying months ahead creates their lines, priced month by month (relief ends after 2026-12)", async () => {
    const e = await approved("2026-11-16");
    const amount = price("2026-11") + price("2026-12") + price("2027-01");
    const result = await recordPayment(actors.reviewerBandung, { enrolmentId: e.id, amount, paidOn: "2026-11-16", channel: "AUTODEBIT", reference: ref() }, at("2026-11-16"));
    expect(result.months).toEqual(["2026-11", "2026-12", "2027-01"]);
    const lines = await db().contributionLine.findMany({ where: { enrolmentId: e.id }, orderBy: { month: "asc" }, select: { total: true, status: true, paymentId: true } });
    expect(lines.map((l) => [l.total, l.status])).toEqual([[8_400, "PAID"], [8_400, "PAID"], [16_800, "PAID"]]);
    expect(new Set(lines.map((l) => l.paymentId))).toEqual(new Set([result.paymentId]));
    expect(await coverageOn(e.id, "2026-11-20")).toMatchObject({ status: "ACTIVE", protectedUntil: "2027-01-31" });
  });

  it("a payment is refused before approval, in the future, or dated before the submission", async () => {
    const e = await submittedEnrolment(actors.officerBri, { submittedAt: at("2026-11-16") });
    await expect(recordPayment(actors.reviewerBandung, { enrolmentId: e.id, amount: 8_400, paidOn: "2026-11-16", channel: "BANK_TELLER", reference: ref() }, at("2026-11-16"))).rejects.toMatchObject({ code: "INVALID_STATE" });
    const a = await approved("2026-11-16");
    const future = await recordPayment(actors.reviewerBandung, { enrolmentId: a.id, amount: 8_400, paidOn: "2026-11-17", channel: "BANK_TELLER", reference: ref() }, at("2026-11-16")).catch((x) => x);
    expect((future as AppError).options.fieldErrors!.paidOn).toBeDefined();
    const early = await recordPayment(actors.reviewerBandung, { enrolmentId: a.id, amount: 8_400, paidOn: "2026-11-01", channel: "BANK_TELLER", reference: ref() }, at("2026-11-16")).catch((x) => x);
    expect((early as AppError).options.fieldErrors!.paidOn).toBeDefined();
  });
});

describe("payment references are unique for ever", () => {
  it("a reference used once is refused the second time, on any enrolment", async () => {
    const a = await approved("2026-11-16");
    const b = await approved("2026-11-16");
    const reference = ref();
    await recordPayment(actors.reviewerBandung, { enrolmentId: a.id, amount: 8_400, paidOn: "2026-11-16", channel: "BANK_TELLER", reference }, at("2026-11-16"));
    const again = await recordPayment(actors.reviewerBandung, { enrolmentId: b.id, amount: 8_400, paidOn: "2026-11-16", channel: "BANK_TELLER", reference }, at("2026-11-16")).catch((x) => x);
    expect(again).toMatchObject({ code: "VALIDATION" });
    expect((again as AppError).options.fieldErrors!.reference?.[0]).toMatch(/sudah tercatat/);
    expect(await db().contributionLine.count({ where: { enrolmentId: b.id, status: "PAID" } })).toBe(0);
  });

  it("the same reference sent twice at once is recorded exactly once", async () => {
    const a = await approved("2026-11-16");
    const b = await approved("2026-11-16");
    const reference = ref();
    const results = await Promise.allSettled(
      [a, b].map((e) => recordPayment(actors.reviewerBandung, { enrolmentId: e.id, amount: 8_400, paidOn: "2026-11-16", channel: "VIRTUAL_ACCOUNT", reference }, at("2026-11-16"))),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(failed?.reason).toMatchObject({ code: "VALIDATION" });
    expect(await db().payment.count({ where: { reference } })).toBe(1);
    expect(await db().contributionLine.count({ where: { enrolmentId: { in: [a.id, b.id] }, status: "PAID" } })).toBe(1);
  });

  it("two payments for the same debtor at once settle different months, oldest first", async () => {
    const a = await approved("2026-11-16");
    const results = await Promise.all(
      [ref(), ref()].map((reference) => recordPayment(actors.reviewerBandung, { enrolmentId: a.id, amount: 8_400, paidOn: "2026-11-16", channel: "BANK_TELLER", reference }, at("2026-11-16"))),
    );
    expect(results.flatMap((r) => r.months).sort()).toEqual(["2026-11", "2026-12"]);
  });
});

describe("disbursement clearance (Permenko 1/2023 cover letter point 5) on the officer's page data", () => {
  it("a mandatory enrolment may be disbursed once approved and its first month is paid", async () => {
    const e = await submittedEnrolment(actors.officerBri);
    const clearance = async () => {
      const d = await enrolmentForActor(actors.officerBri, e.id);
      return disbursementClearance({
        mandateStatus: d!.mandate.status,
        enrolmentStatus: d!.status,
        firstMonthPaid: d!.contributionLines[0]?.status === "PAID",
        gate: d!.office.disbursementGate,
      }).state;
    };
    expect(await clearance()).toBe("BLOCKED");
    const now = new Date();
    await approveEnrolment(actors.reviewerBandung, { enrolmentId: e.id, version: e.version }, now);
    expect(await clearance()).toBe("BLOCKED");
    const first = await db().contributionLine.findFirstOrThrow({ where: { enrolmentId: e.id }, orderBy: { month: "asc" }, select: { total: true } });
    const today = (await reviewDetail(actors.reviewerBandung, e.id, now))!.today;
    await recordPayment(actors.reviewerBandung, { enrolmentId: e.id, amount: first.total, paidOn: today, channel: "BANK_TELLER", reference: ref() }, now);
    expect(await clearance()).toBe("CLEARED");
  });
});

describe("the certificate and its public verification", () => {
  it("the PDF carries the KPJ, and the verification view shows only masked name, status and protected-until — never the NIK", async () => {
    const e = await approved("2026-11-16");
    await recordPayment(actors.reviewerBandung, { enrolmentId: e.id, amount: 8_400, paidOn: "2026-11-16", channel: "BANK_TELLER", reference: ref() }, at("2026-11-16"));
    const data = await certificateFor(actors.officerBri, e.id, at("2026-11-20"));
    if (typeof data === "string") throw new Error(data);
    expect(data.nikMasked).not.toBe(e.nik);
    const pdf = await certificatePdf(data, "https://lindungikur.example");
    expect(Buffer.from(pdf.slice(0, 5)).toString()).toBe("%PDF-");
    const doc = await PDFDocument.load(pdf);
    expect(doc.getTitle()).toContain(e.kpj);
    // The page's own text, as a reader would copy it.
    const text = await pdfText(pdf);
    expect(text).toContain(e.kpj);
    expect(text).toContain(`/verifikasi/${e.verificationCode}`.slice(0, 20));
    expect(text).toContain("SERTIFIKAT KEPESERTAAN");
    expect(text).not.toContain(e.nik);

    const view = await verificationByCode(e.verificationCode, at("2026-11-20"));
    expect(view).toEqual({ maskedName: "R***** H******", status: "ACTIVE", protectedUntil: "2026-11-30", programs: ["JKK", "JKM"], checkedOn: "2026-11-20" });
    const json = JSON.stringify(view);
    expect(json).not.toContain(e.nik);
    expect(json).not.toContain(e.nik.slice(12));
    expect(json).not.toContain(e.kpj);
  });

  it("a name outside Latin-1 prints as written (embedded Noto Sans, not '?'), and the English certificate is in English", async () => {
    const e = await approved("2026-11-16");
    const written = "Nguyễn Thị Đào Ṣalihah";
    await db().participant.update({ where: { nik: e.nik }, data: { fullName: written } });
    const data = await certificateFor(actors.officerBri, e.id, at("2026-11-20"));
    if (typeof data === "string") throw new Error(data);
    const id = await pdfText(await certificatePdf(data, "https://lindungikur.example", "id"));
    expect(id).toContain(written);
    expect(id).not.toContain("?");
    expect(id).toContain("Nama peserta");

    const enPdf = await certificatePdf(data, "https://lindungikur.example", "en");
    const en = await pdfText(enPdf);
    expect(en).toContain(written);
    for (const heading of ["CERTIFICATE OF PARTICIPATION", "KPJ number", "Participant", "Protected until", "Cover status", "Issuing branch"]) {
      expect(en).toContain(heading);
    }
    for (const indonesian of ["SERTIFIKAT", "Nama peserta", "Dilindungi sampai", "Status kepesertaan", "Disetujui", "Dicetak"]) {
      expect(en).not.toContain(indonesian);
    }
    expect((await PDFDocument.load(enPdf)).getTitle()).toBe(`BPJS Ketenagakerjaan Certificate of Participation KPJ ${e.kpj}`);
    // The font is embedded as a subset: the certificate stays small.
    expect(enPdf.length).toBeLessThan(120_000);
  });

  it("an unknown, malformed or not-approved code verifies nothing", async () => {
    expect(await verificationByCode("A".repeat(27), new Date())).toBeNull();
    expect(await verificationByCode("../../etc", new Date())).toBeNull();
    expect(await verificationByCode("", new Date())).toBeNull();
  });

  it("a certificate exists only for approved enrolments", async () => {
    const e = await submittedEnrolment(actors.officerBri);
    expect(await certificateFor(actors.officerBri, e.id, new Date())).toBe("not-approved");
  });
});
