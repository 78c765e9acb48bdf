import "server-only";
import { auditText, ruleMessage, rulesTranslator } from "@/lib/i18n/rules";
import { AppError, fieldError } from "@/lib/action/errors";
import { db, Prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { can, type Action } from "@/lib/auth/permissions";
import { penyalurOfficeOf } from "@/lib/auth/scope";
import { translator } from "@/lib/i18n/translator";
import { evaluateMandate, monthOf, todayInZone, type Locale, type MandateDecision } from "@/lib/rules";
import { phaseRulesFor } from "@/lib/enrolment/data";
import { advanceContributions } from "@/lib/enrolment/pricing";
import type { EnrolmentInput } from "@/lib/enrolment/schema";

// What submit and resubmit share: the officer's scope, the duplicate checks, the server's decision
// and the columns written from the form. Expected failures are AppErrors (lib/action/errors.ts).

export interface SubmitResult {
  enrolmentId: string;
  /**
   * Why an existing enrolment was returned instead of a new one: the same form arrived again
   * (double click, resend) or the same loan number was submitted again at this penyalur.
   */
  duplicate: false | "submissionKey" | "loanNumber";
}

export function isUniqueViolation(error: unknown, target: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  return JSON.stringify(error.meta ?? {}).includes(target);
}

/** The officer's own office and penyalur; any other role may not write here at all. */
export function officerScope(actor: Actor, action: Action = "enrolment:create") {
  const own = penyalurOfficeOf(actor, action);
  if (!own) throw new AppError("FORBIDDEN");
  return own;
}

export type Db = ReturnType<typeof db> | Prisma.TransactionClient;

export async function findBySubmissionKey(client: Db, actor: Actor, submissionKey: string): Promise<SubmitResult | null> {
  const existing = await client.enrolment.findUnique({
    where: { submissionKey },
    select: { id: true, penyalurOfficeId: true },
  });
  if (!existing) return null;
  // A key is a random UUID handed to one form; another office presenting it is not a resend.
  if (!can(actor, "enrolment:create", { penyalurOfficeId: existing.penyalurOfficeId })) throw new AppError("FORBIDDEN");
  return { enrolmentId: existing.id, duplicate: "submissionKey" };
}

/**
 * The enrolment already holding this loan number at this penyalur. The same number for the same
 * debtor at the officer's own office is a resubmission (back button, a second tab): it returns that
 * enrolment. The same number at another office, or for another debtor, is a mistake to fix.
 */
export async function findByLoanNumber(
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
    throw fieldError({ loanNumber: [translator(locale)("eform.validation.loanOtherOffice", { office: existing.penyalurOffice.name })] });
  }
  if (existing.participant.nik !== nik || exceptEnrolmentId) {
    throw fieldError({ loanNumber: [translator(locale)("eform.validation.loanOtherDebtor")] });
  }
  return { enrolmentId: existing.id, duplicate: "loanNumber" };
}

export interface Context {
  office: { id: string; penyalurId: string; timeZone: string };
  kantorCabangId: string;
  decision: MandateDecision;
  today: string;
}

/** The office, the chosen BPJS branch and the mandate decision, all decided by the server. */
export async function decide(actor: Actor, input: EnrolmentInput, now: Date, locale: Locale): Promise<Context> {
  const scope = officerScope(actor);
  // The office is the actor's own, read with the actor on this request (lib/auth/data.ts loadActor):
  // its time zone is the actor's.
  const office = { id: scope.penyalurOfficeId, penyalurId: scope.penyalurId, timeZone: actor.timeZone };
  const [kantorCabang, phaseRules] = await Promise.all([
    db().kantorCabang.findUnique({ where: { id: input.kantorCabangId, retiredAt: null }, select: { id: true, provinceCode: true, kanwil: { select: { code: true } } } }),
    phaseRulesFor(office.penyalurId),
  ]);
  if (!kantorCabang) throw fieldError({ kantorCabangId: [translator(locale)("eform.validation.branchMissing")] });
  const today = todayInZone(now, office.timeZone);
  const decision = evaluateMandate({
    scheme: input.scheme,
    plafon: input.plafon,
    date: today,
    penyalurId: office.penyalurId,
    kanwilCode: kantorCabang.kanwil.code,
    provinceCode: kantorCabang.provinceCode,
    phaseRules,
  });
  if (decision.status === "OUT_OF_SCOPE") {
    throw fieldError({ scheme: [ruleMessage(rulesTranslator(locale), decision.explanation)] });
  }
  return { office, kantorCabangId: kantorCabang.id, decision, today };
}

export const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The Enrolment columns that come from the form and the decision (the same on submit and resubmit). */
export function enrolmentColumns(input: EnrolmentInput, ctx: Context, now: Date) {
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
    ...mandateColumns(d),
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
    priorMikroCount: input.priorMikroCount,
    priorKecilCount: input.priorKecilCount,
    outstandingMikro: input.outstandingMikro,
    employsWorkers: input.employsWorkers,
    workerCount: input.workerCount,
    npwp: input.npwp,
    monthsInAdvance: input.monthsInAdvance,
    autoDebitConsent: input.autoDebitConsent,
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

export function participantColumns(p: NonNullable<EnrolmentInput["participant"]>) {
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

/** A decision as stored: the audit words (Indonesian) next to the codes, version and inputs. */
function storedDecision(d: MandateDecision) {
  const requiredFrom = d.requiredFrom ? day(d.requiredFrom) : null;
  const words = { legalBasis: auditText(d.legalBasis), explanation: auditText(d.explanation) };
  return { status: d.status, ruleId: d.ruleId, ruleVersion: d.ruleVersion, ...words, inputs: d.inputs as Prisma.InputJsonValue, requiredFrom };
}

/** The Enrolment's columns of the decision in force. */
export function mandateColumns(d: MandateDecision) {
  const s = storedDecision(d);
  return { mandateStatus: s.status, mandateRuleId: s.ruleId, mandateRuleVersion: s.ruleVersion, mandateLegalBasis: s.legalBasis, mandateExplanation: s.explanation, mandateInputs: s.inputs, mandateRequiredFrom: s.requiredFrom };
}

/**
 * The append-only history row of a mandate decision (docs/regulation.md §2.3): each decision keeps the
 * rule version it was taken under, whatever the Enrolment's columns say later.
 */
export function mandateDecisionRow(
  enrolmentId: string,
  occasion: "SUBMISSION" | "RESUBMISSION" | "CLEARANCE" | "PHASE_RULE",
  decision: MandateDecision,
  decidedOn: string,
  actorId: string | null,
) {
  return { enrolmentId, occasion, decidedOn: day(decidedOn), actorId, ...storedDecision(decision) };
}
