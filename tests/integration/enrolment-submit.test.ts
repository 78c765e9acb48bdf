import { randomUUID } from "node:crypto";
import { plannedRows } from "@/lib/enrolment/pricing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/data";
import { db } from "@/lib/db";
import { enrolmentForActor, recentEnrolments } from "@/lib/enrolment/data";
import { can } from "@/lib/auth/permissions";
import { enrolmentWhere } from "@/lib/auth/scope";
import { AppError } from "@/lib/action/errors";
import { submitEnrolment } from "@/lib/enrolment/mutations";
import { validateEnrolment, type EnrolmentInput } from "@/lib/enrolment/schema";
import { todayInZone } from "@/lib/rules";
import { demoActors, uniqueNik } from "../support/db";
import { eformFields } from "../support/eform";

/** The AppError a mutation throws (lib/action/errors.ts): its code and, for a precise message, its key under actionErrors. */
const appError = (code: AppError["code"], message?: string) =>
  expect.objectContaining({ name: "AppError", code, ...(message ? { options: expect.objectContaining({ message }) } : {}) });

const NOW = new Date();
let officerBri: Actor;
let officerBni: Actor;
let reviewerBandung: Actor;
let reviewerSemarang: Actor;
let managerJabar: Actor;
let headOffice: Actor;
let admin: Actor;
let kcBandungId: string;

beforeAll(async () => {
  ({ officerBri, officerBni, reviewerBandung, reviewerSemarang, managerJabar, headOffice, admin } = await demoActors());
  kcBandungId = (await db().kantorCabang.findUniqueOrThrow({ where: { code: "KC-BANDUNG-SUCI" } })).id;
});

afterAll(async () => {
  await db().$disconnect();
});

function form(overrides: Record<string, string> = {}): Record<string, string> {
  const birthDate = overrides.birthDate ?? "1985-08-17";
  return eformFields(todayInZone(NOW, "Asia/Jakarta"), { nik: uniqueNik(birthDate), kantorCabangId: kcBandungId, ...overrides });
}

function valid(raw: Record<string, string>): EnrolmentInput {
  const result = validateEnrolment(raw, todayInZone(NOW, "Asia/Jakarta"));
  if (!result.ok) throw new Error(`fixture invalid: ${JSON.stringify(result.errors)}`);
  return result.data;
}

async function rowsFor(nik: string) {
  const participant = await db().participant.findUnique({ where: { nik }, select: { id: true } });
  const enrolments = participant
    ? await db().enrolment.findMany({ where: { participantId: participant.id }, select: { id: true } })
    : [];
  const ids = enrolments.map((e) => e.id);
  const [lines, audits] = await Promise.all([
    db().contributionLine.count({ where: { enrolmentId: { in: ids } } }),
    db().auditEvent.count({ where: { entityType: "Enrolment", entityId: { in: ids } } }),
  ]);
  return { participant: participant ? 1 : 0, enrolments: enrolments.length, lines, audits };
}

