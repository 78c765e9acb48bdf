import "server-only";
import { db, Prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { can } from "@/lib/auth/roles";
import {
  contributionForMonth,
  evaluateMandate,
  monthOf,
  todayInZone,
} from "@/lib/rules";
import { phaseRulesFor } from "@/lib/enrolment/data";
import type { EnrolmentInput, FieldErrors } from "@/lib/enrolment/schema";

/** A problem the officer can fix, reported on a form field. */
export class EnrolmentFieldError extends Error {
  constructor(readonly errors: FieldErrors) {
    super("enrolment field error");
  }
}

/** The actor may not do this at all (role or scope). */
export class NotAllowedError extends Error {}

export interface SubmitResult {
  enrolmentId: string;
  /** True when this submission had already been received (double click, resend). */
  duplicate: boolean;
}

function isUniqueViolation(error: unknown, target: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  const meta = JSON.stringify(error.meta ?? {});
  return meta.includes(target);
}

async function findBySubmissionKey(actor: Actor, submissionKey: string): Promise<SubmitResult | null> {
  const existing = await db().enrolment.findUnique({
    where: { submissionKey },
    select: { id: true, penyalurOfficeId: true },
  });
  if (!existing) return null;
  // A key is a random UUID handed to one form; another office presenting it is not a resend.
  if (actor.scope.kind !== "PENYALUR_OFFICE" || existing.penyalurOfficeId !== actor.scope.penyalurOfficeId) {
    throw new NotAllowedError("submission key belongs to another office");
  }
  return { enrolmentId: existing.id, duplicate: true };
}

/**
 * Submits an e-form: decides the mandate, prices the first month and writes Participant,
 * Enrolment, ContributionLine and AuditEvent in one transaction. Idempotent on the form's
 * submission key: a second identical submission, even a concurrent one, returns the first enrolment.
 */
export async function submitEnrolment(actor: Actor, input: EnrolmentInput, now: Date): Promise<SubmitResult> {
  if (!can(actor.role, "enrolment:create") || actor.scope.kind !== "PENYALUR_OFFICE") {
    throw new NotAllowedError("only bank officers enrol debtors");
  }
  const scope = actor.scope;

  const resent = await findBySubmissionKey(actor, input.submissionKey);
  if (resent) return resent;

  const [office, kantorCabang] = await Promise.all([
    db().penyalurOffice.findUniqueOrThrow({
      where: { id: scope.penyalurOfficeId },
      select: { id: true, penyalurId: true, timeZone: true },
    }),
    db().kantorCabang.findUnique({
      where: { id: input.kantorCabangId },
      select: { id: true, kanwil: { select: { code: true } } },
    }),
  ]);
  if (!kantorCabang) {
    throw new EnrolmentFieldError({ kantorCabangId: ["Kantor Cabang tidak ditemukan. Pilih dari daftar."] });
  }

  const today = todayInZone(now, office.timeZone);
  const phaseRules = await phaseRulesFor(office.penyalurId);
  const decision = evaluateMandate({
    scheme: input.scheme,
    plafon: input.plafon,
    date: today,
    penyalurId: office.penyalurId,
    kanwilCode: kantorCabang.kanwil.code,
    phaseRules,
  });
  if (decision.status === "OUT_OF_SCOPE") {
    throw new EnrolmentFieldError({ scheme: [decision.explanation] });
  }

  const month = monthOf(today);
  const quote = contributionForMonth({ declaredIncome: input.declaredIncome, jht: input.jht, sector: "OTHER", month });

  try {
    return await db().$transaction(async (tx) => {
      // ON CONFLICT: two officers (or two tabs) enrolling the same NIK at once both succeed.
      await tx.$executeRaw`
        insert into "Participant" (id, nik, "fullName", "birthDate", sex, phone, "createdAt", "updatedAt")
        values (gen_random_uuid(), ${input.nikInfo.nik}, ${input.fullName}, ${input.birthDate}::date,
                ${input.sex}::"Sex", ${input.phone}, now(), now())
        on conflict (nik) do nothing`;
      const participant = await tx.participant.findUniqueOrThrow({
        where: { nik: input.nikInfo.nik },
        select: { id: true },
      });

      const enrolment = await tx.enrolment.create({
        data: {
          submissionKey: input.submissionKey,
          participantId: participant.id,
          penyalurId: office.penyalurId,
          penyalurOfficeId: office.id,
          officerId: actor.id,
          kantorCabangId: kantorCabang.id,
          status: "SUBMITTED",
          scheme: input.scheme,
          plafon: input.plafon,
          declaredIncome: input.declaredIncome,
          sector: "OTHER",
          fundedByBudget: false,
          tierTableVersion: quote.tierTableVersion,
          tierIndex: quote.tierIndex,
          tierBasis: quote.tierBasis,
          jht: input.jht,
          mandateStatus: decision.status,
          mandateRuleId: decision.ruleId,
          mandateRuleVersion: decision.ruleVersion,
          mandateLegalBasis: decision.legalBasis,
          mandateExplanation: decision.explanation,
          mandateInputs: decision.inputs,
          mandateRequiredFrom: decision.requiredFrom ? new Date(`${decision.requiredFrom}T00:00:00Z`) : null,
          submittedAt: now,
        },
        select: { id: true },
      });

      await tx.contributionLine.create({
        data: {
          enrolmentId: enrolment.id,
          month: new Date(`${quote.month}-01T00:00:00Z`),
          tierTableVersion: quote.tierTableVersion,
          tierBasis: quote.tierBasis,
          jkkGross: quote.gross.jkk,
          jkmGross: quote.gross.jkm,
          jhtGross: quote.gross.jht,
          jkk: quote.jkk,
          jkm: quote.jkm,
          jht: quote.jht,
          discount: quote.discount,
          reliefRuleId: quote.reliefRuleId,
          total: quote.total,
          dueDate: new Date(`${quote.dueDate}T00:00:00Z`),
        },
      });

      await tx.auditEvent.create({
        data: {
          actorId: actor.id,
          action: "ENROLMENT_SUBMITTED",
          entityType: "Enrolment",
          entityId: enrolment.id,
          after: {
            status: "SUBMITTED",
            scheme: input.scheme,
            plafon: input.plafon,
            mandate: { status: decision.status, ruleId: decision.ruleId, ruleVersion: decision.ruleVersion },
            firstMonth: { month: quote.month, total: quote.total, reliefRuleId: quote.reliefRuleId },
          },
        },
      });
      return { enrolmentId: enrolment.id, duplicate: false };
    });
  } catch (error) {
    // The same form arrived twice at once: the other request's enrolment is the answer.
    if (isUniqueViolation(error, "submissionKey")) {
      const existing = await findBySubmissionKey(actor, input.submissionKey);
      if (existing) return existing;
    }
    throw error;
  }
}
