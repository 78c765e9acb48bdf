import "server-only";
import { Prisma, staleReadDb } from "@/lib/db";
import { BREAKDOWN_MEASURES, type Measures } from "@/lib/dashboard/data/cells";
import type { ResolvedFilter } from "@/lib/dashboard/data/filter";
import type { TargetInput } from "@/lib/dashboard/schema";

/** Yearly targets: beside the actual figures on the dashboard, and as the administrator lists them. */

export interface TargetRow {
  scope: "KANWIL" | "KC";
  code: string;
  name: string;
  year: number;
  approvedTarget: number;
  approvedActual: number;
  complianceTargetPct: number;
  mandatory: number;
  mandatoryCovered: number;
}

/**
 * Targets of the year the period ends in, for the offices the view shows (the Kanwil in view and
 * its branches; all Kanwil for head office), with the year's actual figures beside them. Penyalur
 * and scheme filters do not apply: targets are set per office only.
 */
export async function targetsForView(f: ResolvedFilter): Promise<TargetRow[]> {
  const year = Number(f.to.slice(0, 4));
  const targets = await staleReadDb().dashboardTarget.findMany({
    where: { year, ...(f.kc ? { kantorCabangId: f.kc.id } : f.kanwil ? { kanwilId: f.kanwil.id } : {}) },
    select: {
      year: true,
      kantorCabangId: true,
      kanwilId: true,
      approvedTarget: true,
      complianceTargetPct: true,
      kanwil: { select: { code: true, name: true } },
      kantorCabang: { select: { code: true, name: true } },
    },
  });
  if (!targets.length) return [];
  const actual = await staleReadDb().$queryRaw<(Measures & { kanwilId: string; kantorCabangId: string | null })[]>`
    select "kanwilId"::text as "kanwilId", "kantorCabangId"::text as "kantorCabangId", ${BREAKDOWN_MEASURES}
    from "DashEnrolmentCell"
    where month >= ${`${year}-01-01`}::date and month <= ${`${year}-12-01`}::date
      ${f.kanwil ? Prisma.sql`and "kanwilId" = ${f.kanwil.id}::uuid` : Prisma.empty}
    group by grouping sets (("kanwilId"), ("kanwilId", "kantorCabangId"))`;
  return targets
    .map((t) => {
      const row = actual.find((a) => a.kanwilId === t.kanwilId && a.kantorCabangId === (t.kantorCabangId ?? null));
      const office = t.kantorCabang ?? t.kanwil;
      return {
        scope: t.kantorCabang ? ("KC" as const) : ("KANWIL" as const),
        code: office.code,
        name: office.name,
        year: t.year,
        approvedTarget: t.approvedTarget,
        approvedActual: row?.approved ?? 0,
        complianceTargetPct: t.complianceTargetPct,
        mandatory: row?.mandatory ?? 0,
        mandatoryCovered: row?.mandatoryCovered ?? 0,
      };
    })
    .sort((a, b) => (a.scope === b.scope ? a.name.localeCompare(b.name, "id") : a.scope === "KANWIL" ? -1 : 1));
}

export interface TargetListItem {
  id: string;
  year: number;
  kanwilCode: string;
  kanwilName: string;
  kcCode: string | null;
  kcName: string | null;
  approvedTarget: number;
  complianceTargetPct: number;
  updatedAt: string;
}

/** The targets of one year, for the administrator's page. */
export async function listTargets(year: number): Promise<TargetListItem[]> {
  const rows = await staleReadDb().dashboardTarget.findMany({
    where: { year },
    select: {
      id: true,
      year: true,
      approvedTarget: true,
      complianceTargetPct: true,
      updatedAt: true,
      kanwil: { select: { code: true, name: true } },
      kantorCabang: { select: { code: true, name: true } },
    },
  });
  return rows
    .map((r) => ({
      id: r.id,
      year: r.year,
      kanwilCode: r.kanwil.code,
      kanwilName: r.kanwil.name,
      kcCode: r.kantorCabang?.code ?? null,
      kcName: r.kantorCabang?.name ?? null,
      approvedTarget: r.approvedTarget,
      complianceTargetPct: r.complianceTargetPct,
      updatedAt: r.updatedAt.toISOString(),
    }))
    .sort((a, b) => a.kanwilName.localeCompare(b.kanwilName, "id") || (a.kcName ?? "").localeCompare(b.kcName ?? "", "id"));
}

/** Kanwil and their branches, for the target form. */
export async function targetFormOptions(): Promise<{ code: string; name: string; branches: { code: string; name: string }[] }[]> {
  const rows = await staleReadDb().kanwil.findMany({
    select: { code: true, name: true, branches: { select: { code: true, name: true }, orderBy: { name: "asc" } } },
    orderBy: { name: "asc" },
  });
  return rows;
}

/** Why a target's place was refused; the words are `targets.errors.<reason>` in messages/*.json. */
export type TargetPlaceProblem = "kanwilUnknown" | "kcUnknown" | "kcOtherKanwil";

/** The ids behind a target's codes, or the field at fault (unknown Kanwil; a branch of another Kanwil). */
export async function resolveTargetPlace(input: Pick<TargetInput, "kanwil" | "kc">): Promise<
  { ok: true; kanwilId: string; kantorCabangId: string | null } | { ok: false; field: "kanwil" | "kc"; problem: TargetPlaceProblem }
> {
  const kanwil = await staleReadDb().kanwil.findUnique({ where: { code: input.kanwil }, select: { id: true } });
  if (!kanwil) return { ok: false, field: "kanwil", problem: "kanwilUnknown" };
  if (!input.kc) return { ok: true, kanwilId: kanwil.id, kantorCabangId: null };
  const kc = await staleReadDb().kantorCabang.findUnique({ where: { code: input.kc }, select: { id: true, kanwilId: true } });
  if (!kc) return { ok: false, field: "kc", problem: "kcUnknown" };
  if (kc.kanwilId !== kanwil.id) return { ok: false, field: "kc", problem: "kcOtherKanwil" };
  return { ok: true, kanwilId: kanwil.id, kantorCabangId: kc.id };
}
