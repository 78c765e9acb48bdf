/**
 * The full e-form's flows on the real database (issue #4): loan-number idempotency under races,
 * participant reuse, drafts and their office scope, correction of returned enrolments with
 * optimistic concurrency, and rollback of every multi-row write.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/data";
import { db } from "@/lib/db";
import { AppError } from "@/lib/action/errors";
import { correctionForActor, draftForActor, draftsForActor, enrolmentForActor, listEnrolments, lookupNik, participantNameMatches } from "@/lib/enrolment/data";
import { parseListQuery } from "@/lib/enrolment/list-schema";
import {
  deleteDraft,
  recordNikLookup,
  resubmitEnrolment,
  saveDraft,
  submitEnrolment,
} from "@/lib/enrolment/mutations";
import { LOOKUP_ALERTS } from "@/lib/enrolment/mutations/nik-lookup";
import { validateEnrolment, type EnrolmentInput } from "@/lib/enrolment/schema";
import { approveEnrolment, returnEnrolment } from "@/lib/review/mutations";
import { addMonths, monthOf, todayInZone } from "@/lib/rules";
import { demoActors, uniqueNik } from "../support/db";
import { eformFields, uniqueLoanNumber } from "../support/eform";

/** The AppError a mutation throws (lib/action/errors.ts): its code and, for a precise message, its key under actionErrors. */
const appError = (code: AppError["code"], message?: string) =>
  expect.objectContaining({ name: "AppError", code, ...(message ? { options: expect.objectContaining({ message }) } : {}) });

const NOW = new Date();
const TODAY = todayInZone(NOW, "Asia/Jakarta");
let officerBri: Actor;
let officerBni: Actor;
let reviewerBandung: Actor;
/** A second office of BRI (its Cicadas unit), acting through the BRI officer's account. */
let officerBriUnit: Actor;
let kcBandungId: string;

beforeAll(async () => {
  ({ officerBri, officerBni, reviewerBandung } = await demoActors());
  kcBandungId = (await db().kantorCabang.findUniqueOrThrow({ where: { code: "KC-BANDUNG-SUCI" } })).id;
  const unit = await db().penyalurOffice.findFirstOrThrow({ where: { code: "BRI-BDG-CCD" }, select: { id: true, penyalurId: true } });
  officerBriUnit = { ...officerBri, scope: { kind: "PENYALUR_OFFICE", penyalurId: unit.penyalurId, penyalurOfficeId: unit.id } };
});

afterAll(async () => {
  await db().$disconnect();
});

function form(overrides: Record<string, string> = {}): Record<string, string> {
  return eformFields(TODAY, { nik: uniqueNik(overrides.birthDate ?? "1983-03-03", false), kantorCabangId: kcBandungId, birthDate: "1983-03-03", ...overrides });
}

function valid(raw: Record<string, string>, existingParticipant = false): EnrolmentInput {
  const result = validateEnrolment(raw, TODAY, { existingParticipant });
  if (!result.ok) throw new Error(`fixture invalid: ${JSON.stringify(result.errors)}`);
  return result.data;
}

/** The Bandung reviewer approves it at `now` (cover starts then, docs/decisions/0011 §1). */
async function approve(enrolmentId: string, now: Date) {
  const { version } = await db().enrolment.findUniqueOrThrow({ where: { id: enrolmentId }, select: { version: true } });
  await approveEnrolment(reviewerBandung, { enrolmentId, version }, now);
}

async function counts(nik: string) {
  const participant = await db().participant.findUnique({ where: { nik }, select: { id: true } });
  const ids = participant
    ? (await db().enrolment.findMany({ where: { participantId: participant.id }, select: { id: true } })).map((e) => e.id)
    : [];
  const [lines, audits] = await Promise.all([
    db().contributionLine.count({ where: { enrolmentId: { in: ids } } }),
    db().auditEvent.count({ where: { entityType: "Enrolment", entityId: { in: ids } } }),
  ]);
  return { participant: participant ? 1 : 0, enrolments: ids.length, lines, audits };
}

