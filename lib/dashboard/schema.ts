/**
 * The dashboard's query string (/dasbor?from=2026-01&to=2026-11&kanwil=JAWA_BARAT&kc=…&penyalur=BRI
 * &scheme=MIKRO): the URL is the state, so a view can be bookmarked and shared. Untrusted and often
 * stale: a malformed parameter falls back to its default. Codes (not ids) name the Kanwil, Kantor
 * Cabang and penyalur; data.ts resolves them against the actor's scope (another Kanwil → 404).
 * Pure: no database, no framework; the target form's messages are passed in.
 */
import { z } from "zod";
import { optionalEnum, single } from "@/lib/search-params";
import { addMonths, isIsoMonth, monthsBetween } from "@/lib/rules";
import type { Messages } from "@/lib/i18n/config";

export const DASHBOARD_PATH = "/dasbor";
export const EXPORT_PATH = "/dasbor/ekspor";
/** The longest period one view covers (five years of history, docs/regulation.md §8). */
export const MAX_PERIOD_MONTHS = 60;
export const DEFAULT_PERIOD_MONTHS = 12;

export const DASHBOARD_SCHEMES = ["SUPER_MIKRO", "MIKRO", "KECIL", "KHUSUS"] as const;
export type DashboardScheme = (typeof DASHBOARD_SCHEMES)[number];

const month = z.preprocess(single, z.string().refine(isIsoMonth).optional()).catch(undefined);
/** Master-data codes: upper-case letters, digits, dash and underscore (KC-BANDUNG-SUCI, JAWA_BARAT). */
const code = z.preprocess(single, z.string().regex(/^[A-Z0-9_-]{2,40}$/).optional()).catch(undefined);

const Params = z.object({
  from: month,
  to: month,
  kanwil: code,
  kc: code,
  penyalur: code,
  scheme: optionalEnum(DASHBOARD_SCHEMES),
});

export interface DashboardQuery {
  /** First and last submission/contribution month of the period, both included (YYYY-MM). */
  from: string;
  to: string;
  kanwil?: string;
  kc?: string;
  penyalur?: string;
  scheme?: DashboardScheme;
}

/**
 * Next's searchParams (or URLSearchParams) to a valid query; `currentMonth` (YYYY-MM, office zone)
 * sets the default period: the twelve months up to it. A period typed backwards is turned round;
 * one longer than MAX_PERIOD_MONTHS keeps its end. Never throws.
 */
export function parseDashboardQuery(
  input: Record<string, string | string[] | undefined> | URLSearchParams | undefined | null,
  currentMonth: string,
): DashboardQuery {
  let record: Record<string, unknown> = {};
  if (input instanceof URLSearchParams) {
    for (const key of new Set(input.keys())) record[key] = input.getAll(key);
  } else if (input && typeof input === "object") {
    record = input;
  }
  const p = Params.parse(record);
  let to = p.to ?? currentMonth;
  let from = p.from ?? addMonths(to, -(DEFAULT_PERIOD_MONTHS - 1));
  if (from > to) [from, to] = [to, from];
  if (monthsBetween(from, to) >= MAX_PERIOD_MONTHS) from = addMonths(to, -(MAX_PERIOD_MONTHS - 1));
  const query: DashboardQuery = { from, to };
  if (p.kanwil) query.kanwil = p.kanwil;
  if (p.kc) query.kc = p.kc;
  if (p.penyalur) query.penyalur = p.penyalur;
  if (p.scheme) query.scheme = p.scheme;
  return query;
}

/** The query as URL parameters, in a fixed order (the period always, so links stay stable). */
export function dashboardParams(query: DashboardQuery): URLSearchParams {
  const params = new URLSearchParams({ from: query.from, to: query.to });
  if (query.kanwil) params.set("kanwil", query.kanwil);
  if (query.kc) params.set("kc", query.kc);
  if (query.penyalur) params.set("penyalur", query.penyalur);
  if (query.scheme) params.set("scheme", query.scheme);
  return params;
}

/**
 * A link to the dashboard with `changes` applied. Choosing a Kanwil clears the Kantor Cabang
 * (drill-down goes one level at a time); `undefined` in changes removes a filter.
 */
export function dashboardHref(query: DashboardQuery, changes: Partial<Record<keyof DashboardQuery, string | undefined>> = {}): string {
  const next = { ...query, ...changes } as DashboardQuery;
  if ("kanwil" in changes && !("kc" in changes)) delete next.kc;
  for (const key of Object.keys(next) as (keyof DashboardQuery)[]) if (next[key] === undefined) delete next[key];
  return `${DASHBOARD_PATH}?${dashboardParams(next).toString()}`;
}

