/**
 * Fixtures for the review tests (issue #5): a submitted enrolment made the way the portal makes
 * one — the e-form's own validation and submit mutation (validateEnrolment + submitEnrolment),
 * at `submittedAt` — so that the fixture can never drift from what the submit really writes.
 */
import type { Actor } from "@/lib/auth/data";
import { loadActor } from "@/lib/auth/data";
import { db } from "@/lib/db";
import { randomUUID } from "node:crypto";
import { correctionForActor } from "@/lib/enrolment/data";
import { resubmitEnrolment, submitEnrolment } from "@/lib/enrolment/mutations";
import { validateEnrolment } from "@/lib/enrolment/schema";
import { todayInZone } from "@/lib/rules";
import { uniqueNik } from "./db";
import { ATTESTED, eformFields } from "./eform";

export interface SubmittedFixture {
  id: string;
  nik: string;
  version: number;
}

const rupiah = new Intl.NumberFormat("id-ID");

/** A KUR kecil of Rp150.000.000 for a Bandung debtor (sector OTHER), submitted by `officer`. */
export async function submittedEnrolment(
  officer: Actor,
  options: { kantorCabangCode?: string; submittedAt?: Date; monthsInAdvance?: number; declaredIncome?: number; jht?: boolean; nik?: string; form?: Record<string, string> } = {},
): Promise<SubmittedFixture> {
  if (officer.scope.kind !== "PENYALUR_OFFICE") throw new Error("fixture needs a bank officer");
  const submittedAt = options.submittedAt ?? new Date();
  const nik = options.nik ?? uniqueNik();
  const kc = await db().kantorCabang.findUniqueOrThrow({
    where: { code: options.kantorCabangCode ?? "KC-BANDUNG-SUCI" },
    select: { id: true, timeZone: true },
  });
  const today = todayInZone(submittedAt, kc.timeZone);
  const day = Number(nik.slice(6, 8));
  const fields = eformFields(today, {
    nik,
    fullName: "Rahmat Hidayat",
    birthDate: `19${nik.slice(10, 12)}-${nik.slice(8, 10)}-${String(day % 40).padStart(2, "0")}`,
    sex: day > 40 ? "P" : "L",
    kantorCabangId: kc.id,
    declaredIncome: rupiah.format(options.declaredIncome ?? 1_000_000),
    monthsInAdvance: String(options.monthsInAdvance ?? 1),
    ...options.form,
  });
  if (!(options.jht ?? false)) delete fields.jht;
  const form = validateEnrolment(fields, today);
  if (!form.ok) throw new Error(`fixture e-form is invalid: ${JSON.stringify(form.errors)}`);
  const { enrolmentId } = await submitEnrolment(officer, form.data, submittedAt);
  const { version } = await db().enrolment.findUniqueOrThrow({ where: { id: enrolmentId }, select: { version: true } });
  return { id: enrolmentId, nik, version };
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

/**
 * The officer corrects a RETURNED enrolment as the correction page does (its values, `changes`, the
 * attestations and consent ticked again, a fresh submission key) and resubmits it.
 */
export async function resubmitCorrected(officer: Actor, enrolmentId: string, changes: Record<string, string>, now = new Date()): Promise<void> {
  const correction = await correctionForActor(officer, enrolmentId);
  if (!correction) throw new Error("no correction for this officer");
  const form = validateEnrolment(
    {
      ...correction.values,
      ...changes,
      ...ATTESTED,
      submissionKey: randomUUID(),
    },
    todayInZone(now, officer.timeZone),
    { existingParticipant: !correction.participantEditable },
  );
  if (!form.ok) throw new Error(`correction is invalid: ${JSON.stringify(form.errors)}`);
  await resubmitEnrolment(officer, enrolmentId, correction.version, form.data, now);
}
