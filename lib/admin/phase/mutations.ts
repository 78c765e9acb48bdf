import "server-only";
import { db, Prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { can } from "@/lib/auth/permissions";
import { AppError, fieldError } from "@/lib/action/errors";
import { phaseRulesFor } from "@/lib/enrolment/data";
import { mandateColumns, mandateDecisionRow } from "@/lib/enrolment";
import { translator } from "@/lib/i18n/translator";
import type { Locale } from "@/lib/i18n/config";
import { addDays, evaluateMandate, type PhaseRule } from "@/lib/rules";
import { pendingImpact, phaseRuleById, resolvePhaseRule, type PhaseImpact } from "@/lib/admin/phase/data";
import type { EndPhaseRuleInput, PhaseRuleInput } from "@/lib/admin/phase/schema";

type Tx = Prisma.TransactionClient;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const errorText = (locale: Locale, key: string) => translator(locale)(`adminData.phase.errors.${key}` as never);

/**
 * Decides again, with the stored rules plus `rule`, each pending enrolment `pendingImpact` found:
 * the same evaluateMandate the submit uses, on today's date in its Kantor Cabang's zone, stored like
 * a submit stores it, with one audit row each. Optimistic: an enrolment changed meanwhile is a
 * CONFLICT and nothing is saved.
 */
async function redecide(tx: Tx, actor: Actor, rule: PhaseRule, impact: PhaseImpact): Promise<number> {
  const rulesByPenyalur = new Map<string, PhaseRule[]>();
  const history: Prisma.MandateDecisionRecordCreateManyInput[] = [];
  const audits: Prisma.AuditEventCreateManyInput[] = [];
  for (const e of impact.enrolments) {
    let rules = rulesByPenyalur.get(e.penyalurId);
    if (!rules) {
      rules = (await phaseRulesFor(e.penyalurId, tx)).filter((r) => r.id !== rule.id).concat(rule);
      rulesByPenyalur.set(e.penyalurId, rules);
    }
    const d = evaluateMandate({
      scheme: e.scheme,
      plafon: e.plafon,
      date: e.today,
      penyalurId: e.penyalurId,
      kanwilCode: e.kanwilCode,
      provinceCode: e.provinceCode,
      phaseRules: rules,
    });
    const { count } = await tx.enrolment.updateMany({
      where: { id: e.id, version: e.version, mandateRuleId: "PHASED_VOLUNTARY" },
      data: { ...mandateColumns(d), version: { increment: 1 } },
    });
    if (count !== 1) throw new AppError("CONFLICT");
    history.push(mandateDecisionRow(e.id, "PHASE_RULE", d, e.today, actor.id));
    audits.push({
      actorId: actor.id,
      action: "enrolment.redecide",
      entityType: "Enrolment",
      entityId: e.id,
      before: { mandateStatus: e.mandateStatus, mandateRuleId: e.mandateRuleId },
      after: { mandateStatus: d.status, mandateRuleId: d.ruleId, phaseRuleId: d.inputs.phaseRuleId, date: e.today, cause: rule.id },
    });
  }
  // The decision history (docs/regulation.md §2.3) and the audit rows, one statement each.
  await tx.mandateDecisionRecord.createMany({ data: history });
  await tx.auditEvent.createMany({ data: audits });
  return impact.enrolments.length;
}

function ruleColumns(input: PhaseRuleInput, resolved: { penyalurId: string | null; kanwilId: string | null }) {
  return {
    schemes: [...input.schemes],
    penyalurId: resolved.penyalurId,
    kanwilId: resolved.kanwilId,
    provinceCode: input.province ?? null,
    startDate: day(input.startDate),
    endDate: input.endDate ? day(input.endDate) : null,
    legalInstrument: input.legalInstrument,
    note: input.note ?? "",
  };
}

const auditAfter = (input: PhaseRuleInput) => ({
  schemes: input.schemes,
  penyalur: input.penyalur ?? null,
  kanwil: input.kanwil ?? null,
  province: input.province ?? null,
  startDate: input.startDate,
  endDate: input.endDate ?? null,
  legalInstrument: input.legalInstrument,
  note: input.note ?? null,
});

async function resolveOrFail(input: PhaseRuleInput, id: string, locale: Locale, tx: Tx) {
  const resolved = await resolvePhaseRule(input, id, tx);
  if (!resolved.ok) throw fieldError({ [resolved.field]: [errorText(locale, `${resolved.field}Unknown`)] });
  return resolved;
}

/** A successor must start after the rule it replaces has ended. */
async function checkSuccession(tx: Tx, input: PhaseRuleInput, locale: Locale): Promise<void> {
  if (!input.replaces) return;
  const previous = await tx.phaseRule.findUnique({ where: { id: input.replaces }, select: { endDate: true, replacedBy: { select: { id: true } } } });
  if (!previous) throw new AppError("NOT_FOUND");
  if (previous.replacedBy) throw new AppError("INVALID_STATE", { message: "phaseRuleReplaced" });
  if (!previous.endDate) throw new AppError("INVALID_STATE", { message: "phaseRuleNotEnded" });
  const ended = previous.endDate.toISOString().slice(0, 10);
  if (input.startDate <= ended) throw fieldError({ startDate: [translator(locale)("adminData.phase.errors.startAfterPredecessor", { date: addDays(ended, 1).split("-").reverse().join("/") })] });
}

/**
 * Creates a phase rule and re-decides the pending enrolments it makes required (pendingImpact), with
 * its audit row, in one transaction. Returns the rule's id and how many enrolments it changed.
 */
export async function createPhaseRule(actor: Actor, input: PhaseRuleInput, locale: Locale, now: Date = new Date()): Promise<{ id: string; redecided: number }> {
  if (!can(actor, "phaseRule:manage")) throw new AppError("FORBIDDEN");
  return db().$transaction(async (tx) => {
    await checkSuccession(tx, input, locale);
    const id = crypto.randomUUID();
    const resolved = await resolveOrFail(input, id, locale, tx);
    await tx.phaseRule.create({ data: { id, ...ruleColumns(input, resolved), replacesId: input.replaces ?? null, createdById: actor.id } });
    const redecided = await redecide(tx, actor, resolved.rule, await pendingImpact(resolved.rule, now, tx));
    await tx.auditEvent.create({
      data: { actorId: actor.id, action: "phaseRule.create", entityType: "PhaseRule", entityId: id, after: { ...auditAfter(input), replaces: input.replaces ?? null, redecided } },
    });
    return { id, redecided };
  }, { timeout: 60_000 });
}

/**
 * Edits a rule that has decided nothing yet (a typo, a wrong date). A rule that decided an
 * enrolment is INVALID_STATE: it is ended and replaced instead, so every stored decision replays.
 */
export async function updatePhaseRule(actor: Actor, id: string, input: PhaseRuleInput, locale: Locale, now: Date = new Date()): Promise<{ id: string; redecided: number }> {
  if (!can(actor, "phaseRule:manage")) throw new AppError("FORBIDDEN");
  return db().$transaction(async (tx) => {
    // Locks the rule against a concurrent edit or end.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "PhaseRule" WHERE id = ${id}::uuid FOR UPDATE`;
    if (locked.length === 0) throw new AppError("NOT_FOUND");
    const before = await phaseRuleById(id, tx);
    if (!before) throw new AppError("NOT_FOUND");
    if (before.decided > 0) throw new AppError("INVALID_STATE", { message: "phaseRuleDecided", params: { count: before.decided } });
    const resolved = await resolveOrFail(input, id, locale, tx);
    await tx.phaseRule.update({ where: { id }, data: ruleColumns(input, resolved) });
    const redecided = await redecide(tx, actor, resolved.rule, await pendingImpact(resolved.rule, now, tx));
    await tx.auditEvent.create({
      data: {
        actorId: actor.id,
        action: "phaseRule.update",
        entityType: "PhaseRule",
        entityId: id,
        before: {
          schemes: before.schemes, penyalur: before.penyalurCode, kanwil: before.kanwilCode, province: before.provinceCode,
          startDate: before.startDate, endDate: before.endDate, legalInstrument: before.legalInstrument, note: before.note,
        },
        after: { ...auditAfter(input), redecided },
      },
    });
    return { id, redecided };
  }, { timeout: 60_000 });
}

/**
 * Ends a rule on `endDate` (its last day). It may not end before a day it already decided on, nor
 * before it started, so the table still explains every stored decision; an ended rule is not ended
 * again (its successor carries on).
 */
export async function endPhaseRule(actor: Actor, input: EndPhaseRuleInput, locale: Locale, now: Date = new Date()): Promise<void> {
  if (!can(actor, "phaseRule:manage")) throw new AppError("FORBIDDEN");
  await db().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "PhaseRule" WHERE id = ${input.id}::uuid FOR UPDATE`;
    if (locked.length === 0) throw new AppError("NOT_FOUND");
    const rule = await phaseRuleById(input.id, tx);
    if (!rule) throw new AppError("NOT_FOUND");
    if (rule.endDate) throw new AppError("INVALID_STATE", { message: "phaseRuleEnded" });
    const t = translator(locale);
    const show = (iso: string) => iso.split("-").reverse().join("/");
    if (input.endDate < rule.startDate) throw fieldError({ endDate: [t("adminData.phase.errors.endBeforeStart")] });
    if (rule.lastDecisionDate && input.endDate < rule.lastDecisionDate) {
      throw fieldError({ endDate: [t("adminData.phase.errors.endBeforeDecisions", { date: show(rule.lastDecisionDate) })] });
    }
    await tx.phaseRule.update({ where: { id: input.id }, data: { endDate: day(input.endDate), endedAt: now } });
    await tx.auditEvent.create({
      data: { actorId: actor.id, action: "phaseRule.end", entityType: "PhaseRule", entityId: input.id, before: { endDate: null }, after: { endDate: input.endDate } },
    });
  });
}
