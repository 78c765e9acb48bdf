import { useId, type ReactNode } from "react";

/**
 * One table for every list (issue #13 "phone tables"): a table from the `sm` breakpoint up, a stack
 * of cards below it, from the same markup, so nothing scrolls sideways on a 360 px phone and NIK,
 * plafon, decision, amount, due date and status stay in view. On a card each value carries its
 * column's label (shown on the phone only: the table's header says it from `sm` up). The explicit
 * ARIA roles keep the table's semantics when CSS turns rows into blocks (Chromium and WebKit drop
 * them otherwise). Works in server and client components (no state).
 */
export interface DataColumn<Row> {
  key: string;
  /** The column header on a desk: text, or a sort link. */
  header: ReactNode;
  /** The label on a phone card; the header when that is text. */
  label?: string;
  cell: (row: Row) => ReactNode;
  align?: "right";
  /** The row's name: the card's title on a phone, without a label. */
  primary?: boolean;
  /** The header is a sort link: on a phone it stays, in the bar of sort links above the cards. */
  sortable?: boolean;
  /** aria-sort of the sorted column (at most one). */
  sort?: "ascending" | "descending";
  /** Keeps the value on one line on a desk (amounts, dates, NIKs). */
  nowrap?: boolean;
  /** For a column of controls (a selection box): no label on the card, the control at its top. */
  control?: boolean;
}

/** A link in a cell with a tap target of at least 24 px (WCAG 2.5.8). */
export const cellLink = "inline-flex min-h-6 items-center font-medium text-brand-700 underline underline-offset-2";

export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  rowClassName,
  rowProps,
  testId,
  empty,
  captionVisible = false,
  rowHeaders = false,
  className = "",
}: {
  /** Names the table for screen readers (and the scrollable region on a desk). */
  caption: string;
  columns: DataColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  rowClassName?: (row: Row) => string;
  /** Extra attributes for a row (data-testid …). */
  rowProps?: (row: Row) => Record<`data-${string}`, string>;
  testId?: string;
  /** Shown instead of the table when there are no rows. */
  empty?: ReactNode;
  /** Shows the caption as the table's title (else it is for screen readers only). */
  captionVisible?: boolean;
  /** The primary column's cells are row headers (th scope="row"), naming their row for screen readers. */
  rowHeaders?: boolean;
  className?: string;
}) {
  const captionId = useId();
  if (!rows.length && empty) return <>{empty}</>;
  return (
    // Focusable so that keyboard users can scroll a wide table sideways on a desk.
    <div role="region" aria-labelledby={captionId} tabIndex={0} className={`sm:overflow-x-auto sm:rounded sm:border sm:border-slate-200 sm:bg-white ${className}`}>
      <table role="table" className="block w-full text-left text-sm sm:table sm:min-w-full" data-testid={testId}>
        <caption id={captionId} className={captionVisible ? "block pb-1 text-left font-medium sm:table-caption sm:px-2" : "sr-only"}>{caption}</caption>
        {/* On a phone the header shrinks to its sort links (the cards label every value themselves). */}
        <thead
          role="rowgroup"
          className={`${columns.some((c) => c.sortable) ? "mb-2 block" : "hidden"} bg-slate-100 text-xs uppercase tracking-wide text-slate-700 sm:table-header-group`}
        >
          <tr role="row" className="flex flex-wrap gap-x-1 sm:table-row">
            {columns.map((c) => (
              <th
                key={c.key}
                role="columnheader"
                scope="col"
                aria-sort={c.sort}
                className={`${c.sortable ? "block" : "hidden"} px-3 py-2 whitespace-nowrap sm:table-cell ${c.align === "right" ? "sm:text-right" : ""}`}
              >
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup" className="block space-y-3 sm:table-row-group sm:space-y-0">
          {rows.map((row) => (
            <tr
              key={rowKey(row)}
              role="row"
              {...rowProps?.(row)}
              className={`block rounded border border-slate-200 bg-white p-3 sm:table-row sm:rounded-none sm:border-0 sm:border-t sm:p-0 ${rowClassName?.(row) ?? ""}`}
            >
              {columns.map((c) => {
                const label = c.label ?? (typeof c.header === "string" ? c.header : "");
                if (c.primary || c.control) {
                  const className = `block pb-1 text-base sm:table-cell sm:px-3 sm:py-2 sm:text-sm ${c.control ? "float-right ml-2" : ""} sm:float-none sm:ml-0`;
                  return c.primary && rowHeaders ? (
                    <th key={c.key} role="rowheader" scope="row" className={`${className} text-left font-medium sm:font-normal`}>
                      {c.cell(row)}
                    </th>
                  ) : (
                    <td key={c.key} role="cell" className={className}>
                      {c.cell(row)}
                    </td>
                  );
                }
                return (
                  <td
                    key={c.key}
                    role="cell"
                    className={`flex items-baseline justify-between gap-3 border-t border-slate-100 py-1 sm:table-cell sm:border-0 sm:px-3 sm:py-2 ${c.align === "right" ? "sm:text-right" : ""} ${c.nowrap ? "sm:whitespace-nowrap" : ""}`}
                  >
                    {label ? <span className="shrink-0 text-xs font-medium text-slate-600 sm:hidden">{label}</span> : null}
                    <span className="min-w-0 text-right tabular-nums sm:[text-align:inherit]">{c.cell(row)}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
