import { useTranslations } from "next-intl";
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

/** The contribution lines of an enrolment, month by month. Captioned, with column headers. */
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
  const th = "px-2 py-1";
  const num = "px-2 py-1 text-right tabular-nums";
  return (
    // Scrolls sideways on a phone: focusable, so a keyboard can scroll it too (axe scrollable-region-focusable).
    <div role="region" aria-label={t("contribution")} tabIndex={0} className={`overflow-x-auto ${className}`}>
      <table className="min-w-full text-sm" data-testid="contribution-lines">
        <caption className={captionHidden ? "sr-only" : "text-left font-medium"}>{t("contribution")}</caption>
        <thead className="bg-slate-100 text-left text-xs uppercase text-slate-600">
          <tr>
            <th scope="col" className={th}>{t("month")}</th>
            <th scope="col" className={`${th} text-right`}>JKK</th>
            <th scope="col" className={`${th} text-right`}>JKM</th>
            <th scope="col" className={`${th} text-right`}>JHT</th>
            <th scope="col" className={`${th} text-right`}>{t("reliefApplied")}</th>
            <th scope="col" className={`${th} text-right`}>{t("total")}</th>
            <th scope="col" className={th}>{t("dueDate")}</th>
            <th scope="col" className={th}>{t("status")}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.month} className={`border-t border-slate-200 ${l.status === "WRITTEN_OFF" ? "text-slate-500 line-through decoration-slate-400" : ""}`}>
              <td className="px-2 py-1">{formatMonthId(l.month)}</td>
              <td className={num}>{formatRupiah(l.jkkGross)}</td>
              <td className={num}>{formatRupiah(l.jkmGross)}</td>
              <td className={num}>{formatRupiah(l.jhtGross)}</td>
              <td className={num}>{l.discount ? `−${formatRupiah(l.discount)}` : "—"}</td>
              <td className={`${num} font-semibold`}>{formatRupiah(l.total)}</td>
              <td className="px-2 py-1">{formatDateId(l.dueDate)}</td>
              <td className="px-2 py-1">
                {t(STATUS_KEY[l.status])}
                {l.reliefCredit ? <span className="block text-xs">{t("credited", { amount: formatRupiah(l.reliefCredit) })}</span> : null}
                {l.creditUsed ? <span className="block text-xs">{t("creditUsed", { amount: formatRupiah(l.creditUsed) })}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
