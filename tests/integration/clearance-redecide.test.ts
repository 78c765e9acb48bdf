/**
 * The disbursement clearance decides the mandate again on the day it is asked (docs/regulation.md §2.2,
 * Permenko 1/2023 cover letter point 5): against the real, seeded database, with a phase rule that
 * starts between the application and the day disbursement is asked.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/data";
import { db } from "@/lib/db";
import { clearanceMandate, submitEnrolment } from "@/lib/enrolment/mutations";
import { validateEnrolment } from "@/lib/enrolment/schema";
import { addDays, disbursementClearance, todayInZone } from "@/lib/rules";
import { demoActors, uniqueNik } from "../support/db";
import { eformFields } from "../support/eform";

let officerBni: Actor;
let officerBri: Actor;
let kcBandungId: string;
let bniId: string;
let jabarId: string;

beforeAll(async () => {
  ({ officerBni, officerBri } = await demoActors());
  kcBandungId = (await db().kantorCabang.findUniqueOrThrow({ where: { code: "KC-BANDUNG-SUCI" } })).id;
  bniId = (await db().penyalur.findUniqueOrThrow({ where: { code: "BNI" } })).id;
  jabarId = (await db().kanwil.findFirstOrThrow({ where: { code: "JAWA_BARAT" } })).id;
});

afterAll(async () => {
  await db().$disconnect();
});

/** A BNI KUR mikro in Jawa Barat submitted at `at`: BNI has no phase rule, so it is voluntary then. */
async function submitMikro(at: Date) {
  const today = todayInZone(at, "Asia/Jakarta");
  const raw = eformFields(today, {
    nik: uniqueNik(),
    kantorCabangId: kcBandungId,
    scheme: "MIKRO",
    plafon: "50.000.000",
    npwp: "",
    attestNpwpPresent: "",
    jht: "",
  });
  const parsed = validateEnrolment(raw, today);
  if (!parsed.ok) throw new Error(`fixture invalid: ${JSON.stringify(parsed.errors)}`);
  return (await submitEnrolment(officerBni, parsed.data, at)).enrolmentId;
}

/** Ends a phase rule on the office's day of `at`: the last day it decided anything in these tests. */
const endPhaseRule = (id: string, at: Date) =>
  db().phaseRule.update({ where: { id }, data: { endDate: new Date(`${todayInZone(at, "Asia/Jakarta")}T00:00:00Z`) } });

const history = (enrolmentId: string) =>
  db().mandateDecisionRecord.findMany({
    where: { enrolmentId },
    orderBy: { createdAt: "asc" },
    select: { occasion: true, status: true, ruleId: true, ruleVersion: true, decidedOn: true, inputs: true },
  });