describe("loan application number: one enrolment per loan at a penyalur (unique penyalurId + loanNumber)", () => {
  it("concurrent submissions of the same loan with different submission keys create exactly one enrolment", async () => {
    const raw = form({ birthDate: "1977-07-07", nik: uniqueNik("1977-07-07") });
    const inputs = Array.from({ length: 6 }, () => valid({ ...raw, submissionKey: randomUUID() }));
    const results = await Promise.all(inputs.map((input) => submitEnrolment(officerBri, input, NOW)));
    expect(new Set(results.map((r) => r.enrolmentId)).size).toBe(1);
    expect(results.filter((r) => r.duplicate === false)).toHaveLength(1);
    expect(results.filter((r) => r.duplicate === "loanNumber")).toHaveLength(5);
    expect(await counts(raw.nik!)).toEqual({ participant: 1, enrolments: 1, lines: 0, audits: 1 });
  });

  it("the same races for a registered participant (no participant insert to serialise them) still give one enrolment", async () => {
    const raw = form({ birthDate: "1976-06-06", nik: uniqueNik("1976-06-06") });
    await submitEnrolment(officerBri, valid(raw), NOW);
    const loanNumber = uniqueLoanNumber("RACE");
    const inputs = Array.from({ length: 6 }, () => valid({ ...raw, submissionKey: randomUUID(), loanNumber }, true));
    const results = await Promise.all(inputs.map((input) => submitEnrolment(officerBri, input, NOW)));
    expect(new Set(results.map((r) => r.enrolmentId)).size).toBe(1);
    expect(await counts(raw.nik!)).toEqual({ participant: 1, enrolments: 2, lines: 0, audits: 2 });
  });

  it("a resubmitted loan number returns the existing enrolment and deletes the form's draft", async () => {
    const raw = form({ birthDate: "1975-05-05", nik: uniqueNik("1975-05-05") });
    const first = await submitEnrolment(officerBri, valid(raw), NOW);
    const again = { ...raw, submissionKey: randomUUID() };
    await saveDraft(officerBri, again.submissionKey!, again);
    const second = await submitEnrolment(officerBri, valid(again, true), NOW);
    expect(second).toEqual({ enrolmentId: first.enrolmentId, duplicate: "loanNumber" });
    expect(await db().enrolmentDraft.count({ where: { submissionKey: again.submissionKey } })).toBe(0);
  });

  it("the same loan number for another debtor is an error on loanNumber, and nothing is written", async () => {
    const raw = form({ birthDate: "1974-04-04", nik: uniqueNik("1974-04-04") });
    await submitEnrolment(officerBri, valid(raw), NOW);
    const otherDebtor = form({ birthDate: "1973-03-13", nik: uniqueNik("1973-03-13"), loanNumber: raw.loanNumber! });
    const error = await submitEnrolment(officerBri, valid(otherDebtor), NOW).catch((e: unknown) => e);
    expect(error).toEqual(appError("VALIDATION"));
    expect((error as AppError).options.fieldErrors?.loanNumber?.[0]).toMatch(/debitur lain/);
    expect(await counts(otherDebtor.nik!)).toEqual({ participant: 0, enrolments: 0, lines: 0, audits: 0 });
  });

  it("the same loan number at another office of the same penyalur names that office and shows nothing of it", async () => {
    const raw = form({ birthDate: "1972-02-12", nik: uniqueNik("1972-02-12") });
    await submitEnrolment(officerBri, valid(raw), NOW);
    const error = await submitEnrolment(officerBriUnit, valid({ ...raw, submissionKey: randomUUID() }, true), NOW).catch((e: unknown) => e);
    expect(error).toEqual(appError("VALIDATION"));
    expect((error as AppError).options.fieldErrors?.loanNumber).toEqual(["Nomor pinjaman ini sudah didaftarkan oleh kantor lain (Kantor Cabang Bandung Asia Afrika)."]);
  });

  it("the same loan number at another penyalur is another loan: both are enrolled", async () => {
    const raw = form({ birthDate: "1971-01-11", nik: uniqueNik("1971-01-11") });
    const bri = await submitEnrolment(officerBri, valid(raw), NOW);
    const bni = await submitEnrolment(officerBni, valid({ ...raw, submissionKey: randomUUID() }, true), NOW);
    expect(bni.enrolmentId).not.toBe(bri.enrolmentId);
    expect(bni.duplicate).toBe(false);
  });
});

