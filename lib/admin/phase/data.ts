import "server-only";
import { db, Prisma } from "@/lib/db";
import { matchPhaseRule, todayInZone, type KurScheme, type PhaseRule } from "@/lib/rules";
import { phaseRuleOf } from "@/lib/enrolment/data";
import type { PhaseRuleInput } from "@/lib/admin/phase/schema";

type Reader = Pick<Prisma.TransactionClient, "phaseRule" | "enrolment" | "penyalur" | "kanwil" | "province" | "$queryRaw">;

export interface PhaseRuleRow {
  id: string;
  schemes: KurScheme[];
  penyalurName: string | null;
  kanwilName: string | null;
  provinceName: string | null;
  startDate: string;
  endDate: string | null;
  legalInstrument: string;
  note: string;
  replacesId: string | null;
  replacedById: string | null;
  /** Enrolments whose stored decision names this rule: then it may only be ended, never edited. */
  decided: number;
  /** The latest decision date among them (YYYY-MM-DD): the earliest day the rule may end. */
  lastDecisionDate: string | null;
}

const iso = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

/** How many stored decisions name each phase rule, and the latest decision date among them. */
async function decisionsByRule(client: Reader, ids?: string[]): Promise<Map<string, { decided: number; last: string | null }>> {
  const rows = await client.$queryRaw<{ id: string; decided: bigint; last: string | null }[]>`
    SELECT e."mandateInputs"->>'phaseRuleId' AS id, count(*) AS decided, max(e."mandateInputs"->>'date') AS last
    FROM "Enrolment" e
    WHERE e."mandateRuleId" = 'PHASED_MATCHED'
      ${ids ? Prisma.sql`AND e."mandateInputs"->>'phaseRuleId' = ANY (${ids}::text[])` : Prisma.empty}
    GROUP BY 1`;
  return new Map(rows.map((r) => [r.id, { decided: Number(r.decided), last: r.last }]));
}

const ROW_SELECT = {
  id: true,
  schemes: true,
  startDate: true,
  endDate: true,
  legalInstrument: true,
  note: true,
  replacesId: true,
  replacedBy: { select: { id: true } },
  penyalur: { select: { name: true } },
  kanwil: { select: { name: true } },
  province: { select: { name: true } },
} as const;

/** Every phase rule, newest start first, with what it decided. */
export async function listPhaseRules(): Promise<PhaseRuleRow[]> {
  const [rows, decisions] = await Promise.all([
    db().phaseRule.findMany({ select: ROW_SELECT, orderBy: [{ startDate: "desc" }, { createdAt: "desc" }] }),
    decisionsByRule(db()),
  ]);
  return rows.map((r) => rowOf(r, decisions.get(r.id)));
}

type Selected = Prisma.PhaseRuleGetPayload<{ select: typeof ROW_SELECT }>;

function rowOf(r: Selected, d: { decided: number; last: string | null } | undefined): PhaseRuleRow {
  return {
    id: r.id,
    schemes: r.schemes,
    penyalurName: r.penyalur?.name ?? null,
    kanwilName: r.kanwil?.name ?? null,
    provinceName: r.province?.name ?? null,
    startDate: iso(r.startDate)!,
    endDate: iso(r.endDate),
    legalInstrument: r.legalInstrument,
    note: r.note,
    replacesId: r.replacesId,
    replacedById: r.replacedBy?.id ?? null,
    decided: d?.decided ?? 0,
    lastDecisionDate: d?.last ?? null,
  };
}

export async function phaseRuleById(id: string, client: Reader = db()): Promise<(PhaseRuleRow & { penyalurCode: string | null; kanwilCode: string | null; provinceCode: string | null }) | null> {
  const r = await client.phaseRule.findUnique({
    where: { id },
    select: { ...ROW_SELECT, provinceCode: true, penyalur: { select: { name: true, code: true } }, kanwil: { select: { name: true, code: true } } },
  });
  if (!r) return null;
  const d = (await decisionsByRule(client, [id])).get(id);
  return { ...rowOf(r, d), penyalurCode: r.penyalur?.code ?? null, kanwilCode: r.kanwil?.code ?? null, provinceCode: r.provinceCode };
}

export interface PhaseFormOptions {
  penyalur: { code: string; name: string }[];
  kanwil: { code: string; name: string }[];
  provinces: { code: string; name: string }[];
}

