import { useTranslations } from "next-intl";
import type { HistoryEntry } from "@/lib/review/data";
import { formatInstant } from "@/lib/format";
import { formatMonthId, formatRupiah } from "@/lib/rules";

/**
 * The status history of one enrolment, read from its AuditEvents (docs/decisions/0009-enrolment-lifecycle.md §2): what happened, who
 * did it, when (in the viewer's office zone) and the reason given. Oldest first.
 */
export function StatusHistory({ entries, timeZone }: { entries: HistoryEntry[]; timeZone: string }) {
  const t = useTranslations("review");
  return (
    <section aria-labelledby="riwayat" className="rounded border border-slate-200 bg-white p-4" data-testid="status-history">
      <h2 id="riwayat" className="text-lg font-semibold">{t("history")}</h2>
      {entries.length === 0 ? (
        <p className="mt-1 text-sm">{t("noHistory")}</p>
      ) : (
        <ol className="mt-2 space-y-2">
          {entries.map((e) => {
            // An action without a label (one added later) reads as its audit name rather than failing.
            const key = `historyActions.${e.action}` as const;
            const label = t.has(key as never) ? t(key as never) : e.action;
            const rejectLabel = e.rejectReason && t.has(`rejectReasons.${e.rejectReason}`) ? t(`rejectReasons.${e.rejectReason}`) : null;
            return (
              <li key={e.id} className="border-l-4 border-brand-700 pl-3 text-sm">
                <p>
                  <span className="font-semibold">{label}</span>
                  {" · "}
                  <time dateTime={e.at}>{formatInstant(e.at, timeZone)}</time>
                  {" · "}
                  <span>{e.actorName ?? t("system")}</span>
                </p>
                {rejectLabel || e.reason ? (
                  <p className="text-slate-700">
                    <span className="sr-only">{t("reason")}: </span>
                    {[rejectLabel, e.reason].filter(Boolean).join(" — ")}
                  </p>
                ) : null}
                {e.payment ? (
                  <p className="text-slate-700">
                    {formatRupiah(e.payment.amount)} · {e.payment.months.map(formatMonthId).join(", ")} · ref. {e.payment.reference}
                    {e.payment.writtenOff.length && e.payment.months[0] ? (
                      <span className="block">{t("paymentResumed", { month: formatMonthId(e.payment.months[0]), months: e.payment.writtenOff.map(formatMonthId).join(", ") })}</span>
                    ) : null}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
