import { useTranslations } from "next-intl";
import { formatDateId, formatMonthId, formatRupiah } from "@/lib/rules";

/** One month's contribution line as both the officer's and the reviewer's pages show it. */
export interface ContributionLineRow {
  month: string;
  total: number;
  dueDate: string;
  status: "DUE" | "PAID";
}

/** A line with its programme shares and relief (docs/regulation.md §3.3), for the officer's detailed table. */
export interface PricedContributionLineRow extends ContributionLineRow {
  jkk: number;
  jkm: number;
  jht: number;
  discount: number;
}

const isPriced = (l: ContributionLineRow): l is PricedContributionLineRow => "jkk" in l;

/**
 * The contribution lines of an enrolment, month by month: total, due date and paid/due status,
 * plus JKK/JKM/JHT and the relief when the lines carry them. Captioned, with column headers.
 */
export function ContributionLinesTable({
  lines,
  captionHidden = false,
  className = "",
}: {
  lines: readonly ContributionLineRow[] | readonly PricedContributionLineRow[];
  captionHidden?: boolean;
  className?: string;
}) {
  const t = useTranslations("detail");
  const priced = lines.length > 0 && lines.every(isPriced);
  const th = "px-2 py-1";
  const num = "px-2 py-1 text-right tabular-nums";
  return (
    <div className={`overflow-x-auto ${className}`}>
      <table className="min-w-full text-sm">
        <caption className={captionHidden ? "sr-only" : "text-left font-medium"}>{t("contribution")}</caption>
        <thead className="bg-slate-100 text-left text-xs uppercase text-slate-600">
          <tr>
            <th scope="col" className={th}>{t("month")}</th>
            {priced ? (
              <>
                <th scope="col" className={`${th} text-right`}>JKK</th>
                <th scope="col" className={`${th} text-right`}>JKM</th>
                <th scope="col" className={`${th} text-right`}>JHT</th>
                <th scope="col" className={`${th} text-right`}>{t("reliefApplied")}</th>
              </>
            ) : null}
            <th scope="col" className={`${th} text-right`}>{t("total")}</th>
            <th scope="col" className={th}>{t("dueDate")}</th>
            <th scope="col" className={th}>{t("status")}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.month} className="border-t border-slate-200">
              <td className="px-2 py-1">{formatMonthId(l.month)}</td>
              {isPriced(l) ? (
                <>
                  <td className={num}>{formatRupiah(l.jkk)}</td>
                  <td className={num}>{formatRupiah(l.jkm)}</td>
                  <td className={num}>{formatRupiah(l.jht)}</td>
                  <td className={num}>{l.discount ? `−${formatRupiah(l.discount)}` : "—"}</td>
                </>
              ) : null}
              <td className={priced ? `${num} font-semibold` : num}>{formatRupiah(l.total)}</td>
              <td className="px-2 py-1">{formatDateId(l.dueDate)}</td>
              <td className="px-2 py-1">{l.status === "PAID" ? t("paid") : t("due")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
