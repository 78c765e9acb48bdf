import Link from "next/link";
import { useTranslations } from "next-intl";
import { exportHref, type DashboardQuery } from "@/lib/dashboard/schema";
import { formatCell, type FigureTable as Table, type Locale } from "@/lib/dashboard/tables";

/**
 * A figure's accessible table: a caption saying what and where, column headers with scope="col",
 * the first cell of each row a row header; numbers right-aligned. `rowHref` turns a row's name
 * into a drill-down link. Below it, the CSV/XLSX download of exactly these rows.
 */
export function FigureTable({
  table,
  locale,
  query,
  rowHref,
}: {
  table: Table;
  locale: Locale;
  query: DashboardQuery;
  rowHref?: (row: Table["rows"][number]) => string | null;
}) {
  const t = useTranslations("dashboard");
  const [first, ...rest] = table.columns;
  return (
    <div className="space-y-1">
      <div className="overflow-x-auto rounded border border-slate-200 bg-white">
        <table className="w-full text-sm" data-table={table.name}>
          <caption className="px-3 py-2 text-left text-sm font-medium text-slate-700">{table.caption}</caption>
          <thead className="bg-slate-100 text-left">
            <tr>
              {table.columns.map((c) => (
                <th key={c.key} scope="col" className={`px-3 py-2 ${c.kind === "text" ? "" : "text-right"}`}>{c.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.length === 0 ? (
              <tr>
                <td colSpan={table.columns.length} className="px-3 py-2 text-slate-600">{t("noData")}</td>
              </tr>
            ) : (
              table.rows.map((row, i) => {
                const href = rowHref?.(row) ?? null;
                const name = formatCell(first!.kind, row[first!.key] ?? null, locale);
                return (
                  <tr key={i} className="border-t border-slate-200">
                    <th scope="row" className="px-3 py-1.5 text-left font-normal">
                      {href ? <Link href={href} className="text-brand-700 underline">{name}</Link> : name}
                    </th>
                    {rest.map((c) => (
                      <td key={c.key} className={`px-3 py-1.5 whitespace-nowrap ${c.kind === "text" ? "" : "text-right tabular-nums"}`}>
                        {formatCell(c.kind, row[c.key] ?? null, locale)}
                      </td>
                    ))}
                  </tr>
                );
              })
            )}
          </tbody>
        </table>
      </div>
      <p className="flex gap-3 text-sm">
        <a href={exportHref(query, table.name, "csv")} className="text-brand-700 underline" download>
          {t("downloadCsv")}<span className="sr-only"> — {table.title}</span>
        </a>
        <a href={exportHref(query, table.name, "xlsx")} className="text-brand-700 underline" download>
          {t("downloadXlsx")}<span className="sr-only"> — {table.title}</span>
        </a>
      </p>
    </div>
  );
}