describe("a registered participant is reused, never overwritten", () => {
  it("an enrolment without typed participant data uses the stored participant unchanged", async () => {
    const raw = form({ birthDate: "1969-09-19", nik: uniqueNik("1969-09-19") });
    await submitEnrolment(officerBri, valid(raw), NOW);
    const before = await db().participant.findUniqueOrThrow({ where: { nik: raw.nik } });
    await submitEnrolment(officerBni, valid({ ...raw, submissionKey: randomUUID(), fullName: "Nama Lain" }, true), NOW);
    expect(await db().participant.findUniqueOrThrow({ where: { nik: raw.nik } })).toEqual(before);
  });

  it("typed participant data for a NIK registered meanwhile is refused (CONFLICT participantRegistered) and writes nothing", async () => {
    const raw = form({ birthDate: "1968-08-18", nik: uniqueNik("1968-08-18") });
    await submitEnrolment(officerBri, valid(raw), NOW);
    const before = await counts(raw.nik!);
    const late = valid({ ...raw, submissionKey: randomUUID(), loanNumber: uniqueLoanNumber(), fullName: "Nama Lain" });
    await expect(submitEnrolment(officerBni, late, NOW)).rejects.toEqual(appError("CONFLICT", "participantRegistered"));
    expect(await counts(raw.nik!)).toEqual(before);
    expect((await db().participant.findUniqueOrThrow({ where: { nik: raw.nik } })).fullName).toBe("Budi Santoso");
  });

  it("the other penyalur's active enrolment is recorded in the audit (administrators), shown by name to BPJS staff and not at all to the bank", async () => {
    const raw = form({ birthDate: "1967-07-17", nik: uniqueNik("1967-07-17") });
    await submitEnrolment(officerBni, valid(raw), NOW);
    const { enrolmentId } = await submitEnrolment(officerBri, valid({ ...raw, submissionKey: randomUUID() }, true), NOW);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: enrolmentId, action: "enrolment.submit" } });
    expect(audit.after).toMatchObject({ participantReused: true, otherPenyalurActive: ["BNI"] });
    expect((await enrolmentForActor(officerBri, enrolmentId))?.otherPenyalurActive).toEqual([]);
    expect((await enrolmentForActor(reviewerBandung, enrolmentId))?.otherPenyalurActive).toEqual(["BNI"]);
  });

  it("months planned in advance become that many contribution lines at approval, from its month, each priced for its own month (docs/decisions/0011 §1)", async () => {
    const raw = form({ birthDate: "1966-06-16", nik: uniqueNik("1966-06-16"), monthsInAdvance: "4" });
    const { enrolmentId } = await submitEnrolment(officerBri, valid(raw), NOW);
    expect(await db().contributionLine.count({ where: { enrolmentId } })).toBe(0);
    await approve(enrolmentId, NOW);
    const lines = await db().contributionLine.findMany({ where: { enrolmentId }, orderBy: { month: "asc" } });
    expect(lines.map((l) => l.month.toISOString().slice(0, 7))).toEqual([0, 1, 2, 3].map((i) => addMonths(monthOf(TODAY), i)));
  });

  it("a transport debtor (KBLI section H) keeps the PP 50/2025 relief to 2027-03; any other sector loses it after 2026-12", async () => {
    const december = new Date("2026-12-10T03:00:00Z");
    const discounts = async (kbli: string, birthDate: string) => {
      const raw = form({ birthDate, nik: uniqueNik(birthDate), kbli, monthsInAdvance: "5" });
      const { enrolmentId } = await submitEnrolment(officerBri, valid(raw), december);
      await approve(enrolmentId, december);
      const e = await db().enrolment.findUniqueOrThrow({ where: { id: enrolmentId }, select: { sector: true } });
      const lines = await db().contributionLine.findMany({ where: { enrolmentId }, orderBy: { month: "asc" } });
      return { sector: e.sector, byMonth: lines.map((l) => [l.month.toISOString().slice(0, 7), l.reliefRuleId !== null]) };
    };
    const courier = await discounts("53201", "1967-07-17");
    expect(courier.sector).toBe("TRANSPORT");
    expect(courier.byMonth).toEqual([["2026-12", true], ["2027-01", true], ["2027-02", true], ["2027-03", true], ["2027-04", false]]);
    const shop = await discounts("47111", "1968-08-18");
    expect(shop.sector).toBe("OTHER");
    expect(shop.byMonth).toEqual([["2026-12", true], ["2027-01", false], ["2027-02", false], ["2027-03", false], ["2027-04", false]]);
  });

  it("a failure after the participant insert rolls everything back: no participant, enrolment, line or audit row", async () => {
    const raw = form({ birthDate: "1965-05-15", nik: uniqueNik("1965-05-15") });
    const input = valid(raw);
    // An address province that does not exist fails the participant's foreign key inside the transaction.
    await expect(submitEnrolment(officerBri, { ...input, participant: { ...input.participant!, addressProvinceCode: "00" } }, NOW)).rejects.toThrow();
    expect(await counts(raw.nik!)).toEqual({ participant: 0, enrolments: 0, lines: 0, audits: 0 });
  });
});

