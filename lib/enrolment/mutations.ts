import "server-only";
import { isUuid } from "@/lib/search-params";
import { contributionLineColumns } from "@/lib/enrolment/lines";
import { db, Prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { can } from "@/lib/auth/permissions";
import { addMonths, evaluateMandate, monthOf, todayInZone, type Locale, type MandateDecision } from "@/lib/rules";
import { otherPenyalurActiveNames, phaseRulesFor } from "@/lib/enrolment/data";
import { auditText, ruleMessage, rulesTranslator } from "@/lib/i18n/rules";
import { advanceContributions } from "@/lib/enrolment/pricing";
import { draftLabel, type EnrolmentInput, type FieldErrors } from "@/lib/enrolment/schema";

/** A problem the officer can fix, reported on a form field. */
export class EnrolmentFieldError extends Error {
  constructor(readonly errors: FieldErrors) {
    super("enrolment field error");
  }
}

/** The actor may not do this at all (role or scope). */
export class NotAllowedError extends Error {}

/** The record does not exist or lies outside the actor's scope: the caller answers 404. */
export class NotFoundError extends Error {}

/** Someone else changed the enrolment since the form was opened (optimistic concurrency). */
export class VersionConflictError extends Error {}

/** Only a RETURNED enrolment can be corrected and resubmitted (contract point 1). */
export class NotCorrectableError extends Error {}

/**
 * The NIK turned out to be a registered participant while the officer typed a new one's data (two
 * officers enrolling the same new debtor at once). The stored data is never overwritten: the form
 * comes back showing it, and the officer submits again.
 */
export class ParticipantExistsError extends Error {}

export interface SubmitResult {
  enrolmentId: string;
  /**
   * Why an existing enrolment was returned instead of a new one: the same form arrived again
   * (double click, resend) or the same loan number was submitted again at this penyalur.
   */
  duplicate: false | "submissionKey" | "loanNumber";
}

const T = {
  id: {
    branchMissing: "Kantor Cabang tidak ditemukan. Pilih dari daftar.",
    loanOtherOffice: (office: string) => `Nomor pinjaman ini sudah didaftarkan oleh kantor lain (${office}).`,
    loanOtherDebtor: "Nomor pinjaman ini sudah dipakai untuk pendaftaran debitur lain. Periksa nomornya.",
    participantMissing: "Data peserta untuk NIK ini tidak ditemukan. Muat ulang formulir dan isi data debitur.",
    nikFixed: "NIK tidak dapat diubah dalam perbaikan. Bila NIK salah, minta verifikator menolak pendaftaran ini.",
  },
  en: {
    branchMissing: "Branch not found. Choose one from the list.",
    loanOtherOffice: (office: string) => `This loan number was already enrolled by another office (${office}).`,
    loanOtherDebtor: "This loan number is already used by another debtor's enrolment. Check the number.",
    participantMissing: "No participant data found for this NIK. Reload the form and enter the debtor's data.",
    nikFixed: "The NIK cannot be changed in a correction. If it is wrong, ask the reviewer to reject this enrolment.",
  },
} satisfies Record<Locale, unknown>;

function isUniqueViolation(error: unknown, target: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  return JSON.stringify(error.meta ?? {}).includes(target);
}

function officerScope(actor: Actor) {
  if (!can(actor, "enrolment:create") || actor.scope.kind !== "PENYALUR_OFFICE") {
    throw new NotAllowedError("only bank officers enrol debtors");
  }
  return actor.scope;
}

type Db = ReturnType<typeof db> | Prisma.TransactionClient;

async function findBySubmissionKey(client: Db, actor: Actor, submissionKey: string): Promise<SubmitResult | null> {
  const existing = await client.enrolment.findUnique({
    where: { submissionKey },
    select: { id: true, penyalurOfficeId: true },
  });
  if (!existing) return null;
  // A key is a random UUID handed to one form; another office presenting it is not a resend.
  if (actor.scope.kind !== "PENYALUR_OFFICE" || existing.penyalurOfficeId !== actor.scope.penyalurOfficeId) {
    throw new NotAllowedError("submission key belongs to another office");
  }
  return { enrolmentId: existing.id, duplicate: "submissionKey" };
}

/**
 * The enrolment already holding this loan number at this penyalur. The same number for the same
 * debtor at the officer's own office is a resubmission (back button, a second tab): it returns that
 * enrolment. The same number at another office, or for another debtor, is a mistake to fix.
 */
async function findByLoanNumber(
  client: Db,
  actor: Actor,
  penyalurId: string,
  loanNumber: string,
  nik: string,
  locale: Locale,
  exceptEnrolmentId?: string,
): Promise<SubmitResult | null> {
  const existing = await client.enrolment.findUnique({
    where: { penyalurId_loanNumber: { penyalurId, loanNumber } },
    select: { id: true, penyalurOfficeId: true, penyalurOffice: { select: { name: true } }, participant: { select: { nik: true } } },
  });
  if (!existing || existing.id === exceptEnrolmentId) return null;
  const scope = officerScope(actor);
  if (existing.penyalurOfficeId !== scope.penyalurOfficeId) {
    throw new EnrolmentFieldError({ loanNumber: [T[locale].loanOtherOffice(existing.penyalurOffice.name)] });
  }
  if (existing.participant.nik !== nik || exceptEnrolmentId) {
    throw new EnrolmentFieldError({ loanNumber: [T[locale].loanOtherDebtor] });
  }
  return { enrolmentId: existing.id, duplicate: "loanNumber" };
}

interface Context {
  office: { id: string; penyalurId: string; timeZone: string };
  kantorCabangId: string;
  decision: MandateDecision;
  today: string;
}

/** The office, the chosen BPJS branch and the mandate decision, all decided by the server. */
async function decide(actor: Actor, input: EnrolmentInput, now: Date, locale: Locale): Promise<Context> {
  const scope = officerScope(actor);
  const [office, kantorCabang] = await Promise.all([
    db().penyalurOffice.findUniqueOrThrow({
      where: { id: scope.penyalurOfficeId },
      select: { id: true, penyalurId: true, timeZone: true },
    }),
    db().kantorCabang.findUnique({ where: { id: input.kantorCabangId }, select: { id: true, kanwil: { select: { code: true } } } }),
  ]);
  if (!kantorCabang) throw new EnrolmentFieldError({ kantorCabangId: [T[locale].branchMissing] });
  const today = todayInZone(now, office.timeZone);
  const decision = evaluateMandate({
    scheme: input.scheme,
    plafon: input.plafon,
    date: today,
    penyalurId: office.penyalurId,
    kanwilCode: kantorCabang.kanwil.code,
    phaseRules: await phaseRulesFor(office.penyalurId),
  });
  if (decision.status === "OUT_OF_SCOPE") {
    throw new EnrolmentFieldError({ scheme: [ruleMessage(rulesTranslator(locale), decision.explanation)] });
  }
  return { office, kantorCabangId: kantorCabang.id, decision, today };
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The Enrolment columns that come from the form and the decision (the same on submit and resubmit). */
function enrolmentColumns(input: EnrolmentInput, ctx: Context, now: Date) {
  const tier = advanceContributions({ declaredIncome: input.declaredIncome, jht: input.jht, sector: input.bpuSector, firstMonth: monthOf(ctx.today), months: 1 }).lines[0]!;
  const d = ctx.decision;
  return {
    kantorCabangId: ctx.kantorCabangId,
    scheme: input.scheme,
    plafon: input.plafon,
    declaredIncome: input.declaredIncome,
    sector: input.bpuSector,
    fundedByBudget: false,
    tierTableVersion: tier.tierTableVersion,
    tierIndex: tier.tierIndex,
    tierBasis: tier.tierBasis,
    jht: input.jht,
    mandateStatus: d.status,
    mandateRuleId: d.ruleId,
    mandateRuleVersion: d.ruleVersion,
    mandateLegalBasis: auditText(d.legalBasis),
    mandateExplanation: auditText(d.explanation),
    mandateInputs: d.inputs as Prisma.InputJsonValue,
    mandateRequiredFrom: d.requiredFrom ? day(d.requiredFrom) : null,
    loanNumber: input.loanNumber,
    businessName: input.businessName,
    kbli: input.kbli,
    sectorGroup: input.sectorGroup,
    nib: input.nib,
    businessStartedOn: day(input.businessStartedOn),
    businessProvinceCode: input.businessProvinceCode,
    tenorMonths: input.tenorMonths,
    purpose: input.purpose,
    plannedDisbursementDate: day(input.plannedDisbursementDate),
    priorKurCount: input.priorKurCount,
    npwp: input.npwp,
    monthsInAdvance: input.monthsInAdvance,
    heirName: input.heirName,
    heirRelationship: input.heirRelationship,
    heirPhone: input.heirPhone,
    attestNikChecked: input.attestNikChecked,
    attestSlikChecked: input.attestSlikChecked,
    attestNoOtherKur: input.attestNoOtherKur,
    attestNpwpPresent: input.attestNpwpPresent,
    // Server time: the moment the consent reached the portal, not a time the browser claims.
    consentAt: now,
    consentTextVersion: input.consentTextVersion,
  };
}

/** ContributionLine rows for the given months, each priced for its own month. */
function lineRows(enrolmentId: string, input: EnrolmentInput, months: string[]) {
  const pricing = { declaredIncome: input.declaredIncome, jht: input.jht, sector: input.bpuSector, fundedByBudget: false };
  return months.map((month) => ({ enrolmentId, ...contributionLineColumns(pricing, month) }));
}

function participantColumns(p: NonNullable<EnrolmentInput["participant"]>) {
  return {
    fullName: p.fullName,
    birthPlace: p.birthPlace,
    birthDate: day(p.birthDate),
    sex: p.sex,
    motherMaidenName: p.motherMaidenName,
    phone: p.phone,
    email: p.email,
    addressProvinceCode: p.addressProvinceCode,
    addressRegency: p.addressRegency,
    addressDistrict: p.addressDistrict,
    addressStreet: p.addressStreet,
  };
}

/**
 * Submits an e-form: decides the mandate, prices `monthsInAdvance` months and writes Participant
 * (only for a NIK not yet registered), Enrolment, ContributionLine and AuditEvent, and deletes the
 * draft with the same submission key, in one transaction. Idempotent twice over: the same
 * submission key, and the same loan number at the same penyalur, return the existing enrolment —
 * also when the two requests race (the unique constraints decide, then the loser reads the winner).
 */
export async function submitEnrolment(actor: Actor, input: EnrolmentInput, now: Date, locale: Locale = "id"): Promise<SubmitResult> {
  const scope = officerScope(actor);
  const resent = await findBySubmissionKey(db(), actor, input.submissionKey);
  if (resent) return resent;
  const sameLoan = await findByLoanNumber(db(), actor, scope.penyalurId, input.loanNumber, input.nik, locale);
  if (sameLoan) {
    await db().enrolmentDraft.deleteMany({ where: { submissionKey: input.submissionKey, penyalurOfficeId: scope.penyalurOfficeId } });
    return sameLoan;
  }

  const ctx = await decide(actor, input, now, locale);
  const months = Array.from({ length: input.monthsInAdvance }, (_, i) => addMonths(monthOf(ctx.today), i));

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
          throw new ParticipantExistsError("participant registered meanwhile");
        }
      } else {
        const stored = await tx.participant.findUnique({ where: { nik: input.nik }, select: { id: true } });
        if (!stored) throw new EnrolmentFieldError({ nik: [T[locale].participantMissing] });
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
      const lines = lineRows(enrolment.id, input, months);
      await tx.contributionLine.createMany({ data: lines });
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
            months: lines.map((l) => ({ month: monthOf(l.month.toISOString().slice(0, 10)), total: l.total, reliefRuleId: l.reliefRuleId })),
            consentTextVersion: input.consentTextVersion,
            // What the officer was warned about: active enrolments of this NIK at other penyalur.
            otherPenyalurActive: otherPenyalur,
          },
        },
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

