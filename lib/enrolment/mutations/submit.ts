import "server-only";
import { AppError, fieldError } from "@/lib/action/errors";
import { isDatabaseUnavailable } from "@/lib/action/faults";
import { db } from "@/lib/db";
import { recordEvent } from "@/lib/events";
import type { Actor } from "@/lib/auth/data";
import { translator } from "@/lib/i18n/translator";
import type { Locale } from "@/lib/rules";
import { otherPenyalurActiveNames } from "@/lib/enrolment/data";
import type { EnrolmentInput } from "@/lib/enrolment/schema";
import {
  decide,
  enrolmentColumns,
  findByLoanNumber,
  findBySubmissionKey,
  isUniqueViolation,
  mandateDecisionRow,
  officerScope,
  participantColumns,
  type SubmitResult,
} from "@/lib/enrolment/mutations/shared";

/**
 * Where a submission came from: the e-form (an officer typed it) or the host-to-host API (a bank's
 * system sent it with an API key, docs/api.md). Both go through this one mutation, so the same
 * rules, transaction, audit row and scope apply; the origin is only written into the audit row.
 */
export type SubmitOrigin = { channel: "EFORM" } | { channel: "API"; apiKeyId: string };

/**
 * Submits an e-form (or the same fields through POST /api/v1/enrolments): decides the mandate and writes Participant (only for a NIK not yet registered),
 * Enrolment (with the `monthsInAdvance` planned) and AuditEvent, and deletes the
 * draft with the same submission key, in one transaction. Idempotent twice over: the same
 * submission key, and the same loan number at the same penyalur, return the existing enrolment —
 * also when the two requests race (the unique constraints decide, then the loser reads the winner).
 */
export async function submitEnrolment(
  actor: Actor,
  input: EnrolmentInput,
  now: Date,
  locale: Locale = "id",
  origin: SubmitOrigin = { channel: "EFORM" },
): Promise<SubmitResult> {
  try {
    return await submitOnce(actor, input, now, locale, origin);
  } catch (error) {
    // A connection the pool handed out had died with the database (a restart, a failover): tried once
    // more on a fresh one. Safe by the submission key: if the lost attempt had committed, the retry
    // finds that enrolment instead of writing another. Still unreachable: the fault goes to the caller.
    if (!isDatabaseUnavailable(error)) throw error;
    await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_MS));
    return submitOnce(actor, input, now, locale, origin);
  }
}

const RETRY_AFTER_MS = 250;

async function submitOnce(actor: Actor, input: EnrolmentInput, now: Date, locale: Locale, origin: SubmitOrigin): Promise<SubmitResult> {
  const scope = officerScope(actor);
  const resent = await findBySubmissionKey(db(), actor, input.submissionKey);
  if (resent) return resent;
  const sameLoan = await findByLoanNumber(db(), actor, scope.penyalurId, input.loanNumber, input.nik, locale);
  if (sameLoan) {
    // This very form, committed by a concurrent resend between the two reads above: a resend.
    const committedMeanwhile = await findBySubmissionKey(db(), actor, input.submissionKey);
    if (committedMeanwhile) return committedMeanwhile;
    await db().enrolmentDraft.deleteMany({ where: { submissionKey: input.submissionKey, penyalurOfficeId: scope.penyalurOfficeId } });
    return sameLoan;
  }

  const ctx = await decide(actor, input, now, locale);
  // No contribution line yet: cover starts at approval, which writes the planned months from its own
  // month (docs/decisions/0011-cover-lifecycle.md §1).

  try {
    return await db().$transaction(async (tx) => {
      let participantId: string;
      if (input.participant) {
        // ON CONFLICT DO NOTHING (skipDuplicates): a concurrent enrolment of the same new NIK must not
        // fail with a 500, and the row it wrote must not be overwritten. One statement writes it all.
        const inserted = await tx.participant.createManyAndReturn({
          data: [{ nik: input.nik, ...participantColumns(input.participant) }],
          skipDuplicates: true,
          select: { id: true },
        });
        if (inserted[0]) {
          participantId = inserted[0].id;
        } else {
          // Someone registered this NIK meanwhile: perhaps this very form (a double click).
          const again = await findBySubmissionKey(tx, actor, input.submissionKey);
          if (again) return again;
          const loan = await findByLoanNumber(tx, actor, scope.penyalurId, input.loanNumber, input.nik, locale);
          if (loan) return loan;
          throw new AppError("CONFLICT", { message: "participantRegistered" });
        }
      } else {
        const stored = await tx.participant.findUnique({ where: { nik: input.nik }, select: { id: true } });
        if (!stored) throw fieldError({ nik: [translator(locale)("eform.validation.participantMissing")] });
        participantId = stored.id;
      }

      const otherPenyalur = await otherPenyalurActiveNames(tx, participantId, scope.penyalurId);
      const enrolment = await tx.enrolment.create({
        data: {
          submissionKey: input.submissionKey,
          participantId,
          penyalurId: ctx.office.penyalurId,
          penyalurOfficeId: ctx.office.id,
          officerId: actor.id,
          status: "SUBMITTED",
          submittedAt: now,
          ...enrolmentColumns(input, ctx, now),
        },
        select: { id: true },
      });
      await tx.mandateDecisionRecord.create({ data: mandateDecisionRow(enrolment.id, "SUBMISSION", ctx.decision, ctx.today, actor.id) });
      await tx.enrolmentDraft.deleteMany({ where: { submissionKey: input.submissionKey, penyalurOfficeId: scope.penyalurOfficeId } });
      await tx.auditEvent.create({
        data: {
          actorId: actor.id,
          action: "enrolment.submit",
          entityType: "Enrolment",
          entityId: enrolment.id,
          after: {
            status: "SUBMITTED",
            scheme: input.scheme,
            plafon: input.plafon,
            loanNumber: input.loanNumber,
            participantReused: input.participant === null,
            mandate: { status: ctx.decision.status, ruleId: ctx.decision.ruleId, ruleVersion: ctx.decision.ruleVersion },
            monthsInAdvance: input.monthsInAdvance,
            consentTextVersion: input.consentTextVersion,
            // What the officer was warned about: active enrolments of this NIK at other penyalur.
            otherPenyalurActive: otherPenyalur,
            ...(origin.channel === "API" ? { channel: "API", apiKeyId: origin.apiKeyId } : {}),
          },
        },
      });
      // The bank's systems hear of it (webhook, change feed) only if this commits (lib/events).
      await recordEvent(tx, {
        type: "enrolment.submitted",
        penyalurId: ctx.office.penyalurId,
        enrolmentId: enrolment.id,
        payload: { status: "SUBMITTED", loanNumber: input.loanNumber, mandate: ctx.decision.status, channel: origin.channel },
      });
      return { enrolmentId: enrolment.id, duplicate: false as const };
    });
  } catch (error) {
    // The same form, or the same loan number, arrived twice at once: the other request's enrolment is the answer.
    if (isUniqueViolation(error, "submissionKey")) {
      const existing = await findBySubmissionKey(db(), actor, input.submissionKey);
      if (existing) return existing;
    }
    if (isUniqueViolation(error, "loanNumber")) {
      const existing = await findByLoanNumber(db(), actor, scope.penyalurId, input.loanNumber, input.nik, locale);
      if (existing) return existing;
    }
    throw error;
  }
}
