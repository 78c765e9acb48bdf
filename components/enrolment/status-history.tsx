import type { HistoryEntry } from "@/lib/review/data";
import { HISTORY_ACTION_LABELS } from "@/lib/review/labels";
import { REJECT_REASON_LABELS } from "@/lib/review/schema";
import { formatInstant } from "@/lib/format";
import type { Dictionary, Locale } from "@/lib/i18n/dictionaries";
import { formatMonthId, formatRupiah } from "@/lib/rules";

/**
 * The status history of one enrolment, read from its AuditEvents (contract §2): what happened, who
 * did it, when (in the viewer's office zone) and the reason given. Oldest first.
 */
export function StatusHistory({
  entries,
  timeZone,
  locale,
  t,
}: {
  entries: HistoryEntry[];
  timeZone: string;
  locale: Locale;
  t: Dictionary;
}) {
  return (
    <section aria-labelledby="riwayat" className="rounded border border-slate-200 bg-white p-4" data-testid="status-history">
      <h2 id="riwayat" className="text-lg font-semibold">{t.review.history}</h2>
      {entries.length === 0 ? (
        <p className="mt-1 text-sm">{t.review.noHistory}</p>
      ) : (
        <ol className="mt-2 space-y-2">
          {entries.map((e) => {
            const label = HISTORY_ACTION_LABELS[e.action]?.[locale] ?? e.action;
            const rejectLabel = e.rejectReason ? REJECT_REASON_LABELS[e.rejectReason]?.[locale] : null;
            return (
              <li key={e.id} className="border-l-4 border-brand-700 pl-3 text-sm">
                <p>
                  <span className="font-semibold">{label}</span>
                  {" · "}
                  <time dateTime={e.at}>{formatInstant(e.at, timeZone)}</time>
                  {" · "}
                  <span>{e.actorName ?? t.review.system}</span>
                </p>
                {rejectLabel || e.reason ? (
                  <p className="text-slate-700">
                    <span className="sr-only">{t.review.reason}: </span>
                    {[rejectLabel, e.reason].filter(Boolean).join(" — ")}
                  </p>
                ) : null}
                {e.payment ? (
                  <p className="text-slate-700">
                    {formatRupiah(e.payment.amount)} · {e.payment.months.map(formatMonthId).join(", ")} · ref. {e.payment.reference}
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