/** What the phase-rule form offers: master data still in service. */
export async function phaseFormOptions(): Promise<PhaseFormOptions> {
  const [penyalur, kanwil, provinces] = await Promise.all([
    db().penyalur.findMany({ where: { retiredAt: null }, select: { code: true, name: true }, orderBy: { name: "asc" } }),
    db().kanwil.findMany({ where: { retiredAt: null }, select: { code: true, name: true }, orderBy: { name: "asc" } }),
    db().province.findMany({ where: { retiredAt: null }, select: { code: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { penyalur, kanwil, provinces };
}

/** The typed codes resolved to the rule the mandate decision reads; a code not found names its field. */
export async function resolvePhaseRule(
  input: PhaseRuleInput,
  id: string,
  client: Reader = db(),
): Promise<{ ok: true; rule: PhaseRule; penyalurId: string | null; kanwilId: string | null } | { ok: false; field: "penyalur" | "kanwil" | "province" }> {
  const [penyalur, kanwil, province] = await Promise.all([
    input.penyalur ? client.penyalur.findUnique({ where: { code: input.penyalur, retiredAt: null }, select: { id: true, name: true } }) : null,
    input.kanwil ? client.kanwil.findUnique({ where: { code: input.kanwil, retiredAt: null }, select: { id: true, code: true, name: true } }) : null,
    input.province ? client.province.findUnique({ where: { code: input.province, retiredAt: null }, select: { name: true } }) : null,
  ]);
  if (input.penyalur && !penyalur) return { ok: false, field: "penyalur" };
  if (input.kanwil && !kanwil) return { ok: false, field: "kanwil" };
  if (input.province && !province) return { ok: false, field: "province" };
  const rule = phaseRuleOf({
    id,
    penyalurId: penyalur?.id ?? null,
    startDate: new Date(`${input.startDate}T00:00:00Z`),
    endDate: input.endDate ? new Date(`${input.endDate}T00:00:00Z`) : null,
    schemes: [...input.schemes],
    provinceCode: input.province ?? null,
    kanwil: kanwil ? { code: kanwil.code, name: kanwil.name } : null,
    province: province ? { name: province.name } : null,
    penyalur: penyalur ? { name: penyalur.name } : null,
  });
  return { ok: true, rule, penyalurId: penyalur?.id ?? null, kanwilId: kanwil?.id ?? null };
}

export interface PendingEnrolment {
  id: string;
  version: number;
  scheme: KurScheme;
  plafon: number;
  penyalurId: string;
  kanwilId: string;
  kanwilCode: string;
  kanwilName: string;
  provinceCode: string;
  /** Today in the serving Kantor Cabang's zone: the date the enrolment is decided again on. */
  today: string;
  mandateStatus: string;
  mandateRuleId: string;
}

export interface PhaseImpact {
  /** Pending enrolments this rule makes required, by Kanwil. */
  byKanwil: { kanwilName: string; count: number }[];
  total: number;
  /** The day they are required from (the rule's start). */
  requiredFrom: string;
  enrolments: PendingEnrolment[];
}

/**
 * What saving `rule` does to the enrolments waiting for review (SUBMITTED or RETURNED) that were
 * decided voluntary because no phase rule covered them: the ones `matchPhaseRule` now matches on
 * today's date (in their Kantor Cabang's zone) become required. The preview shows this count and the
 * save re-decides exactly these (lib/admin/phase/mutations.ts), with the same function.
 */
export async function pendingImpact(rule: PhaseRule, now: Date, client: Reader = db()): Promise<PhaseImpact> {
  const rows = await client.enrolment.findMany({
    where: {
      status: { in: ["SUBMITTED", "RETURNED"] },
      mandateRuleId: "PHASED_VOLUNTARY",
      scheme: { in: rule.schemes ? [...rule.schemes] : ["SUPER_MIKRO", "MIKRO"] },
      ...(rule.penyalurId ? { penyalurId: rule.penyalurId } : {}),
      kantorCabang: {
        ...(rule.kanwilCode ? { kanwil: { code: rule.kanwilCode } } : {}),
        ...(rule.provinceCode ? { provinceCode: rule.provinceCode } : {}),
      },
    },
    select: {
      id: true,
      version: true,
      scheme: true,
      plafon: true,
      penyalurId: true,
      mandateStatus: true,
      mandateRuleId: true,
      kantorCabang: { select: { provinceCode: true, timeZone: true, kanwil: { select: { id: true, code: true, name: true } } } },
    },
    orderBy: { id: "asc" },
  });
  const enrolments: PendingEnrolment[] = [];
  for (const e of rows) {
    const today = todayInZone(now, e.kantorCabang.timeZone);
    const scope = { penyalurId: e.penyalurId, kanwilCode: e.kantorCabang.kanwil.code, provinceCode: e.kantorCabang.provinceCode, scheme: e.scheme };
    if (!matchPhaseRule([rule], scope, today)) continue;
    enrolments.push({
      id: e.id,
      version: e.version,
      scheme: e.scheme,
      plafon: e.plafon,
      penyalurId: e.penyalurId,
      kanwilId: e.kantorCabang.kanwil.id,
      kanwilCode: e.kantorCabang.kanwil.code,
      kanwilName: e.kantorCabang.kanwil.name,
      provinceCode: e.kantorCabang.provinceCode,
      today,
      mandateStatus: e.mandateStatus,
      mandateRuleId: e.mandateRuleId,
    });
  }
  const counts = new Map<string, number>();
  for (const e of enrolments) counts.set(e.kanwilName, (counts.get(e.kanwilName) ?? 0) + 1);
  return {
    byKanwil: [...counts].map(([kanwilName, count]) => ({ kanwilName, count })).sort((a, b) => a.kanwilName.localeCompare(b.kanwilName)),
    total: enrolments.length,
    requiredFrom: rule.startDate,
    enrolments,
  };
}
