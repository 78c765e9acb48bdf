import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/session";
import { coverageGapSummary, coverageGaps, type GapCount } from "@/lib/loans";
import { formatDateId, formatRupiah } from "@/lib/rules";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("h2h.gaps"))("title") };
}

const SHOWN = 200;

/**
 * Coverage gaps (docs/decisions/0019 §4) in the reader's scope: the bank office its own, the Kantor
 * Cabang its branch's, the Kanwil its region's, head office all; counts per office, branch and Kanwil,
 * the newest gaps, and the whole list as CSV.
 */
export default async function CoverageGapsPage() {
  const actor = await requirePermission("enrolment:read");
  const [t, tAll, summary, rows] = await Promise.all([getTranslations("h2h.gaps"), getTranslations(), coverageGapSummary(actor), coverageGaps(actor, { limit: SHOWN })]);
  const counts = (title: string, list: GapCount[], id: string) =>
    list.length ? (
      <section aria-labelledby={id} className="rounded border border-slate-200 bg-white p-3">
        <h2 id={id} className="text-sm font-semibold">{title}</h2>
        <table className="mt-1 w-full text-sm" data-testid={id}>
          <thead className="sr-only">
            <tr><th scope="col">{t("place")}</th><th scope="col">{t("count", { count: 0 })}</th></tr>
          </thead>
          <tbody>
            {list.map((c) => (
              <tr key={c.name} className="border-t border-slate-100"><td className="py-1 pr-2">{c.name}</td><td className="py-1 text-right tabular-nums">{c.count}</td></tr>
            ))}
          </tbody>
        </table>
      </section>
    ) : null;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="max-w-3xl text-sm text-slate-700">{t("intro")}</p>
      <div className="flex flex-wrap items-center gap-3">
        <p role="status" className="font-medium" data-testid="gap-count">{summary.total === 0 ? t("none") : t("count", { count: summary.total })}</p>
        {summary.total > 0 ? (
          <a href="/celah-perlindungan/ekspor" className="inline-flex min-h-6 items-center rounded border border-brand-700 px-3 py-1 text-sm text-brand-700 hover:bg-brand-50">{t("export")}</a>
        ) : null}
      </div>
      {summary.total > 0 ? (
        <div className="grid gap-3 md:grid-cols-3">
          {counts(t("byKanwil"), summary.byKanwil, "gaps-kanwil")}
          {counts(t("byKantorCabang"), summary.byKantorCabang, "gaps-kantor-cabang")}
          {counts(t("byOffice"), summary.byOffice, "gaps-office")}
        </div>
      ) : null}
      {rows.length ? (
        <div role="region" aria-label={t("caption")} tabIndex={0} className="overflow-x-auto rounded border border-slate-200 bg-white">
          <table className="min-w-full text-sm" data-testid="gaps">
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="bg-slate-100 text-left text-xs uppercase text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">{t("col.loanNumber")}</th>
                <th scope="col" className="px-3 py-2">{t("col.office")}</th>
                <th scope="col" className="px-3 py-2">{t("col.kantorCabang")}</th>
                <th scope="col" className="px-3 py-2">{t("col.mandate")}</th>
                <th scope="col" className="px-3 py-2">{t("col.status")}</th>
                <th scope="col" className="px-3 py-2">{t("col.disbursedOn")}</th>
                <th scope="col" className="px-3 py-2 text-right">{t("col.disbursedAmount")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.enrolmentId} className="border-t border-slate-200">
                  <td className="px-3 py-2"><Link href={`/pendaftaran/${r.enrolmentId}`} className="inline-block min-h-6 font-mono text-brand-700 underline">{r.loanNumber ?? "—"}</Link></td>
                  <td className="px-3 py-2">{r.penyalurName} — {r.officeName}</td>
                  <td className="px-3 py-2">{r.kantorCabangName}<div className="text-xs text-slate-600">{r.kanwilName}</div></td>
                  <td className="px-3 py-2">{tAll(`enums.mandate.${r.mandateStatus}` as never)}</td>
                  <td className="px-3 py-2">{tAll(`enums.status.${r.status}` as never)}</td>
                  <td className="px-3 py-2">{formatDateId(r.disbursedOn)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{r.disbursedAmount === null ? "—" : formatRupiah(r.disbursedAmount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {summary.total > rows.length ? <p className="text-sm text-slate-600">{t("shown", { shown: rows.length, total: summary.total })}</p> : null}
    </div>
  );
}
