import { useTranslations } from "next-intl";
import Link from "next/link";
import { useId } from "react";
import type { EnrolmentListItem } from "@/lib/enrolment/data";
import type { ListSort, SortDirection } from "@/lib/enrolment/list-schema";
import { formatInstant } from "@/lib/format";
import { formatRupiah } from "@/lib/rules";

/** Sortable column headers: the current order and, per column, where a click on its header leads. */
export interface TableSorting {
  column: ListSort;
  dir: SortDirection;
  hrefs: Record<ListSort, string>;
}

function StatusCell({ status, returnReason }: { status: EnrolmentListItem["status"]; returnReason: string | null }) {
  const enums = useTranslations("enums");
  if (status !== "RETURNED") return <>{enums(`status.${status}`)}</>;
  // Returned enrolments wait on the officer: a badge, not only the row's colour, says so, and the
  // reviewer's reason says what to fix.
  return (
    <>
      <span className="inline-block whitespace-nowrap rounded-full border border-amber-700 bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">
        {enums("status.RETURNED")}
      </span>
      {returnReason ? <span className="mt-1 block min-w-40 text-xs text-amber-900" data-testid="return-reason">{returnReason}</span> : null}
    </>
  );
}

function HeaderCell({
  column,
  label,
  sorting,
  className = "",
}: {
  column?: ListSort;
  label: string;
  sorting?: TableSorting;
  className?: string;
}) {
  const cls = `px-3 py-2 whitespace-nowrap ${className}`;
  if (!column || !sorting) {
    return <th scope="col" className={cls}>{label}</th>;
  }
  const active = sorting.column === column;
  const arrow = active ? (sorting.dir === "asc" ? "▲" : "▼") : "↕";
  // aria-sort on the sorted column only (WAI-ARIA: at most one per table) says the order; the link's
  // name stays the column's name, because screen readers repeat a header's text with every cell.
  return (
    <th scope="col" className={cls} aria-sort={active ? (sorting.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={sorting.hrefs[column]} scroll={false} className="inline-flex items-center gap-1 underline underline-offset-2 hover:text-slate-900">
        {label}
        <span aria-hidden="true">{arrow}</span>
      </Link>
    </th>
  );
}

export function EnrolmentTable({
  rows,
  timeZone,
  caption,
  sorting,
  showOffice = false,
}: {
  rows: EnrolmentListItem[];
  timeZone: string;
  caption: string;
  sorting?: TableSorting;
  /** For reviewers and above, whose scope spans several lender offices. */
  showOffice?: boolean;
}) {
  const t = useTranslations("list");
  const enums = useTranslations("enums");
  const captionId = useId();
  return (
    // Focusable so that keyboard users can scroll the table sideways on a narrow screen.
    <div
      role="region"
      aria-labelledby={captionId}
      tabIndex={0}
      className="overflow-x-auto rounded border border-slate-200 bg-white"
    >
      <table className="min-w-full text-left text-sm">
        <caption id={captionId} className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-xs uppercase tracking-wide text-slate-700">
          <tr>
            <HeaderCell column="name" label={t("name")} sorting={sorting} />
            <HeaderCell label={t("status")} />
            <HeaderCell label={t("nik")} />
            <HeaderCell label={t("scheme")} />
            <HeaderCell column="plafon" label={t("plafon")} sorting={sorting} className="text-right" />
            <HeaderCell label={t("mandate")} />
            <HeaderCell column="submitted" label={t("submittedAt")} sorting={sorting} />
            {showOffice ? <HeaderCell label={t("office")} /> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className={`border-t border-slate-200 ${r.status === "RETURNED" ? "bg-amber-50" : ""}`}>
              <td className="px-3 py-2">
                <Link href={`/pendaftaran/${r.id}`} className="font-medium text-brand-700 underline underline-offset-2">
                  {r.fullName}
                </Link>
              </td>
              <td className="px-3 py-2">
                <StatusCell status={r.status} returnReason={r.returnReason} />
              </td>
              <td className="px-3 py-2 font-mono whitespace-nowrap">{r.nikMasked}</td>
              <td className="px-3 py-2 whitespace-nowrap">{enums(`scheme.${r.scheme}`)}</td>
              <td className="px-3 py-2 text-right tabular-nums whitespace-nowrap">{formatRupiah(r.plafon)}</td>
              <td className="px-3 py-2">{enums(`mandate.${r.mandateStatus}`)}</td>
              <td className="px-3 py-2 whitespace-nowrap">{r.submittedAt ? formatInstant(r.submittedAt, timeZone) : "—"}</td>
              {showOffice ? <td className="px-3 py-2">{r.officeName}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
