import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageNav } from "@/components/review/page-nav";
import { requirePermission } from "@/lib/auth/session";
import { arrearsList, type ArrearsRow } from "@/lib/review/data";
import { followUpFor } from "@/lib/notify/data";
import { SendToDebtor } from "@/components/payments/send-to-debtor";
import { cellLink, DataTable, type DataColumn } from "@/components/ui/data-table";
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
  // One table for every list (components/ui/data-table.tsx): stacked cards on a phone.
  const columns: DataColumn<ArrearsRow>[] = [
    {
      key: "name",
      header: t("list.name"),
      primary: true,
      cell: (r) => (
        <>
          <Link href={`/tinjauan/${r.id}`} className={cellLink}>{r.fullName}</Link>
          <div className="font-mono text-xs text-slate-600">{r.nikMasked}</div>
          <div className="text-xs text-slate-600" data-testid="arrears-phone">{t("notify.ui.phone")}: {follow.get(r.id)?.phone ?? "—"}</div>
        </>
      ),
    },
    { key: "kpj", header: t("review.kpj"), nowrap: true, cell: (r) => <span className="font-mono">{r.kpj ?? "—"}</span> },
    { key: "penyalur", header: t("review.penyalur"), cell: (r) => r.penyalurName },
    {
      key: "status",
      header: t("review.coverageStatus"),
      cell: (r) => (
        <>
          {t(`enums.coverage.${r.coverage.status}`)}
          {r.coverage.status === "ARREARS" ? <span className="block text-xs text-slate-600">{t("review.arrearsDeadline", { date: formatDateId(r.coverage.arrearsDeadline) })}</span> : null}
        </>
      ),
    },
    {
      key: "months",
      header: t("review.unpaidMonths"),
      cell: (r) =>
        r.coverage.status === "LAPSED" ? (
          // Past the arrears window (docs/regulation.md §3.6): nothing is owed; a payment resumes cover.
          <span className="block text-xs text-slate-600">{t("detail.writtenOff")}: {r.coverage.lapsedMonths.map(formatMonthId).join(", ")}</span>
        ) : (
          <>
            {t("review.months", { count: r.coverage.unpaidMonths.length })}
            <span className="block text-xs text-slate-600">{r.coverage.unpaidMonths.map(formatMonthId).join(", ")}</span>
          </>
        ),
    },
    { key: "owed", header: t("review.owed"), align: "right", nowrap: true, cell: (r) => (r.coverage.status === "LAPSED" ? "—" : formatRupiah(r.coverage.owed)) },
    { key: "protectedUntil", header: t("review.protectedUntil"), nowrap: true, cell: (r) => (r.coverage.protectedUntil ? formatDateId(r.coverage.protectedUntil) : t("review.notProtected")) },
    {
      key: "reminder",
      header: t("notify.ui.lastReminder"),
      cell: (r) => {
        const last = follow.get(r.id)?.lastReminder;
        return (
          <span className="block space-y-1" data-testid="arrears-reminder">
            {last ? (
              <span className="block text-xs">{formatInstant(last.at, actor.timeZone)} · {t(`notify.ui.channel.${last.channel}`)} · {t(`notify.ui.status.${last.status}`)}</span>
            ) : (
              <span className="block text-xs text-slate-600">{t("notify.ui.never")}</span>
            )}
            <SendToDebtor enrolmentId={r.id} kind="ARREARS_REMINDER" label={t("notify.ui.sendReminder")} />
          </span>
        );
      },
    },
  ];
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
      <DataTable
        caption={t("review.arrearsCaption")}
        columns={columns}
        rows={result.rows}
        rowKey={(r) => r.id}
        testId="arrears"
      />
      <PageNav page={result.page} pageCount={result.pageCount} href={(page) => `/tunggakan?page=${page}`} />
    </div>
  );
}