export const EXPORT_TABLES = [
  "status",
  "funnel",
  "kanwil",
  "kc",
  "office",
  "penyalur",
  "scheme",
  "sector",
  "province",
  "month",
  "week",
  "contributions",
  "decisions",
  "targets",
  "detail",
] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];
export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function exportHref(query: DashboardQuery, table: ExportTable, format: ExportFormat): string {
  const params = dashboardParams(query);
  params.set("table", table);
  params.set("format", format);
  return `${EXPORT_PATH}?${params.toString()}`;
}

const ExportParams = z.object({
  table: z.preprocess(single, z.enum(EXPORT_TABLES)),
  format: z.preprocess(single, z.enum(EXPORT_FORMATS)),
});

/** The table and format an export request asks for, or null when either is missing or unknown. */
export function parseExportRequest(params: URLSearchParams): { table: ExportTable; format: ExportFormat } | null {
  const parsed = ExportParams.safeParse({ table: params.get("table"), format: params.get("format") });
  return parsed.success ? parsed.data : null;
}

// ── Targets (/admin/target) ─────────────────────────────────────────────────────────────────────

export const TARGET_MIN_YEAR = 2023;
export const TARGET_MAX_YEAR = 2035;

/** The words of the target form's field errors: `targets.errors.<key>` in messages/*.json. */
export type TargetMessage = (key: keyof Messages["targets"]["errors"], params?: { min?: number; max?: number }) => string;

/**
 * One target as an administrator types it, with field errors in the user's language: the action
 * builds it with `getTranslations("targets.errors")` (lib/dashboard/actions.ts).
 */
export function targetInput(m: TargetMessage) {
  return z.object({
    year: z.coerce
      .number({ error: m("yearRequired") })
      .int(m("yearInteger"))
      .min(TARGET_MIN_YEAR, m("yearMin", { min: TARGET_MIN_YEAR }))
      .max(TARGET_MAX_YEAR, m("yearMax", { max: TARGET_MAX_YEAR })),
    kanwil: z.string({ error: m("kanwilRequired") }).regex(/^[A-Z0-9_-]{2,40}$/, m("kanwilRequired")),
    /** Empty: the target is for the whole Kanwil. */
    kc: z
      .string()
      .optional()
      .transform((v) => (v && v.trim() ? v.trim() : undefined))
      .pipe(z.string().regex(/^[A-Z0-9_-]{2,40}$/, m("kcInvalid")).optional()),
    approvedTarget: z
      .string({ error: m("approvedRequired") })
      .transform((v) => v.replace(/[.\s]/g, ""))
      .pipe(z.string().regex(/^\d{1,9}$/, m("approvedFormat")))
      .transform(Number),
    complianceTargetPct: z
      .string({ error: m("complianceRequired") })
      .transform((v) => v.replace(/[%\s]/g, ""))
      .pipe(z.string().regex(/^\d{1,3}$/, m("complianceFormat")))
      .transform(Number)
      .pipe(z.number().max(100, m("complianceMax"))),
  });
}
export type TargetInput = z.output<ReturnType<typeof targetInput>>;

// ── The enrolments behind a figure (/dasbor/pendaftaran, docs/decisions/0026) ───────────────────

export const BEHIND_PATH = "/dasbor/pendaftaran";
/** The figures that link to their enrolments: awaiting review, and contributions in arrears. */
export const BEHIND_FIGURES = ["pending", "arrears"] as const;
export type BehindFigure = (typeof BEHIND_FIGURES)[number];

const BehindParams = z.object({
  figure: z.preprocess(single, z.enum(BEHIND_FIGURES)).catch("pending"),
  page: z.preprocess(single, z.string().regex(/^\d{1,6}$/).transform(Number).pipe(z.number().int().min(1))).catch(1),
});

/** The list behind `figure` under the view's own filters (the same parameters as the dashboard's). */
export function behindHref(query: DashboardQuery, figure: BehindFigure, page = 1): string {
  const params = dashboardParams(query);
  params.set("figure", figure);
  if (page > 1) params.set("page", String(page));
  return `${BEHIND_PATH}?${params.toString()}`;
}

/** The figure and page a list request asks for (a malformed one: pending, page 1). */
export function parseBehindRequest(input: Record<string, string | string[] | undefined>): { figure: BehindFigure; page: number } {
  return BehindParams.parse(input);
}
