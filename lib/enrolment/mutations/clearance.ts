import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { enrolmentWhere } from "@/lib/auth/scope";
import { evaluateMandate, todayInZone, type MandateDecision, type MandateStatus } from "@/lib/rules";
import { phaseRulesFor } from "@/lib/enrolment/data";
import { mandateColumns, mandateDecisionRow } from "@/lib/enrolment/mutations/shared";

/**
 * The mandate decision the disbursement clearance uses, decided again on the day it is asked
 * (docs/regulation.md §2.2): the office's calendar day, today's phase rules, the rule version in force.
 *
 * - A phase rule that started between submission and today makes the debtor PHASED_REQUIRED: the
 *   Enrolment's mandate columns take the new decision and an audit row says so.
 * - Fail closed: a debtor once recorded as required stays required (a phase rule removed or ended
 *   later does not lift a cover the debtor was told to take); the stored decision is kept then.
 * - Every change of decision appends a CLEARANCE row to MandateDecisionRecord with its rule version;
 *   asking again the same day, or on a later day with the same answer, writes nothing.
 *
 * null when the enrolment does not exist or is outside the actor's scope.
 */
export interface ClearanceMandate {
  status: MandateStatus;
  ruleId: string;
  ruleVersion: string;
  /** The office's day the clearance decided on (YYYY-MM-DD). */
  decidedOn: string;
  /** The decision changed now (a phase started since the last decision). */
  changed: boolean;
  /** The status before this clearance, when it changed. */
  previousStatus: MandateStatus | null;
  requiredFrom: string | null;
}

const BLOCKING: readonly MandateStatus[] = ["MANDATORY", "PHASED_REQUIRED"];

/** What distinguishes two decisions for the history (the date alone does not). */
function sameDecision(a: { status: string; ruleId: string; ruleVersion: string; phaseRuleId: unknown }, b: typeof a): boolean {
  return a.status === b.status && a.ruleId === b.ruleId && a.ruleVersion === b.ruleVersion && (a.phaseRuleId ?? null) === (b.phaseRuleId ?? null);
}

const phaseRuleIdOf = (inputs: unknown) =>
  typeof inputs === "object" && inputs !== null && "phaseRuleId" in inputs ? (inputs as { phaseRuleId: unknown }).phaseRuleId : null;

export async function clearanceMandate(actor: Actor, enrolmentId: string, now: Date): Promise<ClearanceMandate | null> {
  const where = enrolmentWhere(actor, "enrolment:read");
  if (!where) return null;
  const row = await db().enrolment.findFirst({
    where: { AND: [where, { id: enrolmentId }] },
    select: {
      id: true,
      scheme: true,
      plafon: true,
      penyalurId: true,
      mandateStatus: true,
      mandateRuleId: true,
      mandateRuleVersion: true,
      mandateInputs: true,
      mandateRequiredFrom: true,
      penyalurOffice: { select: { timeZone: true } },
      kantorCabang: { select: { kanwil: { select: { code: true } } } },
    },
  });
  if (!row) return null;
  const decidedOn = todayInZone(now, row.penyalurOffice.timeZone);
  const today = evaluateMandate({
    scheme: row.scheme,
    plafon: row.plafon,
    date: decidedOn,
    penyalurId: row.penyalurId,
    kanwilCode: row.kantorCabang.kanwil.code,
    phaseRules: await phaseRulesFor(row.penyalurId),
  });
  const stored = {
    status: row.mandateStatus,
    ruleId: row.mandateRuleId,
    ruleVersion: row.mandateRuleVersion,
    phaseRuleId: phaseRuleIdOf(row.mandateInputs),
  };
  const storedAnswer = (): ClearanceMandate => ({
    ...stored,
    decidedOn,
    changed: false,
    previousStatus: null,
    requiredFrom: row.mandateRequiredFrom?.toISOString().slice(0, 10) ?? null,
  });
  const todays = { status: today.status, ruleId: today.ruleId, ruleVersion: today.ruleVersion, phaseRuleId: today.inputs.phaseRuleId ?? null };
  // Required once, required still (fail closed); and the same answer changes nothing.
  if ((BLOCKING.includes(row.mandateStatus) && !today.blocksDisbursement) || sameDecision(stored, todays)) return storedAnswer();

  await recordClearanceDecision(row.id, row.mandateStatus, today, decidedOn, actor.id);
  return {
    ...todays,
    decidedOn,
    changed: true,
    previousStatus: row.mandateStatus,
    requiredFrom: today.requiredFrom,
  };
}

/**
 * Writes a changed decision: the Enrolment's mandate columns, the history row and the audit row, in
 * one transaction. The row is locked first and the stored status compared again, so two clearances
 * asked at once write one change.
 */
async function recordClearanceDecision(
  enrolmentId: string,
  before: MandateStatus,
  decision: MandateDecision,
  decidedOn: string,
  actorId: string,
): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Enrolment" WHERE id = ${enrolmentId}::uuid FOR UPDATE`;
    const current = await tx.enrolment.findUniqueOrThrow({ where: { id: enrolmentId }, select: { mandateStatus: true, mandateRuleId: true } });
    if (current.mandateStatus !== before) return; // someone else recorded it meanwhile
    await tx.enrolment.update({ where: { id: enrolmentId }, data: mandateColumns(decision) });
    await tx.mandateDecisionRecord.create({ data: mandateDecisionRow(enrolmentId, "CLEARANCE", decision, decidedOn, actorId) });
    await tx.auditEvent.create({
      data: {
        actorId,
        action: "enrolment.mandateRedecided",
        entityType: "Enrolment",
        entityId: enrolmentId,
        before: { mandateStatus: before, mandateRuleId: current.mandateRuleId },
        after: {
          mandateStatus: decision.status,
          mandateRuleId: decision.ruleId,
          mandateRuleVersion: decision.ruleVersion,
          decidedOn,
          phaseRuleId: decision.inputs.phaseRuleId ?? null,
        },
      },
    });
  });
}