// ---------------------------------------------------------------------------------------------------
// Correction of a returned enrolment

/**
 * Resubmits a RETURNED enrolment with the officer's corrections (contract points 1 and 3): status
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
  const scope = officerScope(actor);
  if (!isUuid(enrolmentId)) throw new NotFoundError("bad id");
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
      contributionLines: { select: { month: true, status: true }, orderBy: { month: "asc" } },
    },
  });
  if (!current) throw new NotFoundError("enrolment not in scope");
  if (current.status !== "RETURNED") throw new NotCorrectableError(current.status);
  if (current.version !== expectedVersion) throw new VersionConflictError("stale form");
  if (input.nik !== current.participant.nik) throw new EnrolmentFieldError({ nik: [T[locale].nikFixed] });
  await findByLoanNumber(db(), actor, scope.penyalurId, input.loanNumber, input.nik, locale, current.id);

  const ctx = await decide(actor, input, now, locale);
  const participantEditable = current.participant._count.enrolments === 1;
  const firstMonth = current.contributionLines[0] ? monthOf(current.contributionLines[0].month.toISOString().slice(0, 10)) : monthOf(ctx.today);
  const paid = new Set(current.contributionLines.filter((l) => l.status === "PAID").map((l) => monthOf(l.month.toISOString().slice(0, 10))));
  const months = Array.from({ length: input.monthsInAdvance }, (_, i) => addMonths(firstMonth, i)).filter((m) => !paid.has(m));

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
      if (updated.count === 0) throw new VersionConflictError("changed meanwhile");

      let participantBefore: Record<string, unknown> | null = null;
      if (participantEditable && input.participant) {
        participantBefore = await tx.participant.findUniqueOrThrow({
          where: { id: current.participantId },
          select: { fullName: true, birthPlace: true, birthDate: true, sex: true, motherMaidenName: true, phone: true, email: true, addressProvinceCode: true, addressRegency: true, addressDistrict: true, addressStreet: true },
        });
        await tx.participant.update({ where: { id: current.participantId }, data: participantColumns(input.participant) });
      }

      // Re-price: unpaid lines go, the corrected months come back priced from the corrected data.
      await tx.contributionLine.deleteMany({ where: { enrolmentId: current.id, status: "DUE" } });
      const lines = lineRows(current.id, input, months);
      if (lines.length) await tx.contributionLine.createMany({ data: lines });

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
            repriced: lines.map((l) => ({ month: monthOf(l.month.toISOString().slice(0, 10)), total: l.total })),
            participantCorrected: participantBefore !== null,
            consentTextVersion: input.consentTextVersion,
          },
        },
      });
      return { enrolmentId: current.id, version: current.version + 1 };
    });
  } catch (error) {
    if (isUniqueViolation(error, "loanNumber")) throw new EnrolmentFieldError({ loanNumber: [T[locale].loanOtherDebtor] });
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------
// Drafts

export type SaveDraftResult = { kind: "draft"; draftId: string } | { kind: "submitted"; enrolmentId: string };

/**
 * Saves the form as typed (no validation beyond size and shape: lib/enrolment/schema.ts DraftData).
 * A draft belongs to the office (a colleague may finish it) and is keyed by the form's submission
 * key, so saving again updates it and submitting it deletes it. A form already submitted is not
 * saved again: the caller goes to its enrolment.
 */
