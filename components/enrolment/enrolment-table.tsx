import { useTranslations } from "next-intl";
import Link from "next/link";
import { DataTable, cellLink, type DataColumn } from "@/components/ui/data-table";
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

/** A sortable header: the link's name stays the column's name (screen readers repeat it with every cell); aria-sort says the order. */
function SortHeader({ column, label, sorting }: { column: ListSort; label: string; sorting?: TableSorting }) {
  if (!sorting) return <>{label}</>;
  const active = sorting.column === column;
  const arrow = active ? (sorting.dir === "asc" ? "▲" : "▼") : "↕";
  return (
    <Link href={sorting.hrefs[column]} scroll={false} className="inline-flex min-h-6 items-center gap-1 underline underline-offset-2 hover:text-slate-900">
      {label}
      <span aria-hidden="true">{arrow}</span>
    </Link>
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
  const sortOf = (column: ListSort) => (sorting?.column === column ? (sorting.dir === "asc" ? "ascending" : "descending") : undefined);
  const columns: DataColumn<EnrolmentListItem>[] = [
    {
      key: "name",
      header: <SortHeader column="name" label={t("name")} sorting={sorting} />,
      sortable: Boolean(sorting),
      sort: sortOf("name"),
      primary: true,
      cell: (r) => <Link href={`/pendaftaran/${r.id}`} className={cellLink}>{r.fullName}</Link>,
    },
    { key: "status", header: t("status"), cell: (r) => <StatusCell status={r.status} returnReason={r.returnReason} /> },
    { key: "nik", header: t("nik"), nowrap: true, cell: (r) => <span className="font-mono">{r.nikMasked}</span> },
    { key: "scheme", header: t("scheme"), nowrap: true, cell: (r) => enums(`scheme.${r.scheme}`) },
    {
      key: "plafon",
      header: <SortHeader column="plafon" label={t("plafon")} sorting={sorting} />,
      label: t("plafon"),
      sortable: Boolean(sorting),
      sort: sortOf("plafon"),
      align: "right",
      nowrap: true,
      cell: (r) => formatRupiah(r.plafon),
    },
    { key: "mandate", header: t("mandate"), cell: (r) => enums(`mandate.${r.mandateStatus}`) },
    {
      key: "submitted",
      header: <SortHeader column="submitted" label={t("submittedAt")} sorting={sorting} />,
      label: t("submittedAt"),
      sortable: Boolean(sorting),
      sort: sortOf("submitted"),
      nowrap: true,
      cell: (r) => (r.submittedAt ? formatInstant(r.submittedAt, timeZone) : "—"),
    },
    ...(showOffice ? [{ key: "office", header: t("office"), cell: (r: EnrolmentListItem) => r.officeName }] : []),
  ];
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.id}
      rowClassName={(r) => (r.status === "RETURNED" ? "bg-amber-50 sm:bg-amber-50" : "")}
    />
  );
}
