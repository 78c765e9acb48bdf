/**
 * The dashboard's figures as tables: the page renders them (each chart has its table beside it)
 * and the export route streams the very same rows as CSV or XLSX, so a download always matches
 * the screen. Pure: no database, no framework.
 */
import { SCHEME_LABELS, SECTOR_GROUP_LABELS, SECTOR_GROUP_LABELS_EN, formatDateId, formatMonthId, formatRupiah, provinceByCode } from "@/lib/rules";
import type { KurScheme, KurSectorGroup } from "@/lib/rules";
import type { BreakdownRow, DashboardFigures, Labels, TargetRow } from "@/lib/dashboard/data";
import { OPEN_BUCKET, formatDuration, type HistogramBucket } from "@/lib/dashboard/median";
import type { ExportTable } from "@/lib/dashboard/schema";

export type Locale = "id" | "en";
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

const T = {
  id: {
    status: "Status", enrolments: "Pendaftaran", approved: "Disetujui", approvedPaid: "Disetujui & bulan pertama dibayar",
    mandatory: "Debitur wajib", mandatoryCovered: "Wajib terlindungi", compliance: "Kepatuhan wajib (%)",
    stage: "Tahap", count: "Jumlah", share: "% dari diajukan", month: "Bulan", week: "Minggu mulai", submitted: "Diajukan",
    contributionMonth: "Bulan iuran", billed: "Ditagih", relief: "Keringanan PP 50/2025", paid: "Dibayar", arrears: "Tunggakan",
    notYetDue: "Belum jatuh tempo", time: "Waktu sampai keputusan", decisions: "Keputusan", office: "Kantor", year: "Tahun",
    approvedTarget: "Target peserta", approvedActual: "Realisasi peserta", achieved: "Capaian (%)",
    complianceTarget: "Target kepatuhan (%)", complianceActual: "Kepatuhan (%)",
    kanwil: "Kanwil", kc: "Kantor Cabang", penyalurOffice: "Kantor penyalur", penyalur: "Penyalur", scheme: "Skema",
    sector: "Sektor usaha", province: "Provinsi",
    funnel: { submitted: "Diajukan", approved: "Disetujui", paid: "Dibayar (bulan pertama)", active: "Aktif (iuran menutup bulan ini)" },
    statuses: { SUBMITTED: "Diajukan, menunggu tinjauan", RETURNED: "Dikembalikan untuk perbaikan", APPROVED: "Disetujui", REJECTED: "Ditolak" } as Record<string, string>,
    titles: {
      status: "Pendaftaran menurut status", funnel: "Corong pendaftaran", kanwil: "Menurut Kanwil", kc: "Menurut Kantor Cabang",
      office: "Menurut kantor penyalur", penyalur: "Menurut penyalur", scheme: "Menurut skema KUR", sector: "Menurut sektor usaha",
      province: "Menurut provinsi usaha", month: "Tren bulanan", week: "Tren mingguan", contributions: "Iuran per bulan iuran",
      decisions: "Waktu dari pengajuan sampai keputusan", targets: "Target dan realisasi", detail: "Rincian pendaftaran",
    } as Record<ExportTable, string>,
    unknownSector: "Belum diisi",
  },
  en: {
    status: "Status", enrolments: "Enrolments", approved: "Approved", approvedPaid: "Approved & first month paid",
    mandatory: "Mandatory debtors", mandatoryCovered: "Mandatory covered", compliance: "Mandatory compliance (%)",
    stage: "Stage", count: "Count", share: "% of submitted", month: "Month", week: "Week starting", submitted: "Submitted",
    contributionMonth: "Contribution month", billed: "Billed", relief: "PP 50/2025 relief", paid: "Paid", arrears: "Arrears",
    notYetDue: "Not yet due", time: "Time to decision", decisions: "Decisions", office: "Office", year: "Year",
    approvedTarget: "Target debtors", approvedActual: "Actual debtors", achieved: "Achieved (%)",
    complianceTarget: "Compliance target (%)", complianceActual: "Compliance (%)",
    kanwil: "Kanwil", kc: "Branch office", penyalurOffice: "Lender office", penyalur: "Lender", scheme: "Scheme",
    sector: "Business sector", province: "Province",
    funnel: { submitted: "Submitted", approved: "Approved", paid: "Paid (first month)", active: "Active (paid through this month)" },
    statuses: { SUBMITTED: "Submitted, awaiting review", RETURNED: "Returned for correction", APPROVED: "Approved", REJECTED: "Rejected" } as Record<string, string>,
    titles: {
      status: "Enrolments by status", funnel: "Enrolment funnel", kanwil: "By Kanwil", kc: "By branch office",
      office: "By lender office", penyalur: "By lender", scheme: "By KUR scheme", sector: "By business sector",
      province: "By business province", month: "Monthly trend", week: "Weekly trend", contributions: "Contributions by month",
      decisions: "Time from submission to decision", targets: "Targets and actuals", detail: "Enrolment detail",
    } as Record<ExportTable, string>,
    unknownSector: "Not recorded",
  },
} as const;

