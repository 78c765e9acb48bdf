/**
 * Dashboard reads (issue #6), by sub-feature:
 *   filter.ts   the view a request may show (scope) and the filter form's options
 *   figures.ts  every figure of a view (breakdowns by place, scheme, sector, province, status)
 *   series.ts   weeks, active debtors, decision times, contributions
 *   targets.ts  yearly targets, beside the figures and on the administrator's page
 *   detail.ts   the enrolment-level export, streamed through a cursor
 *   cells.ts    the SQL the figure queries share
 */
export { dashboardFilterOptions, resolveDashboardFilter, type FilterOptions, type NamedRef, type ResolvedFilter } from "@/lib/dashboard/data/filter";
export { dashboardFigures, type BreakdownRow, type DashboardFigures, type Labels } from "@/lib/dashboard/data/figures";
export type { ContributionFigures } from "@/lib/dashboard/data/series";
export {
  listTargets,
  resolveTargetPlace,
  targetFormOptions,
  targetsForView,
  type TargetListItem,
  type TargetPlaceProblem,
  type TargetRow,
} from "@/lib/dashboard/data/targets";
export { detailRows, type DetailRow } from "@/lib/dashboard/data/detail";
export { BEHIND_PAGE_SIZE, enrolmentsBehind, type BehindPage, type BehindRow } from "@/lib/dashboard/data/behind";