describe("submitting the e-form (Permenko 1/2023: enrol before disbursement)", () => {
  it("writes Participant, Enrolment and AuditEvent together — no contribution line before approval (docs/decisions/0011 §1)", async () => {
    const raw = form();
    const result = await submitEnrolment(officerBri, valid(raw), NOW);
    expect(result.duplicate).toBe(false);
    expect(await rowsFor(raw.nik!)).toEqual({ participant: 1, enrolments: 1, lines: 0, audits: 1 });

    const stored = await db().enrolment.findUniqueOrThrow({
      where: { id: result.enrolmentId },
      include: { contributionLines: true, participant: true },
    });
    // KUR kecil above Rp100 juta is mandatory — Permenko 1/2023 Pasal 26 ayat (8)
    expect(stored.mandateStatus).toBe("MANDATORY");
    expect(stored.mandateLegalBasis).toBe("Permenko 1/2023 Pasal 26 ayat (8)");
    expect(stored.mandateRuleVersion).toMatch(/permenko-1-2023/);
    expect(stored.status).toBe("SUBMITTED");
    expect(stored.participant.phone).toBe("+6281234567890");
    // Income 3.000.000 falls in the 2.700.000–3.199.999 tier: basis 2.950.000 (PP 44/2015 Lampiran II).
    expect(stored.tierBasis).toBe(2_950_000);
    expect(stored.contributionLines).toEqual([]);
    // The months are a plan, priced when shown and written at approval.
    const [line] = plannedRows({ declaredIncome: stored.declaredIncome, jht: stored.jht, sector: stored.sector, firstMonth: "2026-11", months: stored.monthsInAdvance });
    expect(line!.jkkGross).toBe(29_500);
    expect(line!.jkmGross).toBe(6_800);
    expect(line!.jhtGross).toBe(59_000);
    expect(line!.total + line!.discount).toBe(line!.jkkGross + line!.jkmGross + line!.jhtGross);
  });

  it("stores the debtor's auto-debit consent from the e-form's box, unticked by default (issue #15, docs/decisions/0025)", async () => {
    const ticked = await submitEnrolment(officerBri, valid(form({ autoDebitConsent: "on" })), NOW);
    const unticked = await submitEnrolment(officerBri, valid(form()), NOW);
    const rows = await db().enrolment.findMany({ where: { id: { in: [ticked.enrolmentId, unticked.enrolmentId] } }, select: { id: true, autoDebitConsent: true } });
    expect(Object.fromEntries(rows.map((r) => [r.id, r.autoDebitConsent]))).toEqual({ [ticked.enrolmentId]: true, [unticked.enrolmentId]: false });
    const record = await enrolmentForActor(officerBri, ticked.enrolmentId);
    expect(record?.coverage.autoDebitConsent).toBe(true);
  });

  it("a second identical submission returns the first enrolment instead of a new one", async () => {
    const input = valid(form());
    const first = await submitEnrolment(officerBri, input, NOW);
    const second = await submitEnrolment(officerBri, input, NOW);
    expect(second).toEqual({ enrolmentId: first.enrolmentId, duplicate: "submissionKey" });
    expect(await rowsFor(input.nikInfo.nik)).toEqual({ participant: 1, enrolments: 1, lines: 0, audits: 1 });
  });

  it("concurrent duplicate submissions (double click) create exactly one enrolment", async () => {
    const input = valid(form({ birthDate: "1979-02-03" }));
    const results = await Promise.all(Array.from({ length: 6 }, () => submitEnrolment(officerBri, input, NOW)));
    expect(new Set(results.map((r) => r.enrolmentId)).size).toBe(1);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(await rowsFor(input.nikInfo.nik)).toEqual({ participant: 1, enrolments: 1, lines: 0, audits: 1 });
  });

  it("invalid input is rejected before anything is written, with every error on its field", async () => {
    const raw = form({ plafon: "100.000.000", phone: "021-555-1234", birthDate: "1985-08-18" });
    raw.nik = uniqueNik("1985-08-17");
    const result = validateEnrolment(raw, todayInZone(NOW, "Asia/Jakarta"));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(["birthDate", "phone", "plafon"]);
    expect(await rowsFor(raw.nik)).toEqual({ participant: 0, enrolments: 0, lines: 0, audits: 0 });
  });

  it("a failure inside the transaction leaves no half-written rows", async () => {
    const input = valid(form({ birthDate: "1991-12-24" }));
    // A plafon beyond the column's range fails at the Enrolment insert, after the Participant insert.
    await expect(submitEnrolment(officerBri, { ...input, plafon: 2 ** 31 }, NOW)).rejects.toThrow();
    expect(await rowsFor(input.nikInfo.nik)).toEqual({ participant: 0, enrolments: 0, lines: 0, audits: 0 });
  });

  it("an unknown BPJS branch is a field error and writes nothing", async () => {
    const input = valid(form({ kantorCabangId: randomUUID(), birthDate: "1988-01-30" }));
    await expect(submitEnrolment(officerBri, input, NOW)).rejects.toEqual(appError("VALIDATION"));
    expect(await rowsFor(input.nikInfo.nik)).toEqual({ participant: 0, enrolments: 0, lines: 0, audits: 0 });
  });

  it("KUR PMI is out of scope for this channel and writes nothing — docs/regulation.md §2 (migrant-worker segment)", async () => {
    const input = valid(form({ scheme: "PMI", plafon: "50.000.000", birthDate: "1993-04-04", tenorMonths: "24" }));
    const error = await submitEnrolment(officerBri, input, NOW).catch((e: unknown) => e);
    expect(error).toEqual(appError("VALIDATION"));
    expect((error as AppError).options.fieldErrors?.scheme?.[0]).toMatch(/migran/i);
    expect(await rowsFor(input.nikInfo.nik)).toEqual({ participant: 0, enrolments: 0, lines: 0, audits: 0 });
  });

  it("the same NIK enrolled for a second loan reuses its participant", async () => {
    const raw = form({ birthDate: "1970-05-06" });
    await submitEnrolment(officerBri, valid(raw), NOW);
    const again = validateEnrolment({ ...raw, submissionKey: randomUUID(), loanNumber: `${raw.loanNumber}-2` }, todayInZone(NOW, "Asia/Jakarta"), {
      existingParticipant: true,
    });
    if (!again.ok) throw new Error(JSON.stringify(again.errors));
    await submitEnrolment(officerBri, again.data, NOW);
    expect(await rowsFor(raw.nik!)).toMatchObject({ participant: 1, enrolments: 2 });
  });
});

