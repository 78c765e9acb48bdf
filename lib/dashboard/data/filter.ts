import "server-only";
import { staleReadDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { can } from "@/lib/auth/permissions";
import { dashboardKanwil } from "@/lib/auth/scope";
import type { DashboardQuery, DashboardScheme } from "@/lib/dashboard/schema";

/**
 * The view a dashboard request may show. Scope is enforced here: the URL's codes become ids only
 * inside the actor's reach (lib/auth/scope.ts `dashboardKanwil`, `can(actor, "dashboard:read",
 * { kanwilId })`), and anything outside it is null, which the page and the export answer with 404.
 */

export interface NamedRef {
  id: string;
  code: string;
  name: string;
}

export interface ResolvedFilter {
  from: string;
  to: string;
  kanwil: NamedRef | null;
  kc: (NamedRef & { kanwilId: string }) | null;
  penyalur: NamedRef | null;
  scheme: DashboardScheme | null;
  /** True for a regional manager: the Kanwil is theirs and cannot be changed. */
  kanwilLocked: boolean;
}

/** The query's filters inside the actor's scope, or null: not allowed, unknown code, or out of scope. */
export async function resolveDashboardFilter(actor: Actor, query: DashboardQuery): Promise<ResolvedFilter | null> {
  const reach = dashboardKanwil(actor);
  if (!reach) return null;
  const select = { id: true, code: true, name: true } as const;
  // A regional manager's Kanwil is theirs and cannot be changed; head office may pick any.
  const kanwilLocked = reach.kanwilId !== null;
  let kanwil: NamedRef | null = null;
  if (reach.kanwilId !== null) {
    kanwil = await staleReadDb().kanwil.findUnique({ where: { id: reach.kanwilId }, select });
    if (!kanwil || (query.kanwil && query.kanwil !== kanwil.code)) return null;
  } else if (query.kanwil) {
    kanwil = await staleReadDb().kanwil.findUnique({ where: { code: query.kanwil }, select });
    if (!kanwil) return null;
  }
  if (kanwil && !can(actor, "dashboard:read", { kanwilId: kanwil.id })) return null;
  let kc: ResolvedFilter["kc"] = null;
  if (query.kc) {
    const found = await staleReadDb().kantorCabang.findUnique({
      where: { code: query.kc },
      select: { id: true, code: true, name: true, kanwilId: true, kanwil: { select } },
    });
    // Out of a regional manager's Kanwil: not found.
    if (!found || !can(actor, "dashboard:read", { kanwilId: found.kanwilId })) return null;
    const { kanwil: kcKanwil, ...branch } = found;
    kc = branch;
    if (kanwil && kc.kanwilId !== kanwil.id) {
      // Head office switched Kanwil with a branch of the old one still in the URL: the branch no
      // longer applies.
      kc = null;
    } else if (!kanwil) {
      kanwil = kcKanwil;
    }
  }
  let penyalur: NamedRef | null = null;
  if (query.penyalur) {
    penyalur = await staleReadDb().penyalur.findUnique({ where: { code: query.penyalur }, select });
    if (!penyalur) return null;
  }
  return { from: query.from, to: query.to, kanwil, kc, penyalur, scheme: query.scheme ?? null, kanwilLocked };
}

export interface FilterOptions {
  kanwil: NamedRef[];
  kc: NamedRef[];
  penyalur: NamedRef[];
}

/** What the filter form offers: only Kanwil and branches inside the actor's scope. */
export async function dashboardFilterOptions(f: ResolvedFilter): Promise<FilterOptions> {
  const select = { id: true, code: true, name: true } as const;
  const [kanwil, kc, penyalur] = await Promise.all([
    f.kanwilLocked ? Promise.resolve(f.kanwil ? [f.kanwil] : []) : staleReadDb().kanwil.findMany({ select, orderBy: { name: "asc" } }),
    f.kanwil ? staleReadDb().kantorCabang.findMany({ where: { kanwilId: f.kanwil.id }, select, orderBy: { name: "asc" } }) : Promise.resolve([]),
    staleReadDb().penyalur.findMany({ select, orderBy: { name: "asc" } }),
  ]);
  return { kanwil, kc, penyalur };
}