describe("drafts belong to the office", () => {
  it("saving twice updates one draft; another office can neither read, list, overwrite nor delete it", async () => {
    const key = randomUUID();
    const first = await saveDraft(officerBri, key, { nik: "3273", fullName: "Dina" });
    const second = await saveDraft(officerBri, key, { nik: "32730112", fullName: "Dina Mariana" });
    expect(first.kind === "draft" && second.kind === "draft" && first.draftId === second.draftId).toBe(true);
    const draftId = (first as { draftId: string }).draftId;
    expect((await draftForActor(officerBri, draftId))?.values.fullName).toBe("Dina Mariana");
    expect((await draftsForActor(officerBri)).find((d) => d.id === draftId)?.label).toBe("Dina Mariana · NIK …0112");

    expect(await draftForActor(officerBni, draftId)).toBeNull();
    expect((await draftsForActor(officerBni)).map((d) => d.id)).not.toContain(draftId);
    await expect(saveDraft(officerBni, key, { fullName: "Penyusup" })).rejects.toEqual(appError("FORBIDDEN"));
    expect(await deleteDraft(officerBni, draftId)).toBe(false);
    expect((await draftForActor(officerBri, draftId))?.values.fullName).toBe("Dina Mariana");

    expect(await deleteDraft(officerBri, draftId)).toBe(true);
    expect(await draftForActor(officerBri, draftId)).toBeNull();
  });

  it("concurrent saves of one new draft leave one row", async () => {
    const key = randomUUID();
    await Promise.all(Array.from({ length: 5 }, (_, i) => saveDraft(officerBri, key, { fullName: `Eko ${i}` })));
    expect(await db().enrolmentDraft.count({ where: { submissionKey: key } })).toBe(1);
  });

  it("submitting a draft deletes it in the same transaction; saving it afterwards points to the enrolment", async () => {
    const raw = form({ birthDate: "1964-04-14", nik: uniqueNik("1964-04-14") });
    await saveDraft(officerBri, raw.submissionKey!, { nik: raw.nik! });
    const { enrolmentId } = await submitEnrolment(officerBri, valid(raw), NOW);
    expect(await db().enrolmentDraft.count({ where: { submissionKey: raw.submissionKey } })).toBe(0);
    expect(await saveDraft(officerBri, raw.submissionKey!, { nik: raw.nik! })).toEqual({ kind: "submitted", enrolmentId });
  });

  it("a failed submit keeps the draft", async () => {
    const raw = form({ birthDate: "1963-03-13", nik: uniqueNik("1963-03-13"), kantorCabangId: randomUUID() });
    await saveDraft(officerBri, raw.submissionKey!, { nik: raw.nik! });
    await expect(submitEnrolment(officerBri, valid(raw), NOW)).rejects.toEqual(appError("VALIDATION"));
    expect(await db().enrolmentDraft.count({ where: { submissionKey: raw.submissionKey } })).toBe(1);
  });
});

