import { useTranslations } from "next-intl";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { formatDateId, formatMonthId, formatRupiah, type LineState } from "@/lib/rules";

/**
 * One month's contribution as both the officer's and the reviewer's pages show it: gross per programme,
 * the relief, and the total, so the row adds up as printed (JKK + JKM + JHT − relief = total,
 * docs/regulation.md §3.2, §3.3). PLANNED rows are an enrolment's plan before approval (no debt yet).
 */
export interface ContributionLineRow {
  month: string;
  jkkGross: number;
  jkmGross: number;
  jhtGross: number;
  discount: number;
  total: number;
  dueDate: string;
  status: LineState | "PLANNED";
  reliefCredit?: number;
  creditUsed?: number;
}

const STATUS_KEY = { DUE: "due", PAID: "paid", WRITTEN_OFF: "writtenOff", PLANNED: "planned" } as const;

/** The contribution lines of an enrolment, month by month: a table on a desk, one card per month on a phone. */
export function ContributionLinesTable({
  lines,
  captionHidden = false,
  className = "",
}: {
  lines: readonly ContributionLineRow[];
  captionHidden?: boolean;
  className?: string;
}) {
  const t = useTranslations("detail");
  const money = (key: string, header: string, value: (l: ContributionLineRow) => number, sign = "") => ({
    key,
    header,
    align: "right" as const,
    nowrap: true,
    cell: (l: ContributionLineRow) => (value(l) || key === "jht" || key === "jkk" || key === "jkm" ? `${sign}${formatRupiah(value(l))}` : "—"),
  });
  const columns: DataColumn<ContributionLineRow>[] = [
    { key: "month", header: t("month"), primary: true, cell: (l) => <span className="font-semibold sm:font-normal">{formatMonthId(l.month)}</span> },
    money("jkk", "JKK", (l) => l.jkkGross),
    money("jkm", "JKM", (l) => l.jkmGross),
    money("jht", "JHT", (l) => l.jhtGross),
    money("relief", t("reliefApplied"), (l) => l.discount, "−"),
    { key: "total", header: t("total"), align: "right", nowrap: true, cell: (l) => <span className="font-semibold">{formatRupiah(l.total)}</span> },
    { key: "due", header: t("dueDate"), nowrap: true, cell: (l) => formatDateId(l.dueDate) },
    {
      key: "status",
      header: t("status"),
      cell: (l) => (
        <>
          {t(STATUS_KEY[l.status])}
          {l.reliefCredit ? <span className="block text-xs">{t("credited", { amount: formatRupiah(l.reliefCredit) })}</span> : null}
          {l.creditUsed ? <span className="block text-xs">{t("creditUsed", { amount: formatRupiah(l.creditUsed) })}</span> : null}
        </>
      ),
    },
  ];
  return (
    <DataTable
      caption={t("contribution")}
      captionVisible={!captionHidden}
      className={className}
      columns={columns}
      rows={lines}
      rowKey={(l) => l.month}
      rowClassName={(l) => (l.status === "WRITTEN_OFF" ? "text-slate-500 line-through decoration-slate-400" : "")}
      testId="contribution-lines"
    />
  );
}
