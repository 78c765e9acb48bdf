/**
 * The dashboard's figures as tables: the page renders them (each chart has its table beside it)
 * and the export route streams the very same rows as CSV or XLSX, so a download always matches
 * the screen. No database and no React: the words come from messages/*.json through lib/i18n/translator.ts.
 */
import { KUR_SCHEMES, KUR_SECTOR_GROUPS, formatDateId, formatMonthId, formatRupiah, provinceByCode } from "@/lib/rules";
import type { BreakdownRow, DashboardFigures, Labels, TargetRow } from "@/lib/dashboard/data";
import { OPEN_BUCKET, formatDuration, type HistogramBucket } from "@/lib/dashboard/median";
import type { ExportTable } from "@/lib/dashboard/schema";
import { translator } from "@/lib/i18n/translator";
import type { Locale, Messages } from "@/lib/i18n/config";

export type { Locale };
export type ColumnKind = "text" | "int" | "money" | "percent" | "month" | "date";
export type CellValue = string | number | null;

export interface Column {
  key: string;
  label: string;
  kind: ColumnKind;
}

export interface FigureTable {
  name: ExportTable;
  title: string;
  caption: string;
  columns: Column[];
  rows: Record<string, CellValue>[];
}

const isOneOf = <T extends string>(values: readonly T[], value: string): value is T => (values as readonly string[]).includes(value);

export function schemeLabel(code: string, locale: Locale): string {
  return isOneOf(KUR_SCHEMES, code) ? translator(locale)(`enums.scheme.${code}`) : code;
}
export function sectorLabel(code: string, locale: Locale): string {
  const t = translator(locale);
  return isOneOf(KUR_SECTOR_GROUPS, code) ? t(`enums.kurSector.${code}`) : t("dashboard.tables.unknownSector");
}
/** Province names are proper names from the reference data, the same in both languages. */
export function provinceLabel(code: string): string {
  return provinceByCode(code)?.name ?? code;
}
const STATUSES = ["DRAFT", "SUBMITTED", "RETURNED", "APPROVED", "REJECTED"] as const;
export function statusLabel(code: string, locale: Locale): string {
  return isOneOf(STATUSES, code) ? translator(locale)(`enums.status.${code}`) : code;
}
const MANDATES = ["MANDATORY", "PHASED_REQUIRED", "VOLUNTARY", "OUT_OF_SCOPE"] as const;
function mandateLabel(code: string, locale: Locale): string {
  return isOneOf(MANDATES, code) ? translator(locale)(`enums.mandate.${code}`) : code;
}

/** The labels `dashboardFigures` puts on breakdown rows, in one locale (page, export and bench alike). */
export function figureLabels(locale: Locale): Labels {
  return { scheme: (code) => schemeLabel(code, locale), sector: (code) => sectorLabel(code, locale), province: provinceLabel };
}

/** `part` ÷ `whole` in percent, one decimal; null when the whole is 0. */
function percentOf(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((1000 * part) / whole) / 10 : null;
}

/** Covered ÷ mandatory in percent, one decimal; null when there is no mandatory debtor. */
export function complianceRate(covered: number, mandatory: number): number | null {
  return percentOf(covered, mandatory);
}

/** A table's headings, titles and caption in one language, from messages/*.json (`dashboard.tables`). */
function tableText(locale: Locale) {
  const t = translator(locale);
  type ColumnName = keyof Messages["dashboard"]["tables"]["columns"];
  return {
    column: (key: ColumnName) => t(`dashboard.tables.columns.${key}`),
    /** A column whose heading is its own key's (most are). */
    col: (key: ColumnName, kind: ColumnKind): Column => ({ key, label: t(`dashboard.tables.columns.${key}`), kind }),
    title: (name: ExportTable) => t(`dashboard.tables.titles.${name}`),
    caption: (name: ExportTable, scope: string) => t("dashboard.tables.caption", { title: t(`dashboard.tables.titles.${name}`), scope }),
    funnel: (stage: keyof Messages["dashboard"]["tables"]["funnel"]) => t(`dashboard.tables.funnel.${stage}`),
  };
}
type TableText = ReturnType<typeof tableText>;

function breakdownTable(name: ExportTable, nameColumn: Parameters<TableText["column"]>[0], rows: BreakdownRow[], x: TableText, scopeCaption: string): FigureTable {
  return {
    name,
    title: x.title(name),
    caption: x.caption(name, scopeCaption),
    columns: [
      { key: "label", label: x.column(nameColumn), kind: "text" },
      x.col("enrolments", "int"),
      x.col("approved", "int"),
      x.col("approvedPaid", "int"),
      x.col("mandatory", "int"),
      x.col("mandatoryCovered", "int"),
      x.col("compliance", "percent"),
    ],
    rows: rows.map((r) => ({
      label: r.label,
      code: r.code,
      enrolments: r.enrolments,
      approved: r.approved,
      approvedPaid: r.approvedPaid,
      mandatory: r.mandatory,
      mandatoryCovered: r.mandatoryCovered,
      compliance: complianceRate(r.mandatoryCovered, r.mandatory),
    })),
  };
}