describe("correcting a returned enrolment (RETURNED → SUBMITTED, docs/decisions/0009-enrolment-lifecycle.md §1 and §3)", () => {
  /** Submits an enrolment and the Bandung reviewer returns it (#5's own mutation: status, reason, version + 1). */
  async function returned(overrides: Record<string, string> = {}) {
    const birthDate = overrides.birthDate ?? "1986-06-26";
    const raw = form({ birthDate, nik: uniqueNik(birthDate), ...overrides });
    const { enrolmentId } = await submitEnrolment(officerBri, valid(raw), NOW);
    const { version } = await db().enrolment.findUniqueOrThrow({ where: { id: enrolmentId }, select: { version: true } });
    await returnEnrolment(reviewerBandung, { enrolmentId, version, reason: "Penghasilan tidak sesuai." }, NOW);
    return { raw, enrolmentId };
  }

  it("the correction form comes back with the auto-debit box as the debtor chose it, and the resubmission stores a changed choice (docs/decisions/0025)", async () => {
    const { raw, enrolmentId } = await returned({ birthDate: "1987-07-27", autoDebitConsent: "on" });
    const correction = await correctionForActor(officerBri, enrolmentId);
    expect(correction!.values.autoDebitConsent).toBe("on");
    const { autoDebitConsent: _ticked, ...unticked } = raw;
    void _ticked;
    await resubmitEnrolment(officerBri, enrolmentId, 2, valid(unticked), NOW);
    expect((await db().enrolment.findUniqueOrThrow({ where: { id: enrolmentId }, select: { autoDebitConsent: true } })).autoDebitConsent).toBe(false);
    expect((await correctionForActor(officerBri, enrolmentId))!.values.autoDebitConsent).toBeUndefined();
  });

  it("resubmits with version + 1, clears the reason, re-prices the unpaid lines and re-decides the mandate, with an audit row", async () => {
    const { raw, enrolmentId } = await returned({ declaredIncome: "3.000.000", monthsInAdvance: "1" });
    const correction = await correctionForActor(officerBri, enrolmentId);
    expect(correction).toMatchObject({ version: 2, returnReason: "Penghasilan tidak sesuai.", participantEditable: true });
    expect(correction!.values).toMatchObject({ declaredIncome: "3.000.000", loanNumber: raw.loanNumber, phone: "+6281234567890" });

    const corrected = valid({ ...raw, declaredIncome: "6.000.000", monthsInAdvance: "2", scheme: "MIKRO", plafon: "90.000.000", birthPlace: "Cimahi" });
    const result = await resubmitEnrolment(officerBri, enrolmentId, 2, corrected, NOW);
    expect(result).toEqual({ enrolmentId, version: 3 });

    const e = await db().enrolment.findUniqueOrThrow({ where: { id: enrolmentId }, include: { contributionLines: { orderBy: { month: "asc" } }, participant: true } });
    expect(e).toMatchObject({ status: "SUBMITTED", version: 3, returnReason: null, declaredIncome: 6_000_000, scheme: "MIKRO" });
    // BRI's KUR mikro in Kanwil Jawa Barat: the demo phase rule applies now, not KUR kecil's mandate.
    expect(e.mandateStatus).not.toBe("MANDATORY");
    // No line before approval; the plan follows the corrected data.
    expect(e.contributionLines).toEqual([]);
    expect(e).toMatchObject({ monthsInAdvance: 2, tierBasis: 5_950_000 });
    expect(e.participant.birthPlace).toBe("Cimahi");
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: enrolmentId, action: "enrolment.resubmit" } });
    expect(audit.before).toMatchObject({ status: "RETURNED", version: 2, declaredIncome: 3_000_000, returnReason: "Penghasilan tidak sesuai." });
    expect(audit.after).toMatchObject({ status: "SUBMITTED", version: 3, declaredIncome: 6_000_000, participantCorrected: true });
    // Both decisions stay in the history, each with the rule version it used (docs/regulation.md §2.3).
    const decisions = await db().mandateDecisionRecord.findMany({ where: { enrolmentId }, orderBy: { createdAt: "asc" }, select: { occasion: true, ruleVersion: true } });
    expect(decisions.map((d) => d.occasion)).toEqual(["SUBMISSION", "RESUBMISSION"]);
    expect(decisions.every((d) => d.ruleVersion === "permenko-1-2023@2023-02-01")).toBe(true);
  });

  it("a resubmission moves nothing into the past: cover starts in the month of the approval that follows it", async () => {
    const birthDate = "1987-07-27";
    const raw = form({ birthDate, nik: uniqueNik(birthDate), monthsInAdvance: "2" });
    const submitted = new Date("2026-08-03T03:00:00Z");
    const { enrolmentId } = await submitEnrolment(officerBri, valid(raw), submitted);
    await returnEnrolment(reviewerBandung, { enrolmentId, version: 1, reason: "Penghasilan tidak sesuai." }, submitted);
    await resubmitEnrolment(officerBri, enrolmentId, 2, valid({ ...raw, declaredIncome: "9.000.000", monthsInAdvance: "2" }), new Date("2026-10-01T03:00:00Z"));
    await approve(enrolmentId, new Date("2026-11-05T03:00:00Z"));
    const lines = await db().contributionLine.findMany({ where: { enrolmentId }, orderBy: { month: "asc" } });
    expect(lines.map((l) => [l.month.toISOString().slice(0, 7), l.status, l.tierBasis])).toEqual([
      ["2026-11", "DUE", 8_700_000],
      ["2026-12", "DUE", 8_700_000],
    ]);
  });

  it("a stale version is a conflict and changes nothing; of two concurrent resubmits exactly one wins", async () => {
    const { raw, enrolmentId } = await returned({ birthDate: "1988-08-28" });
    await expect(resubmitEnrolment(officerBri, enrolmentId, 1, valid(raw), NOW)).rejects.toEqual(appError("CONFLICT", "enrolmentConflict"));
    expect(await db().enrolment.findUniqueOrThrow({ where: { id: enrolmentId } })).toMatchObject({ status: "RETURNED", version: 2 });

    const outcomes = await Promise.allSettled([
      resubmitEnrolment(officerBri, enrolmentId, 2, valid({ ...raw, declaredIncome: "4.000.000" }), NOW),
      resubmitEnrolment(officerBri, enrolmentId, 2, valid({ ...raw, declaredIncome: "5.000.000" }), NOW),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const rejected = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(AppError);
    const { code, options } = rejected.reason as AppError;
    expect(["CONFLICT:enrolmentConflict", "INVALID_STATE:notCorrectable"]).toContain(`${code}:${options.message}`);
    expect(await db().enrolment.findUniqueOrThrow({ where: { id: enrolmentId } })).toMatchObject({ status: "SUBMITTED", version: 3 });
    expect(await db().auditEvent.count({ where: { entityId: enrolmentId, action: "enrolment.resubmit" } })).toBe(1);
  });

  it("only RETURNED can be corrected, only by the owning office, and the NIK cannot change", async () => {
    const raw = form({ birthDate: "1989-09-29", nik: uniqueNik("1989-09-29") });
    const { enrolmentId } = await submitEnrolment(officerBri, valid(raw), NOW);
    await expect(resubmitEnrolment(officerBri, enrolmentId, 1, valid(raw), NOW)).rejects.toEqual(appError("INVALID_STATE", "notCorrectable"));

    const { raw: back, enrolmentId: returnedId } = await returned({ birthDate: "1990-10-30" });
    await expect(resubmitEnrolment(officerBni, returnedId, 2, valid(back), NOW)).rejects.toEqual(appError("NOT_FOUND"));
    await expect(resubmitEnrolment(officerBriUnit, returnedId, 2, valid(back), NOW)).rejects.toEqual(appError("NOT_FOUND"));
    expect(await correctionForActor(officerBni, returnedId)).toBeNull();
    const otherNik = valid({ ...back, nik: uniqueNik("1990-10-30") });
    await expect(resubmitEnrolment(officerBri, returnedId, 2, otherNik, NOW)).rejects.toEqual(appError("VALIDATION"));
  });

  it("a failure inside the resubmit transaction rolls back the status, version, participant and lines", async () => {
    const { raw, enrolmentId } = await returned({ birthDate: "1991-11-21" });
    const before = await db().enrolment.findUniqueOrThrow({ where: { id: enrolmentId }, include: { contributionLines: true, participant: true } });
    const input = valid({ ...raw, declaredIncome: "7.000.000", fullName: "Nama Baru" });
    // The participant update (after the enrolment's) fails its foreign key.
    await expect(
      resubmitEnrolment(officerBri, enrolmentId, 2, { ...input, participant: { ...input.participant!, addressProvinceCode: "00" } }, NOW),
    ).rejects.toThrow();
    expect(await db().enrolment.findUniqueOrThrow({ where: { id: enrolmentId }, include: { contributionLines: true, participant: true } })).toEqual(before);
    expect(await db().auditEvent.count({ where: { entityId: enrolmentId, action: "enrolment.resubmit" } })).toBe(0);
  });

  it("a participant shared with another enrolment is not changed by a correction", async () => {
    const { raw, enrolmentId } = await returned({ birthDate: "1992-12-22" });
    await submitEnrolment(officerBni, valid({ ...raw, submissionKey: randomUUID() }, true), NOW);
    const correction = await correctionForActor(officerBri, enrolmentId);
    expect(correction?.participantEditable).toBe(false);
    expect(correction?.values.fullName).toBeUndefined();
    await resubmitEnrolment(officerBri, enrolmentId, 2, valid(raw, true), NOW);
    expect((await db().participant.findUniqueOrThrow({ where: { nik: raw.nik } })).fullName).toBe("Budi Santoso");
  });
});

