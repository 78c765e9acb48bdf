import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageNav } from "@/components/review/page-nav";
import { requirePermission } from "@/lib/auth/session";
import { arrearsList } from "@/lib/review/data";
import { followUpFor } from "@/lib/notify/data";
import { SendToDebtor } from "@/components/payments/send-to-debtor";
import { formatInstant } from "@/lib/format";
import { parseArrearsPage } from "@/lib/review/schema";
import { formatDateId, formatMonthId, formatRupiah } from "@/lib/rules";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("review"))("navArrears") };
}

/** Contribution arrears of the reviewer's Kantor Cabang (docs/regulation.md §3), most months unpaid first. */
export default async function ArrearsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("arrears:read");
  const asked = parseArrearsPage(await searchParams);
  const [t, result] = await Promise.all([getTranslations(), arrearsList(actor, asked, new Date())]);
  if (!result) notFound();
  // The follow-up columns (issue #15): phone as the role may see it, the last reminder.
  const follow = await followUpFor(actor, result.rows.map((r) => r.id));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("review.arrearsTitle")}</h1>
      <p className="text-sm text-slate-700">{t("review.arrearsIntro")}</p>
      <p role="status" className="font-medium" data-testid="arrears-count">
        {result.total === 0 ? t("review.arrearsEmpty") : t("review.count", { count: result.total })}
      </p>
      {result.total ? (
        <p><a href="/tunggakan/ekspor" download className="font-semibold text-brand-700 underline" data-testid="arrears-export">{t("notify.ui.export")}</a></p>
      ) : null}
      {result.rows.length ? (
        <div role="region" aria-label={t("review.arrearsCaption")} tabIndex={0} className="overflow-x-auto rounded border border-slate-200 bg-white">
          <table className="min-w-full text-sm" data-testid="arrears">
            <caption className="sr-only">{t("review.arrearsCaption")}</caption>
            <thead className="bg-slate-100 text-left text-xs uppercase text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">{t("list.name")}</th>
                <th scope="col" className="px-3 py-2">{t("review.kpj")}</th>
                <th scope="col" className="px-3 py-2">{t("review.penyalur")}</th>
                <th scope="col" className="px-3 py-2">{t("review.coverageStatus")}</th>
                <th scope="col" className="px-3 py-2">{t("review.unpaidMonths")}</th>
                <th scope="col" className="px-3 py-2 text-right">{t("review.owed")}</th>
                <th scope="col" className="px-3 py-2">{t("review.protectedUntil")}</th>
                <th scope="col" className="px-3 py-2">{t("notify.ui.lastReminder")}</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.id} className="border-t border-slate-200">
                  <td className="px-3 py-2">
                    <Link href={`/tinjauan/${r.id}`} className="font-medium text-brand-700 underline">{r.fullName}</Link>
                    <div className="font-mono text-xs text-slate-600">{r.nikMasked}</div>
                    <div className="text-xs text-slate-600" data-testid="arrears-phone">{t("notify.ui.phone")}: {follow.get(r.id)?.phone ?? "—"}</div>
                  </td>
                  <td className="px-3 py-2 font-mono">{r.kpj ?? "—"}</td>
                  <td className="px-3 py-2">{r.penyalurName}</td>
                  <td className="px-3 py-2">
                    {t(`enums.coverage.${r.coverage.status}`)}
                    {r.coverage.status === "ARREARS" ? (
                      <div className="text-xs text-slate-600">{t("review.arrearsDeadline", { date: formatDateId(r.coverage.arrearsDeadline) })}</div>
                    ) : null}
                  </td>
                  {r.coverage.status === "LAPSED" ? (
                    // Past the arrears window (docs/regulation.md §3.6): nothing is owed; a payment resumes cover.
                    <td className="px-3 py-2">
                      <div className="text-xs text-slate-600">{t("detail.writtenOff")}: {r.coverage.lapsedMonths.map(formatMonthId).join(", ")}</div>
                    </td>
                  ) : (
                    <td className="px-3 py-2">
                      {t("review.months", { count: r.coverage.unpaidMonths.length })}
                      <div className="text-xs text-slate-600">{r.coverage.unpaidMonths.map(formatMonthId).join(", ")}</div>
                    </td>
                  )}
                  <td className="px-3 py-2 text-right tabular-nums">{r.coverage.status === "LAPSED" ? "—" : formatRupiah(r.coverage.owed)}</td>
                  <td className="px-3 py-2">{r.coverage.protectedUntil ? formatDateId(r.coverage.protectedUntil) : t("review.notProtected")}</td>
                  <td className="space-y-1 px-3 py-2" data-testid="arrears-reminder">
                    {(() => {
                      const last = follow.get(r.id)?.lastReminder;
                      return last ? (
                        <div className="text-xs">{formatInstant(last.at, actor.timeZone)} · {t(`notify.ui.channel.${last.channel}`)} · {t(`notify.ui.status.${last.status}`)}</div>
                      ) : (
                        <div className="text-xs text-slate-600">{t("notify.ui.never")}</div>
                      );
                    })()}
                    <SendToDebtor enrolmentId={r.id} kind="ARREARS_REMINDER" label={t("notify.ui.sendReminder")} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <PageNav page={result.page} pageCount={result.pageCount} href={(page) => `/tunggakan?page=${page}`} />
    </div>
  );
}