describe("the clearance re-evaluates the mandate on the day it is asked — docs/regulation.md §2.2", () => {
  it("a phase rule starting between submission and disbursement makes the debtor PHASED_REQUIRED, says so on the record and keeps each rule version", async () => {
    const submittedAt = new Date();
    const submittedOn = todayInZone(submittedAt, "Asia/Jakarta");
    const id = await submitMikro(submittedAt);
    const atSubmission = await db().enrolment.findUniqueOrThrow({ where: { id }, select: { mandateStatus: true, mandateRuleId: true } });
    expect(atSubmission).toEqual({ mandateStatus: "VOLUNTARY", mandateRuleId: "PHASED_VOLUNTARY" });

    // The regulator widens the obligation: BNI in Kanwil Jawa Barat from three days after submission.
    const phaseStart = addDays(submittedOn, 3);
    const phase = await db().phaseRule.create({
      data: { penyalurId: bniId, kanwilId: jabarId, startDate: new Date(`${phaseStart}T00:00:00Z`), note: "uji: tahap setelah pengajuan" },
    });
    try {
      // Asked the day before the phase starts: still voluntary, nothing written.
      const dayBefore = new Date(submittedAt.getTime() + 2 * 86_400_000);
      const early = await clearanceMandate(officerBni, id, dayBefore);
      expect(early).toMatchObject({ status: "VOLUNTARY", changed: false });
      expect((await history(id)).map((h) => h.occasion)).toEqual(["SUBMISSION"]);

      // Asked on a disbursement day after the phase started: required, recorded, blocking.
      const disbursementDay = new Date(submittedAt.getTime() + 5 * 86_400_000);
      const decided = await clearanceMandate(officerBni, id, disbursementDay);
      expect(decided).toMatchObject({
        status: "PHASED_REQUIRED",
        ruleId: "PHASED_MATCHED",
        ruleVersion: "permenko-1-2023@2023-02-01",
        changed: true,
        previousStatus: "VOLUNTARY",
        requiredFrom: phaseStart,
        decidedOn: todayInZone(disbursementDay, "Asia/Jakarta"),
      });
      expect(
        disbursementClearance({ mandateStatus: decided!.status, enrolmentStatus: "SUBMITTED", firstMonthPaid: false, gate: "BLOCK" }).state,
      ).toBe("BLOCKED");

      const stored = await db().enrolment.findUniqueOrThrow({
        where: { id },
        select: { mandateStatus: true, mandateRuleId: true, mandateRequiredFrom: true, mandateExplanation: true, mandateInputs: true },
      });
      expect(stored).toMatchObject({ mandateStatus: "PHASED_REQUIRED", mandateRuleId: "PHASED_MATCHED" });
      expect(stored.mandateRequiredFrom?.toISOString().slice(0, 10)).toBe(phaseStart);
      expect(stored.mandateExplanation).toMatch(/^Wajib bertahap: debitur KUR Mikro .* — Permenko 1\/2023 Pasal 22 ayat \(8\)\.$/);
      expect(stored.mandateInputs).toMatchObject({ phaseRuleId: phase.id });

      // The history keeps both decisions, each with the rule version it used.
      const rows = await history(id);
      expect(rows.map((h) => [h.occasion, h.status, h.ruleId, h.ruleVersion])).toEqual([
        ["SUBMISSION", "VOLUNTARY", "PHASED_VOLUNTARY", "permenko-1-2023@2023-02-01"],
        ["CLEARANCE", "PHASED_REQUIRED", "PHASED_MATCHED", "permenko-1-2023@2023-02-01"],
      ]);
      expect(rows[0]!.decidedOn.toISOString().slice(0, 10)).toBe(submittedOn);
      const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: id, action: "enrolment.mandateRedecided" }, select: { before: true, after: true } });
      expect(audit).toMatchObject({ before: { mandateStatus: "VOLUNTARY" }, after: { mandateStatus: "PHASED_REQUIRED", phaseRuleId: phase.id } });

      // Asked again, and asked twice at once: the same answer writes nothing more.
      const again = await Promise.all([clearanceMandate(officerBni, id, disbursementDay), clearanceMandate(officerBni, id, disbursementDay)]);
      expect(again.map((a) => a?.changed)).toEqual([false, false]);
      expect(await history(id)).toHaveLength(2);
    } finally {
      // A rule that decided an enrolment cannot be deleted (phase_rule_keep_decided): it is ended.
      await endPhaseRule(phase.id, new Date(submittedAt.getTime() + 5 * 86_400_000));
    }

    // The phase rule has ended: the debtor, once told to enrol, stays required (fail closed).
    const later = await clearanceMandate(officerBni, id, new Date(submittedAt.getTime() + 6 * 86_400_000));
    expect(later).toMatchObject({ status: "PHASED_REQUIRED", changed: false });
    expect(await history(id)).toHaveLength(2);
  });

  it("two clearances racing on the day the phase starts record one change", async () => {
    const submittedAt = new Date();
    const id = await submitMikro(submittedAt);
    const phase = await db().phaseRule.create({
      data: { penyalurId: bniId, kanwilId: jabarId, startDate: new Date(`${addDays(todayInZone(submittedAt, "Asia/Jakarta"), 1)}T00:00:00Z`), note: "uji: balapan" },
    });
    try {
      const day = new Date(submittedAt.getTime() + 2 * 86_400_000);
      const both = await Promise.all([clearanceMandate(officerBni, id, day), clearanceMandate(officerBni, id, day)]);
      expect(both.map((b) => b?.status)).toEqual(["PHASED_REQUIRED", "PHASED_REQUIRED"]);
      expect((await history(id)).filter((h) => h.occasion === "CLEARANCE")).toHaveLength(1);
      expect(await db().auditEvent.count({ where: { entityId: id, action: "enrolment.mandateRedecided" } })).toBe(1);
    } finally {
      await endPhaseRule(phase.id, new Date(submittedAt.getTime() + 2 * 86_400_000));
    }
  });

  it("an officer of another penyalur gets nothing and writes nothing", async () => {
    const id = await submitMikro(new Date());
    expect(await clearanceMandate(officerBri, id, new Date())).toBeNull();
    expect(await history(id)).toHaveLength(1);
  });
});