describe("the NIK lookup discloses only what the policy allows (docs/decisions/0012-nik-lookup-disclosure.md)", () => {
  it("the officer's own penyalur, which already enrols the participant, sees the identifying data with the phone masked, and no street, e-mail or mother's name", async () => {
    const raw = form({ birthDate: "1962-02-12", nik: uniqueNik("1962-02-12"), email: "rahasia@contoh.id" });
    await submitEnrolment(officerBri, valid(raw), NOW);
    const found = await lookupNik(officerBri, raw.nik!);
    expect(found).toEqual({
      registered: true,
      participant: { fullName: "Budi Santoso", birthDate: "1962-02-12", sex: "L", birthPlace: "Bandung", phoneMasked: "•••• 7890", area: "Kota Bandung, Jawa Barat" },
      addressProvinceCode: "32",
    });
    expect(JSON.stringify(found)).not.toMatch(/Dago|rahasia|Rohmah/);
  });

  it("an officer of another penyalur learns only that a participant exists: no name, birth date, area, phone digits or lending bank", async () => {
    const raw = form({ birthDate: "1962-03-12", nik: uniqueNik("1962-03-12") });
    await submitEnrolment(officerBri, valid(raw), NOW);
    const found = await lookupNik(officerBni, raw.nik!);
    expect(found).toEqual({ registered: true, participant: null, addressProvinceCode: null });
    // … and may confirm the name the debtor gives (case and spacing aside), yes or no.
    expect(await participantNameMatches(officerBni, raw.nik!, "  budi   SANTOSO ")).toBe(true);
    expect(await participantNameMatches(officerBni, raw.nik!, "Budi Santosa")).toBe(false);
    expect(await participantNameMatches(officerBni, uniqueNik("1962-03-12"), "Budi Santoso")).toBeNull();
  });

  it("every lookup is audited, misses too (with the NIK masked), and hits name the participant", async () => {
    const raw = form({ birthDate: "1962-04-12", nik: uniqueNik("1962-04-12") });
    await submitEnrolment(officerBri, valid(raw), NOW);
    const unknown = uniqueNik("1962-04-12");
    await recordNikLookup(officerBni, raw.nik!, "elsewhere");
    await recordNikLookup(officerBni, unknown, "unknown");
    const participant = await db().participant.findUniqueOrThrow({ where: { nik: raw.nik }, select: { id: true } });
    expect(await db().auditEvent.count({ where: { action: "participant.lookup", entityId: participant.id, actorId: officerBni.id } })).toBe(1);
    const miss = await db().auditEvent.findFirstOrThrow({ where: { action: "participant.lookup", entityType: "Nik", actorId: officerBni.id }, orderBy: { id: "desc" } });
    expect(miss.entityId).toBe(`${unknown.slice(0, 4)}********${unknown.slice(12)}`);
    expect(miss.after).toMatchObject({ outcome: "unknown" });
  });

  it("an unknown NIK, a malformed one, or a caller who is not a bank officer learns nothing", async () => {
    const raw = form({ birthDate: "1961-01-21", nik: uniqueNik("1961-01-21") });
    await submitEnrolment(officerBri, valid(raw), NOW);
    const nothing = { registered: false, participant: null, addressProvinceCode: null };
    expect(await lookupNik(officerBri, uniqueNik("1961-01-21"))).toEqual(nothing);
    expect(await lookupNik(officerBri, "12345")).toEqual(nothing);
    expect(await lookupNik(reviewerBandung, raw.nik!)).toEqual(nothing);
  });
});

