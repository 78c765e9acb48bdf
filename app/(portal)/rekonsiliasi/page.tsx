import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { DebtorListForm } from "@/components/reconcile/upload-form";
import { DataTable, cellLink, type DataColumn } from "@/components/ui/data-table";
import { requirePermission } from "@/lib/auth/session";
import { formatInstant } from "@/lib/format";
import { formatDateId, todayInZone } from "@/lib/rules";
import { LIST_COLUMNS } from "@/lib/reconcile/columns";
import { debtorLists, type ListSummary } from "@/lib/reconcile/data";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reconcile"))("title") };
}

/** Reconciliation (issue #14): upload a bank's disbursed-debtor list; open the report of one. */
export default async function ReconciliationPage() {
  const actor = await requirePermission("reconciliation:run");
  const [t, lists] = await Promise.all([getTranslations("reconcile"), debtorLists(actor)]);
  const today = todayInZone(new Date(), actor.timeZone);
  const columns: DataColumn<ListSummary>[] = [
    { key: "file", header: t("lists.file"), primary: true, cell: (l) => <Link href={`/rekonsiliasi/${l.id}`} className={`${cellLink} break-all`}>{l.fileName}</Link> },
    { key: "period", header: t("lists.period"), nowrap: true, cell: (l) => `${formatDateId(l.periodFrom)} – ${formatDateId(l.periodTo)}` },
    { key: "rows", header: t("report.debtors"), align: "right", cell: (l) => t("lists.rows", { count: l.rowCount }) },
    { key: "status", header: t("lists.statusLabel"), cell: (l) => t(`lists.status.${l.status}`) },
    { key: "uploaded", header: t("lists.uploaded"), cell: (l) => `${formatInstant(l.createdAt, actor.timeZone)} · ${l.uploadedBy}` },
  ];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="max-w-prose text-sm text-slate-700">{t("intro")}</p>
      <p className="max-w-prose text-sm text-slate-700">{t("columns", { columns: LIST_COLUMNS.map((c) => c.header).join("; ") })}</p>
      <DebtorListForm defaultFrom={`${today.slice(0, 7)}-01`} defaultTo={today} />
      <section aria-labelledby="lists-title" className="space-y-2">
        <h2 id="lists-title" className="text-lg font-semibold">{t("lists.heading")}</h2>
        <DataTable
          caption={t("lists.caption")}
          columns={columns}
          rows={lists}
          rowKey={(l) => l.id}
          testId="reconcile-lists"
          empty={<p>{t("lists.none")}</p>}
        />
      </section>
    </div>
  );
}
