import "server-only";
import { isUuid } from "@/lib/search-params";
import { AppError, fieldError } from "@/lib/action/errors";
import { db, type Prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { translator } from "@/lib/i18n/translator";
import type { Locale } from "@/lib/rules";
import type { EnrolmentInput } from "@/lib/enrolment/schema";
import {
  decide,
  enrolmentColumns,
  findByLoanNumber,
  isUniqueViolation,
  mandateDecisionRow,
  officerScope,
  participantColumns,
} from "@/lib/enrolment/mutations/shared";

// Correction of a returned enrolment

/**
 * Resubmits a RETURNED enrolment with the officer's corrections (docs/decisions/0009-enrolment-lifecycle.md §1 and §3): status
 * SUBMITTED, version + 1, the mandate decided again, the unpaid (DUE) lines re-priced from the
 * corrected data, the reviewer's return reason cleared (the history keeps it), and an
 * "enrolment.resubmit" AuditEvent with what changed — one transaction, written only if the version
 * is still the one the form was opened with.
 *
 * Participant data (docs/decisions/0006-participant-data.md): corrected here only when this
 * enrolment is the participant's only one (the data was typed for it); otherwise the participant is
 * shared with other enrolments and stays as stored. The NIK never changes.
 */
export async function resubmitEnrolment(
  actor: Actor,
  enrolmentId: string,
  expectedVersion: number,
  input: EnrolmentInput,
  now: Date,
  locale: Locale = "id",
): Promise<{ enrolmentId: string; version: number }> {
  const scope = officerScope(actor, "enrolment:correct");
  if (!isUuid(enrolmentId)) throw new AppError("NOT_FOUND");
  const current = await db().enrolment.findFirst({
    where: { id: enrolmentId, penyalurOfficeId: scope.penyalurOfficeId },
    select: {
      id: true,
      status: true,
      version: true,
      returnReason: true,
      scheme: true,
      plafon: true,
      declaredIncome: true,
      jht: true,
      loanNumber: true,
      monthsInAdvance: true,
      kantorCabangId: true,
      mandateStatus: true,
      participantId: true,
      participant: { select: { nik: true, _count: { select: { enrolments: true } } } },
    },
  });
  if (!current) throw new AppError("NOT_FOUND");
  if (current.status !== "RETURNED") throw new AppError("INVALID_STATE", { message: "notCorrectable" });
  if (current.version !== expectedVersion) throw new AppError("CONFLICT", { message: "enrolmentConflict" });
  if (input.nik !== current.participant.nik) throw fieldError({ nik: [translator(locale)("eform.validation.nikFixed")] });
  await findByLoanNumber(db(), actor, scope.penyalurId, input.loanNumber, input.nik, locale, current.id);

  const ctx = await decide(actor, input, now, locale);
  const participantEditable = current.participant._count.enrolments === 1;

  try {
    return await db().$transaction(async (tx) => {
      const updated = await tx.enrolment.updateMany({
        where: { id: current.id, version: expectedVersion, status: "RETURNED" },
        data: {
          ...enrolmentColumns(input, ctx, now),
          status: "SUBMITTED",
          version: { increment: 1 },
          // The enrolling officer stays on record; who corrected it is the audit row's actor.
          returnReason: null,
        },
      });
      if (updated.count === 0) throw new AppError("CONFLICT", { message: "enrolmentConflict" });

      let participantBefore: Record<string, unknown> | null = null;
      if (participantEditable && input.participant) {
        participantBefore = await tx.participant.findUniqueOrThrow({
          where: { id: current.participantId },
          select: { fullName: true, birthPlace: true, birthDate: true, sex: true, motherMaidenName: true, phone: true, email: true, addressProvinceCode: true, addressRegency: true, addressDistrict: true, addressStreet: true },
        });
        await tx.participant.update({ where: { id: current.participantId }, data: participantColumns(input.participant) });
      }

      // No contribution line to re-price: the months are planned again from the approval month when it
      // comes (docs/decisions/0011-cover-lifecycle.md §1), so a resubmission moves nothing into the past.
      await tx.mandateDecisionRecord.create({ data: mandateDecisionRow(current.id, "RESUBMISSION", ctx.decision, ctx.today, actor.id) });

      await tx.auditEvent.create({
        data: {
          actorId: actor.id,
          action: "enrolment.resubmit",
          entityType: "Enrolment",
          entityId: current.id,
          before: {
            status: "RETURNED",
            version: current.version,
            returnReason: current.returnReason,
            scheme: current.scheme,
            plafon: current.plafon,
            declaredIncome: current.declaredIncome,
            jht: current.jht,
            loanNumber: current.loanNumber,
            monthsInAdvance: current.monthsInAdvance,
            mandateStatus: current.mandateStatus,
            ...(participantBefore ? { participant: participantBefore as Prisma.InputJsonValue } : {}),
          },
          after: {
            status: "SUBMITTED",
            version: current.version + 1,
            scheme: input.scheme,
            plafon: input.plafon,
            declaredIncome: input.declaredIncome,
            jht: input.jht,
            loanNumber: input.loanNumber,
            monthsInAdvance: input.monthsInAdvance,
            mandate: { status: ctx.decision.status, ruleId: ctx.decision.ruleId, ruleVersion: ctx.decision.ruleVersion },
            participantCorrected: participantBefore !== null,
            consentTextVersion: input.consentTextVersion,
          },
        },
      });
      return { enrolmentId: current.id, version: current.version + 1 };
    });
  } catch (error) {
    if (isUniqueViolation(error, "loanNumber")) throw fieldError({ loanNumber: [translator(locale)("eform.validation.loanOtherDebtor")] });
    throw error;
  }
}