export function dashboardText(locale: Locale) {
  return T[locale];
}

export function schemeLabel(code: string): string {
  return SCHEME_LABELS[code as KurScheme] ?? code;
}
export function sectorLabel(code: string, locale: Locale): string {
  const labels = locale === "id" ? SECTOR_GROUP_LABELS : SECTOR_GROUP_LABELS_EN;
  return labels[code as KurSectorGroup] ?? T[locale].unknownSector;
}
export function provinceLabel(code: string): string {
  return provinceByCode(code)?.name ?? code;
}

/** The labels `dashboardFigures` puts on breakdown rows, in one locale (page, export and bench alike). */
export function figureLabels(locale: Locale): Labels {
  return { scheme: schemeLabel, sector: (code) => sectorLabel(code, locale), province: provinceLabel };
}

/** Covered ÷ mandatory in percent, one decimal; null when there is no mandatory debtor. */
export function complianceRate(covered: number, mandatory: number): number | null {
  return mandatory > 0 ? Math.round((1000 * covered) / mandatory) / 10 : null;
}
const ratio = (part: number, whole: number) => (whole > 0 ? Math.round((1000 * part) / whole) / 10 : null);

function breakdownTable(name: ExportTable, nameLabel: string, rows: BreakdownRow[], locale: Locale, scopeCaption: string): FigureTable {
  const t = T[locale];
  return {
    name,
    title: t.titles[name],
    caption: `${t.titles[name]} — ${scopeCaption}`,
    columns: [
      { key: "label", label: nameLabel, kind: "text" },
      { key: "enrolments", label: t.enrolments, kind: "int" },
      { key: "approved", label: t.approved, kind: "int" },
      { key: "approvedPaid", label: t.approvedPaid, kind: "int" },
      { key: "mandatory", label: t.mandatory, kind: "int" },
      { key: "mandatoryCovered", label: t.mandatoryCovered, kind: "int" },
      { key: "compliance", label: t.compliance, kind: "percent" },
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

/** Histogram buckets grouped into the ranges a person reads ("4–8 jam", "3–7 hari"). */
const DURATION_RANGES: ReadonlyArray<[from: number, to: number]> = [
  [0, 4], [4, 8], [8, 24], [24, 48], [48, 72], [72, 168], [168, 336], [336, OPEN_BUCKET], [OPEN_BUCKET, Infinity],
];
function rangeLabel([from, to]: [number, number], locale: Locale): string {
  if (to === Infinity) return formatDuration(OPEN_BUCKET, locale);
  return `${formatDuration(from, locale)} – ${formatDuration(to, locale)}`.replace(/^0 (jam|hours) – /, locale === "id" ? "< " : "< ");
}

export interface TableContext {
  locale: Locale;
  /** "Kanwil Jawa Barat, 01/2026–11/2026" — what every caption says it covers. */
  scopeCaption: string;
}

/** Every table of a view, by name. `office` only when a Kantor Cabang is chosen. */
export function figureTables(fig: DashboardFigures, targets: TargetRow[], ctx: TableContext): Map<ExportTable, FigureTable> {
  const { locale, scopeCaption } = ctx;
  const t = T[locale];
  const tables: FigureTable[] = [
    {
      name: "status",
      title: t.titles.status,
      caption: `${t.titles.status} — ${scopeCaption}`,
      columns: [
        { key: "label", label: t.status, kind: "text" },
        { key: "enrolments", label: t.enrolments, kind: "int" },
      ],
      rows: fig.byStatus.map((s) => ({ label: t.statuses[s.status] ?? s.status, code: s.status, enrolments: s.enrolments })),
    },
    {
      name: "funnel",
      title: t.titles.funnel,
      caption: `${t.titles.funnel} — ${scopeCaption}`,
      columns: [
        { key: "label", label: t.stage, kind: "text" },
        { key: "count", label: t.count, kind: "int" },
        { key: "share", label: t.share, kind: "percent" },
      ],
      rows: (["submitted", "approved", "paid", "active"] as const).map((stage) => ({
        label: t.funnel[stage],
        code: stage,
        count: fig.funnel[stage],
        share: ratio(fig.funnel[stage], fig.funnel.submitted),
      })),
    },
    breakdownTable("kanwil", t.kanwil, fig.byKanwil, locale, scopeCaption),
    ...(fig.byKc ? [breakdownTable("kc", t.kc, fig.byKc, locale, scopeCaption)] : []),
    ...(fig.byOffice ? [breakdownTable("office", t.penyalurOffice, fig.byOffice, locale, scopeCaption)] : []),
    breakdownTable("penyalur", t.penyalur, fig.byPenyalur, locale, scopeCaption),
    breakdownTable("scheme", t.scheme, fig.byScheme, locale, scopeCaption),
    breakdownTable("sector", t.sector, fig.bySector, locale, scopeCaption),
    breakdownTable("province", t.province, fig.byProvince, locale, scopeCaption),
    {
      name: "month",
      title: t.titles.month,
      caption: `${t.titles.month} — ${scopeCaption}`,
      columns: [
        { key: "month", label: t.month, kind: "month" },
        { key: "enrolments", label: t.submitted, kind: "int" },
        { key: "approved", label: t.approved, kind: "int" },
        { key: "approvedPaid", label: t.approvedPaid, kind: "int" },
      ],
      rows: fig.byMonth.map((m) => ({ ...m })),
    },
    {
      name: "week",
      title: t.titles.week,
      caption: `${t.titles.week} — ${scopeCaption}`,
      columns: [
        { key: "week", label: t.week, kind: "date" },
        { key: "enrolments", label: t.submitted, kind: "int" },
        { key: "approved", label: t.approved, kind: "int" },
      ],
      rows: fig.byWeek.map((w) => ({ ...w })),
    },
    {
      name: "contributions",
      title: t.titles.contributions,
      caption: `${t.titles.contributions} — ${scopeCaption}`,
      columns: [
        { key: "month", label: t.contributionMonth, kind: "month" },
        { key: "billed", label: t.billed, kind: "money" },
        { key: "relief", label: t.relief, kind: "money" },
        { key: "paid", label: t.paid, kind: "money" },
        { key: "arrears", label: t.arrears, kind: "money" },
        { key: "notYetDue", label: t.notYetDue, kind: "money" },
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
      name: "decisions",
      title: t.titles.decisions,
      caption: `${t.titles.decisions} — ${scopeCaption}`,
      columns: [
        { key: "label", label: t.time, kind: "text" },
        { key: "decisions", label: t.decisions, kind: "int" },
      ],
      rows: DURATION_RANGES.map((range) => ({
        label: rangeLabel(range, locale),
        decisions: sumBuckets(fig.decisions.histogram, range),
      })),
    },
    {
      name: "targets",
      title: t.titles.targets,
      caption: `${t.titles.targets} — ${scopeCaption}`,
      columns: [
        { key: "label", label: t.office, kind: "text" },
        { key: "year", label: t.year, kind: "text" },
        { key: "approvedTarget", label: t.approvedTarget, kind: "int" },
        { key: "approvedActual", label: t.approvedActual, kind: "int" },
        { key: "achieved", label: t.achieved, kind: "percent" },
        { key: "complianceTarget", label: t.complianceTarget, kind: "percent" },
        { key: "complianceActual", label: t.complianceActual, kind: "percent" },
      ],
      rows: targets.map((r) => ({
        label: r.name,
        code: r.code,
        year: String(r.year),
        approvedTarget: r.approvedTarget,
        approvedActual: r.approvedActual,
        achieved: ratio(r.approvedActual, r.approvedTarget),
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

/** A cell as shown on screen: "Rp16.800", "87,5%", "11/2026", "21/11/2026", "1.234". */
const INT_FORMAT: Record<Locale, Intl.NumberFormat> = { id: new Intl.NumberFormat("id-ID"), en: new Intl.NumberFormat("en-GB") };
const PERCENT_FORMAT: Record<Locale, Intl.NumberFormat> = {
  id: new Intl.NumberFormat("id-ID", { maximumFractionDigits: 1, minimumFractionDigits: 1 }),
  en: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1, minimumFractionDigits: 1 }),
};

export function formatCell(kind: ColumnKind, value: CellValue, locale: Locale): string {
  if (value === null || value === undefined) return "—";
  switch (kind) {
    case "int":
      return INT_FORMAT[locale].format(Number(value));
    case "money":
      return formatRupiah(Number(value));
    case "percent":
      return `${PERCENT_FORMAT[locale].format(Number(value))}%`;
    case "month":
      return formatMonthId(String(value));
    case "date":
      return formatDateId(String(value));
    default:
      return String(value);
  }
}

// ── enrolment-level detail (export only) ────────────────────────────────────────────────────────

const DETAIL_LABELS = {
  id: {
    enrolmentId: "ID pendaftaran", submittedDay: "Tanggal diajukan", kanwil: "Kanwil", kantorCabang: "Kantor Cabang",
    penyalur: "Penyalur", penyalurOffice: "Kantor penyalur", scheme: "Skema", plafon: "Plafon (Rp)", sectorGroup: "Sektor usaha",
    provinceCode: "Provinsi usaha", mandateStatus: "Keputusan wajib", status: "Status", decidedOn: "Tanggal keputusan",
    firstMonthPaid: "Bulan pertama dibayar", paidThroughMonth: "Dibayar sampai bulan", yes: "ya", no: "tidak",
  },
  en: {
    enrolmentId: "Enrolment id", submittedDay: "Submitted on", kanwil: "Kanwil", kantorCabang: "Branch office",
    penyalur: "Lender", penyalurOffice: "Lender office", scheme: "Scheme", plafon: "Credit limit (Rp)", sectorGroup: "Business sector",
    provinceCode: "Business province", mandateStatus: "Mandate", status: "Status", decidedOn: "Decided on",
    firstMonthPaid: "First month paid", paidThroughMonth: "Paid through", yes: "yes", no: "no",
  },
} as const;

const DETAIL_KINDS: Record<string, ColumnKind> = { submittedDay: "date", decidedOn: "date", plafon: "money", paidThroughMonth: "month" };

export function detailColumns(locale: Locale): Column[] {
  const labels = DETAIL_LABELS[locale];
  const keys = ["enrolmentId", "submittedDay", "kanwil", "kantorCabang", "penyalur", "penyalurOffice", "scheme", "plafon",
    "sectorGroup", "provinceCode", "mandateStatus", "status", "decidedOn", "firstMonthPaid", "paidThroughMonth"] as const;
  return keys.map((key) => ({ key, label: labels[key], kind: DETAIL_KINDS[key] ?? "text" }));
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
  const labels = DETAIL_LABELS[locale];
  return {
    ...row,
    scheme: schemeLabel(row.scheme),
    sectorGroup: sectorLabel(row.sectorGroup, locale),
    provinceCode: provinceLabel(row.provinceCode),
    status: T[locale].statuses[row.status] ?? row.status,
    firstMonthPaid: row.firstMonthPaid ? labels.yes : labels.no,
  };
}
