import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { DebtorListForm } from "@/components/reconcile/upload-form";
import { requirePermission } from "@/lib/auth/session";
import { formatInstant } from "@/lib/format";
import { formatDateId, todayInZone } from "@/lib/rules";
import { LIST_COLUMNS } from "@/lib/reconcile/columns";
import { debtorLists } from "@/lib/reconcile/data";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reconcile"))("title") };
}

/** Reconciliation (issue #14): upload a bank's disbursed-debtor list; open the report of one. */
export default async function ReconciliationPage() {
  const actor = await requirePermission("reconciliation:run");
  const [t, lists] = await Promise.all([getTranslations("reconcile"), debtorLists(actor)]);
  const today = todayInZone(new Date(), actor.timeZone);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="max-w-prose text-sm text-slate-700">{t("intro")}</p>
      <p className="max-w-prose text-sm text-slate-700">{t("columns", { columns: LIST_COLUMNS.map((c) => c.header).join("; ") })}</p>
      <DebtorListForm defaultFrom={`${today.slice(0, 7)}-01`} defaultTo={today} />
      <section aria-labelledby="lists-title" className="space-y-2">
        <h2 id="lists-title" className="text-lg font-semibold">{t("lists.heading")}</h2>
        {lists.length === 0 ? (
          <p>{t("lists.none")}</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white">
            {lists.map((l) => (
              <li key={l.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
                <Link href={`/rekonsiliasi/${l.id}`} className="inline-block py-1 font-medium text-brand-700 underline underline-offset-2">{l.fileName}</Link>
                <span className="text-sm text-slate-700">
                  {formatDateId(l.periodFrom)} – {formatDateId(l.periodTo)} · {t("lists.rows", { count: l.rowCount })} · {formatInstant(l.createdAt, actor.timeZone)} · {l.uploadedBy}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