export async function saveDraft(actor: Actor, submissionKey: string, values: Record<string, string>): Promise<SaveDraftResult> {
  const scope = officerScope(actor);
  const submitted = await findBySubmissionKey(db(), actor, submissionKey);
  if (submitted) return { kind: "submitted", enrolmentId: submitted.enrolmentId };
  const label = draftLabel(values);
  const data = values as Prisma.InputJsonValue;
  const update = () =>
    db().enrolmentDraft.updateMany({
      where: { submissionKey, penyalurOfficeId: scope.penyalurOfficeId },
      data: { data, label, officerId: actor.id },
    });
  const found = async () =>
    db().enrolmentDraft.findFirst({ where: { submissionKey, penyalurOfficeId: scope.penyalurOfficeId }, select: { id: true } });

  if ((await update()).count === 0) {
    try {
      const created = await db().enrolmentDraft.create({
        data: { submissionKey, penyalurOfficeId: scope.penyalurOfficeId, officerId: actor.id, data, label },
        select: { id: true },
      });
      return { kind: "draft", draftId: created.id };
    } catch (error) {
      // Saved twice at once: the other request created it; ours becomes an update. A key that
      // belongs to another office's draft is not ours to touch.
      if (!isUniqueViolation(error, "submissionKey")) throw error;
      if ((await update()).count === 0) throw new NotAllowedError("draft of another office");
    }
  }
  const draft = await found();
  if (!draft) throw new NotAllowedError("draft vanished");
  return { kind: "draft", draftId: draft.id };
}

/** Deletes a draft of the actor's office; false when there is none in scope (the caller answers 404). */
export async function deleteDraft(actor: Actor, draftId: string): Promise<boolean> {
  const scope = officerScope(actor);
  if (!isUuid(draftId)) return false;
  const { count } = await db().enrolmentDraft.deleteMany({ where: { id: draftId, penyalurOfficeId: scope.penyalurOfficeId } });
  return count > 0;
}

// ---------------------------------------------------------------------------------------------------
// NIK lookups

/**
 * Records that an officer looked up a registered participant by NIK from the e-form (UU 27/2022:
 * who saw whose personal data, and when). Nothing is written for an unknown NIK.
 */
export async function recordNikLookup(actor: Actor, nik: string): Promise<void> {
  officerScope(actor);
  const participant = await db().participant.findUnique({ where: { nik }, select: { id: true } });
  if (!participant) return;
  await db().auditEvent.create({
    data: { actorId: actor.id, action: "participant.lookup", entityType: "Participant", entityId: participant.id },
  });
}
