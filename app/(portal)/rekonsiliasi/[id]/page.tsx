import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/session";
import { formatDateId } from "@/lib/rules";
import { REPORT_DIMENSIONS, parseDimension } from "@/lib/reconcile/columns";
import { reconciliationReport } from "@/lib/reconcile/data";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reconcile"))("title") };
}

const pct = (part: number, whole: number) => (whole === 0 ? "–" : `${((100 * part) / whole).toFixed(1).replace(".", ",")}%`);

/** One list's reconciliation, grouped by penyalur, office, Kanwil or scheme (the `menurut` parameter). */
export default async function ReconciliationReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePermission("reconciliation:run");
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const by = parseDimension(query.menurut);
  const report = await reconciliationReport(actor, id, by);
  if (!report) notFound();
  const [t, tEnums] = await Promise.all([getTranslations("reconcile.report"), getTranslations("enums")]);
  const label = (key: string | null, text: string) =>
    key === null || key === "" ? t("unknown") : by === "scheme" ? tEnums(`scheme.${key as "KECIL"}`) : text;
  const { list, rows, total, unmatched } = report;
  const cells = (r: { debtors: number; covered: number; pending: number; mandatoryUncovered: number; unmatchedEnrolments: number }) => [
    r.debtors,
    r.covered,
    pct(r.covered, r.debtors),
    r.pending,
    r.mandatoryUncovered,
    r.unmatchedEnrolments,
  ];
  return (
    <div className="space-y-5">
      <nav className="text-sm">
        <Link href="/rekonsiliasi" className="inline-block py-1 text-brand-700 underline underline-offset-2">{t("back")}</Link>
      </nav>
      <h1 className="break-words text-2xl font-semibold">{list.fileName}</h1>
      <p className="text-sm text-slate-700">
        {t("period", { from: formatDateId(list.periodFrom), to: formatDateId(list.periodTo), rows: list.rowCount, errors: list.errorCount, name: list.uploadedBy })}
      </p>
      <nav aria-label={t("by")} className="flex flex-wrap items-center gap-3 text-sm">
        <span>{t("by")}:</span>
        {REPORT_DIMENSIONS.map((d) =>
          d === by ? (
            <span key={d} aria-current="page" className="py-1 font-semibold">{t(`dimension.${d}`)}</span>
          ) : (
            <Link key={d} href={`/rekonsiliasi/${list.id}?menurut=${d}`} className="inline-block py-1 text-brand-700 underline underline-offset-2">{t(`dimension.${d}`)}</Link>
          ),
        )}
      </nav>
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("caption", { dimension: t(`dimension.${by}`) })}>
        <table className="min-w-full border border-slate-200 bg-white text-sm" data-testid="reconcile-table">
          <caption className="p-2 text-left font-medium">{t("caption", { dimension: t(`dimension.${by}`) })}</caption>
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className="p-2 text-left">{t(`dimension.${by}`)}</th>
              {[t("debtors"), t("covered"), t("coveredPct"), t("pending"), t("mandatoryUncovered"), t("unmatched")].map((h) => (
                <th key={h} scope="col" className="p-2 text-right">{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key ?? ""} className="border-t border-slate-100">
                <th scope="row" className="p-2 text-left font-normal">{label(r.key, r.label)}</th>
                {cells(r).map((c, i) => (
                  <td key={i} className="p-2 text-right tabular-nums">{c}</td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="border-t-2 border-slate-300 font-semibold">
              <th scope="row" className="p-2 text-left">{t("total")}</th>
              {cells(total).map((c, i) => (
                <td key={i} className="p-2 text-right tabular-nums">{c}</td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>

      <section aria-labelledby="unmatched-title" className="space-y-2">
        <h2 id="unmatched-title" className="text-lg font-semibold">{t("unmatchedHeading")}</h2>
        <p className="text-sm text-slate-700">{t("unmatchedNote")}</p>
        {unmatched.length === 0 ? (
          <p>{t("unmatchedNone")}</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white" data-testid="reconcile-unmatched">
            {unmatched.map((u) => (
              <li key={u.id} className="flex flex-wrap items-center justify-between gap-2 p-3 text-sm">
                <span>
                  <span className="font-mono">{u.loanNumber}</span> · {u.office} · {tEnums(`scheme.${u.scheme as "KECIL"}`)} · {tEnums(`status.${u.status as "SUBMITTED"}`)}
                </span>
                <Link href={`/pendaftaran/${u.id}`} className="inline-block py-1 text-brand-700 underline underline-offset-2">{t("open")}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      {list.rowErrors.length > 0 ? (
        <section aria-labelledby="refused-title" className="space-y-2">
          <h2 id="refused-title" className="text-lg font-semibold">{t("rowErrors")}</h2>
          <ul className="list-disc pl-5 text-sm">
            {list.rowErrors.map((e) => (
              <li key={e.row}>{t("row", { row: e.row })}: {e.message}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