/** Histogram buckets grouped into the ranges a person reads ("4 jam – 8 jam", "3 hari – 7 hari"). */
const DURATION_RANGES: ReadonlyArray<[from: number, to: number]> = [
  [0, 4], [4, 8], [8, 24], [24, 48], [48, 72], [72, 168], [168, 336], [336, OPEN_BUCKET], [OPEN_BUCKET, Infinity],
];
function rangeLabel([from, to]: [number, number], locale: Locale): string {
  if (to === Infinity) return formatDuration(OPEN_BUCKET, locale);
  const t = translator(locale);
  // The open bucket's lower edge is "30 days" here, not "≥ 30 days" (that is the next row).
  const upper = to === OPEN_BUCKET ? t("dashboard.duration.days", { days: OPEN_BUCKET / 24 }) : formatDuration(to, locale);
  if (from === 0) return t("dashboard.duration.below", { duration: upper });
  return t("dashboard.duration.range", { from: formatDuration(from, locale), to: upper });
}

/**
 * Whether a month's or week's row is complete: the one in progress says so, with the day its
 * figures run to, on screen and in the export alike (docs/decisions/0026), so a short current
 * month does not read as a collapse.
 */
function completenessColumn(locale: Locale): Column {
  return { key: "completeness", label: translator(locale)("desk.partial.column"), kind: "text" };
}
function completeness(partial: boolean, today: string, locale: Locale): string {
  const t = translator(locale);
  return partial ? t("desk.partial.inProgress", { date: formatDateId(today) }) : t("desk.partial.complete");
}

export interface TableContext {
  locale: Locale;
  /** "Kanwil Jawa Barat, 01/2026–11/2026" — what every caption says it covers. */
  scopeCaption: string;
}

/** Every table of a view, by name. `office` only when a Kantor Cabang is chosen. */
export function figureTables(fig: DashboardFigures, targets: TargetRow[], ctx: TableContext): Map<ExportTable, FigureTable> {
  const { locale, scopeCaption } = ctx;
  const x = tableText(locale);
  const head = (name: ExportTable) => ({ name, title: x.title(name), caption: x.caption(name, scopeCaption) });
  const tables: FigureTable[] = [
    {
      ...head("status"),
      columns: [
        { key: "label", label: x.column("status"), kind: "text" },
        x.col("enrolments", "int"),
      ],
      rows: fig.byStatus.map((s) => ({ label: statusLabel(s.status, locale), code: s.status, enrolments: s.enrolments })),
    },
    {
      ...head("funnel"),
      columns: [
        { key: "label", label: x.column("stage"), kind: "text" },
        x.col("count", "int"),
        x.col("share", "percent"),
      ],
      rows: (["submitted", "approved", "paid", "active"] as const).map((stage) => ({
        label: x.funnel(stage),
        code: stage,
        count: fig.funnel[stage],
        share: percentOf(fig.funnel[stage], fig.funnel.submitted),
      })),
    },
    breakdownTable("kanwil", "kanwil", fig.byKanwil, x, scopeCaption),
    ...(fig.byKc ? [breakdownTable("kc", "kc", fig.byKc, x, scopeCaption)] : []),
    ...(fig.byOffice ? [breakdownTable("office", "penyalurOffice", fig.byOffice, x, scopeCaption)] : []),
    breakdownTable("penyalur", "penyalur", fig.byPenyalur, x, scopeCaption),
    breakdownTable("scheme", "scheme", fig.byScheme, x, scopeCaption),
    breakdownTable("sector", "sector", fig.bySector, x, scopeCaption),
    breakdownTable("province", "province", fig.byProvince, x, scopeCaption),
    {
      ...head("month"),
      columns: [
        x.col("month", "month"),
        { key: "enrolments", label: x.column("submitted"), kind: "int" },
        x.col("approved", "int"),
        x.col("approvedPaid", "int"),
        completenessColumn(locale),
      ],
      rows: fig.byMonth.map((m) => ({ ...m, completeness: completeness(m.month === fig.partialMonth, fig.today, locale) })),
    },
    {
      ...head("week"),
      columns: [
        x.col("week", "date"),
        { key: "enrolments", label: x.column("submitted"), kind: "int" },
        x.col("approved", "int"),
        completenessColumn(locale),
      ],
      rows: fig.byWeek.map((w) => ({ ...w, completeness: completeness(w.week === fig.partialWeek, fig.today, locale) })),
    },
    {
      ...head("contributions"),
      columns: [
        { key: "month", label: x.column("contributionMonth"), kind: "month" },
        x.col("billed", "money"),
        x.col("relief", "money"),
        x.col("paid", "money"),
        x.col("arrears", "money"),
        x.col("notYetDue", "money"),
      ],
      rows: fig.contributionsByMonth.map((c) => ({
        month: c.month,
        billed: c.billed,
        relief: c.relief,
        paid: c.paid,
        arrears: c.arrears,
        notYetDue: c.notYetDue,
      })),
    },
    {
      ...head("decisions"),
      columns: [
        { key: "label", label: x.column("time"), kind: "text" },
        x.col("decisions", "int"),
      ],
      rows: DURATION_RANGES.map((range) => ({
        label: rangeLabel(range, locale),
        decisions: sumBuckets(fig.decisions.histogram, range),
      })),
    },
    {
      ...head("targets"),
      columns: [
        { key: "label", label: x.column("office"), kind: "text" },
        x.col("year", "text"),
        x.col("approvedTarget", "int"),
        x.col("approvedActual", "int"),
        x.col("achieved", "percent"),
        x.col("complianceTarget", "percent"),
        x.col("complianceActual", "percent"),
      ],
      rows: targets.map((r) => ({
        label: r.name,
        code: r.code,
        year: String(r.year),
        approvedTarget: r.approvedTarget,
        approvedActual: r.approvedActual,
        achieved: percentOf(r.approvedActual, r.approvedTarget),
        complianceTarget: r.complianceTargetPct,
        complianceActual: complianceRate(r.mandatoryCovered, r.mandatory),
      })),
    },
  ];
  return new Map(tables.map((table) => [table.name, table]));
}

