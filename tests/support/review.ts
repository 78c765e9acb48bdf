/**
 * Fixtures for the review tests (issue #5): a submitted enrolment written straight to the database,
 * as the e-form's submit leaves it (contract §3: Enrolment SUBMITTED + its first contribution
 * lines + "enrolment.submit"), without depending on the e-form's field set.
 */
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/data";
import { loadActor } from "@/lib/auth/data";
import { db } from "@/lib/db";
import { contributionLineColumns } from "@/lib/enrolment/lines";
import { auditText } from "@/lib/i18n/rules";
import { addMonths, contributionForMonth, evaluateMandate, monthOf, todayInZone } from "@/lib/rules";
import { uniqueNik } from "./db";

export interface SubmittedFixture {
  id: string;
  nik: string;
  version: number;
}

export async function submittedEnrolment(
  officer: Actor,
  options: { kantorCabangCode?: string; submittedAt?: Date; monthsInAdvance?: number; declaredIncome?: number; jht?: boolean; nik?: string } = {},
): Promise<SubmittedFixture> {
  if (officer.scope.kind !== "PENYALUR_OFFICE") throw new Error("fixture needs a bank officer");
  const submittedAt = options.submittedAt ?? new Date();
  const declaredIncome = options.declaredIncome ?? 1_000_000;
  const jht = options.jht ?? false;
  const nik = options.nik ?? uniqueNik();
  const kc = await db().kantorCabang.findUniqueOrThrow({
    where: { code: options.kantorCabangCode ?? "KC-BANDUNG-SUCI" },
    select: { id: true, timeZone: true, kanwil: { select: { code: true } } },
  });
  const month = monthOf(todayInZone(submittedAt, kc.timeZone));
  const decision = evaluateMandate({ scheme: "KECIL", plafon: 150_000_000, date: todayInZone(submittedAt, kc.timeZone), kanwilCode: kc.kanwil.code });
  const first = contributionForMonth({ declaredIncome, jht, sector: "OTHER", month });
  const birth = `19${nik.slice(10, 12)}-${nik.slice(8, 10)}-${String(Number(nik.slice(6, 8)) % 40).padStart(2, "0")}`;
  const participant = await db().participant.upsert({
    where: { nik },
    create: { nik, fullName: "Rahmat Hidayat", birthDate: new Date(`${birth}T00:00:00Z`), sex: Number(nik.slice(6, 8)) > 40 ? "P" : "L", phone: "+6281234567890" },
    update: {},
    select: { id: true },
  });
  const months = Array.from({ length: options.monthsInAdvance ?? 1 }, (_, i) => addMonths(month, i));
  const enrolment = await db().enrolment.create({
    data: {
      submissionKey: randomUUID(),
      participantId: participant.id,
      penyalurId: officer.scope.penyalurId,
      penyalurOfficeId: officer.scope.penyalurOfficeId,
      officerId: officer.id,
      kantorCabangId: kc.id,
      status: "SUBMITTED",
      scheme: "KECIL",
      plafon: 150_000_000,
      declaredIncome,
      tierTableVersion: first.tierTableVersion,
      tierIndex: first.tierIndex,
      tierBasis: first.tierBasis,
      jht,
      mandateStatus: decision.status,
      mandateRuleId: decision.ruleId,
      mandateRuleVersion: decision.ruleVersion,
      mandateLegalBasis: auditText(decision.legalBasis),
      mandateExplanation: auditText(decision.explanation),
      mandateInputs: decision.inputs,
      monthsInAdvance: months.length,
      submittedAt,
      contributionLines: {
        create: months.map((m) => contributionLineColumns({ declaredIncome, jht, sector: "OTHER", fundedByBudget: false }, m)),
      },
    },
    select: { id: true, version: true },
  });
  await db().auditEvent.create({
    data: { actorId: officer.id, action: "enrolment.submit", entityType: "Enrolment", entityId: enrolment.id, after: { status: "SUBMITTED" } },
  });
  return { id: enrolment.id, nik, version: enrolment.version };
}

/** A second reviewer of the same Kantor Cabang (for two-reviewer races). */
export async function extraReviewer(kantorCabangCode = "KC-BANDUNG-SUCI"): Promise<Actor> {
  const kc = await db().kantorCabang.findUniqueOrThrow({ where: { code: kantorCabangCode }, select: { id: true } });
  const email = `verifikator2.${kantorCabangCode.toLowerCase()}@test.lindungikur.id`;
  const user = await db().user.upsert({
    where: { email },
    create: { email, name: "Verifikator Kedua", role: "BRANCH_REVIEWER", passwordHash: "x", kantorCabangId: kc.id },
    update: {},
    select: { id: true },
  });
  const actor = await loadActor(user.id);
  if (!actor) throw new Error("extra reviewer has no scope");
  return actor;
}

export async function auditCount(enrolmentId: string, action?: string): Promise<number> {
  return db().auditEvent.count({ where: { entityType: "Enrolment", entityId: enrolmentId, ...(action ? { action } : {}) } });
}