describe("unusual NIK lookup volumes raise one alert an administrator sees", () => {
  it(`the ${LOOKUP_ALERTS[0].count}th lookup of one officer within ${LOOKUP_ALERTS[0].minutes} minutes writes one security.nikLookupVolume event, not one per lookup after it`, async () => {
    const officer = officerBni;
    const at = new Date("2026-11-20T02:00:00Z");
    await db().auditEvent.deleteMany({ where: { action: "security.nikLookupVolume", entityId: officer.id } });
    // Earlier lookups of this window, written as the mutation writes them.
    await db().auditEvent.createMany({
      data: Array.from({ length: LOOKUP_ALERTS[0].count - 1 }, (_, i) => ({
        at: new Date(at.getTime() - (i + 1) * 1000),
        actorId: officer.id,
        action: "participant.lookup",
        entityType: "Nik",
        entityId: "3273********0001",
        after: { outcome: "unknown", penyalurOfficeId: `other-office-${i}` },
      })),
    });
    const alerts = () => db().auditEvent.findMany({ where: { action: "security.nikLookupVolume", entityType: "User", entityId: officer.id } });
    expect(await alerts()).toHaveLength(0);
    await recordNikLookup(officer, uniqueNik("1962-05-12"), "unknown", at);
    expect(await alerts()).toHaveLength(1);
    expect((await alerts())[0]!.after).toMatchObject({ lookups: LOOKUP_ALERTS[0].count, threshold: LOOKUP_ALERTS[0].count, per: "user" });
    await recordNikLookup(officer, uniqueNik("1962-05-12"), "unknown", new Date(at.getTime() + 1000));
    expect(await alerts()).toHaveLength(1);
  });
});