function sumBuckets(histogram: readonly HistogramBucket[], [from, to]: readonly [number, number]): number {
  return histogram.filter((b) => b.hoursBucket >= from && b.hoursBucket < to).reduce((s, b) => s + b.decisions, 0);
}

/** Number formats per language, built once: "1.234" and "87,5" in Indonesian, "1,234" and "87.5" in English. */
const numberFormats = new Map<Locale, { int: Intl.NumberFormat; percent: Intl.NumberFormat }>();
function numbersFor(locale: Locale) {
  let f = numberFormats.get(locale);
  if (!f) {
    f = { int: new Intl.NumberFormat(locale), percent: new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }) };
    numberFormats.set(locale, f);
  }
  return f;
}

/** A cell as shown on screen: "Rp16.800", "87,5%", "11/2026", "21/11/2026", "1.234". */
export function formatCell(kind: ColumnKind, value: CellValue, locale: Locale): string {
  if (value === null || value === undefined) return "—";
  switch (kind) {
    case "int":
      return numbersFor(locale).int.format(Number(value));
    case "money":
      return formatRupiah(Number(value));
    case "percent":
      return `${numbersFor(locale).percent.format(Number(value))}%`;
    case "month":
      return formatMonthId(String(value));
    case "date":
      return formatDateId(String(value));
    default:
      return String(value);
  }
}

// ── enrolment-level detail (export only) ────────────────────────────────────────────────────────

const DETAIL_KEYS = ["enrolmentId", "submittedDay", "kanwil", "kantorCabang", "penyalur", "penyalurOffice", "scheme", "plafon",
  "sectorGroup", "provinceCode", "mandateStatus", "status", "decidedOn", "firstMonthPaid", "paidThroughMonth"] as const;
const DETAIL_KINDS: Partial<Record<(typeof DETAIL_KEYS)[number], ColumnKind>> = { submittedDay: "date", decidedOn: "date", plafon: "money", paidThroughMonth: "month" };

export function detailColumns(locale: Locale): Column[] {
  const t = translator(locale);
  return DETAIL_KEYS.map((key) => ({ key, label: t(`exports.columns.${key}`), kind: DETAIL_KINDS[key] ?? "text" }));
}

export interface DetailSource {
  enrolmentId: string;
  submittedDay: string;
  kanwil: string;
  kantorCabang: string;
  penyalur: string;
  penyalurOffice: string;
  scheme: string;
  plafon: number;
  sectorGroup: string;
  provinceCode: string;
  mandateStatus: string;
  status: string;
  decidedOn: string | null;
  firstMonthPaid: boolean;
  paidThroughMonth: string | null;
}

export function detailRecord(row: DetailSource, locale: Locale): Record<string, CellValue> {
  const t = translator(locale);
  return {
    ...row,
    scheme: schemeLabel(row.scheme, locale),
    sectorGroup: sectorLabel(row.sectorGroup, locale),
    provinceCode: provinceLabel(row.provinceCode),
    mandateStatus: mandateLabel(row.mandateStatus, locale),
    status: statusLabel(row.status, locale),
    firstMonthPaid: row.firstMonthPaid ? t("exports.yes") : t("exports.no"),
  };
}