describe("authorization of enrolments by scope (docs/regulation.md §7)", () => {
  let enrolmentId: string;
  beforeAll(async () => {
    ({ enrolmentId } = await submitEnrolment(officerBri, valid(form({ birthDate: "1982-10-10" })), NOW));
  });

  it("only bank officers may submit an e-form", async () => {
    for (const actor of [reviewerBandung, managerJabar, headOffice, admin]) {
      await expect(submitEnrolment(actor, valid(form()), NOW)).rejects.toEqual(appError("FORBIDDEN"));
    }
  });

  it("an officer of another bank cannot read the enrolment, nor see it listed", async () => {
    expect(await enrolmentForActor(officerBni, enrolmentId)).toBeNull();
    expect((await recentEnrolments(officerBni, 500)).map((r) => r.id)).not.toContain(enrolmentId);
  });

  it("an officer of another bank cannot take over an enrolment by replaying its submission key", async () => {
    const stored = await db().enrolment.findUniqueOrThrow({ where: { id: enrolmentId }, select: { submissionKey: true } });
    const input = valid(form({ submissionKey: stored.submissionKey }));
    await expect(submitEnrolment(officerBni, input, NOW)).rejects.toEqual(appError("FORBIDDEN"));
  });

  it("the reviewer of another Kantor Cabang cannot read it; the holding branch can", async () => {
    expect(await enrolmentForActor(reviewerSemarang, enrolmentId)).toBeNull();
    expect(await enrolmentForActor(reviewerBandung, enrolmentId)).not.toBeNull();
  });

  it("the Kanwil's manager and head office can read it; an administrator cannot", async () => {
    expect(await enrolmentForActor(managerJabar, enrolmentId)).not.toBeNull();
    expect(await enrolmentForActor(headOffice, enrolmentId)).not.toBeNull();
    expect(await enrolmentForActor(admin, enrolmentId)).toBeNull();
    expect(await recentEnrolments(admin)).toEqual([]);
  });

  it("the database filter of every role selects exactly the enrolments its scope covers", async () => {
    const all = await db().enrolment.findMany({
      select: { id: true, penyalurOfficeId: true, kantorCabangId: true, kantorCabang: { select: { kanwilId: true } } },
    });
    const actors = [officerBri, officerBni, reviewerBandung, reviewerSemarang, managerJabar, headOffice, admin];
    for (const actor of actors) {
      const where = enrolmentWhere(actor);
      const selected = where ? (await db().enrolment.findMany({ where, select: { id: true } })).map((e) => e.id).sort() : [];
      const covered = all
        .filter((e) => can(actor, "enrolment:read", { penyalurOfficeId: e.penyalurOfficeId, kantorCabangId: e.kantorCabangId, kanwilId: e.kantorCabang.kanwilId }))
        .map((e) => e.id)
        .sort();
      expect(selected, `${actor.email}`).toEqual(covered);
    }
    // The comparison is not vacuous: some roles see some enrolments and not others.
    expect(all.length).toBeGreaterThan(3);
  });

  it("the enrolling officer reads it with the decision and its legal basis", async () => {
    const detail = await enrolmentForActor(officerBri, enrolmentId);
    expect(detail?.mandate.explanation).toMatch(/^Wajib: KUR Kecil/);
    expect(detail?.mandate.legalBasis).toBe("Permenko 1/2023 Pasal 26 ayat (8)");
  });
});

describe("stored decisions replay (docs/regulation.md §2: rule version, legal basis and inputs are stored)", () => {
  it("every enrolment's stored inputs give back its stored decision", async () => {
    const { replayMandate } = await import("@/lib/rules");
    const { auditText } = await import("@/lib/i18n/rules");
    const rows = await db().enrolment.findMany({
      select: { mandateStatus: true, mandateRuleId: true, mandateLegalBasis: true, mandateExplanation: true, mandateInputs: true },
    });
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) {
      const replayed = replayMandate(row.mandateInputs as Record<string, unknown>);
      expect(replayed && [replayed.status, replayed.ruleId, auditText(replayed.legalBasis), auditText(replayed.explanation)]).toEqual([
        row.mandateStatus,
        row.mandateRuleId,
        row.mandateLegalBasis,
        row.mandateExplanation,
      ]);
    }
  });
});