describe("workspace search by loan number, and the indexes behind the searches", () => {
  it("finds an enrolment by its loan number as typed (any case, spaces), only within the actor's scope", async () => {
    const loanNumber = uniqueLoanNumber("CARI");
    const raw = form({ birthDate: "1960-10-20", nik: uniqueNik("1960-10-20"), loanNumber });
    const { enrolmentId } = await submitEnrolment(officerBri, valid(raw), NOW);
    const typed = ` ${loanNumber.toLowerCase()} `;
    expect((await listEnrolments(officerBri, parseListQuery({ q: typed }))).rows.map((r) => r.id)).toEqual([enrolmentId]);
    expect((await listEnrolments(officerBri, parseListQuery({ q: typed }))).rows[0]?.loanNumber).toBe(loanNumber.toUpperCase());
    expect((await listEnrolments(officerBni, parseListQuery({ q: typed }))).total).toBe(0);
  });

  it("the last-4 NIK search and the name search can use their indexes (right(nik, 4) and pg_trgm)", async () => {
    const plans = await db().$transaction(async (tx) => {
      await tx.$executeRawUnsafe("set local enable_seqscan = off");
      const last4 = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`explain select id from "Participant" where right(nik, 4) = '0001'`);
      const name = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`explain select id from "Participant" where "fullName" ilike '%aminah%'`);
      return { last4: last4.map((r) => r["QUERY PLAN"]).join("\n"), name: name.map((r) => r["QUERY PLAN"]).join("\n") };
    });
    expect(plans.last4).toContain("Participant_nik_last4_idx");
    expect(plans.name).toContain("Participant_fullName_trgm_idx");
  });
});
