"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ConfirmSubmit, type Confirmation } from "@/components/ui/confirm-submit";
import type { FormState } from "@/lib/action/result";
import { bulkApproveAction, type BulkApproveResult } from "@/lib/review/actions";
import type { QueueRow } from "@/lib/review/data";
import { formatInstant } from "@/lib/format";
import { formatRupiah } from "@/lib/rules";

/**
 * The review queue as a table. Submitted rows carry a checkbox; "Setujui yang dipilih" approves the
 * ticked ones, each on its own, and lists one outcome per row. Each checkbox sends the version the
 * reviewer saw, so a row someone else changed meanwhile is reported, not overwritten.
 */
export function QueueTable({ rows, timeZone }: { rows: QueueRow[]; timeZone: string }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<FormState<BulkApproveResult>, FormData>(bulkApproveAction, {});
  const message = state.ok ? state.data?.message : (state.errors?.items?.[0] ?? state.message);
  const results = state.ok ? state.data?.results : undefined;
  const selectable = rows.some((r) => r.status === "SUBMITTED");
  // The confirmation counts and names the ticked rows; with none ticked the server says so.
  const confirmation = (form: HTMLFormElement): Confirmation | null => {
    const ticked = [...form.querySelectorAll<HTMLInputElement>('input[name="items"]:checked')];
    if (ticked.length === 0) return null;
    const names = ticked.map((box) => form.querySelector<HTMLInputElement>(`input[name="label:${box.value.split(":")[0]}"]`)?.value ?? "");
    return {
      title: t("review.bulkConfirmTitle", { count: ticked.length }),
      confirmLabel: t("review.bulkConfirm", { count: ticked.length }),
      description: (
        <>
          <p>{t("review.bulkConfirmBody")}</p>
          <ul aria-label={t("review.bulkConfirmNames")} className="max-h-48 list-disc overflow-y-auto pl-5" data-testid="bulk-confirm-names">
            {names.map((name, i) => <li key={i}>{name}</li>)}
          </ul>
        </>
      ),
    };
  };
  return (
    <form action={action} className="space-y-3">
      <div role="region" aria-label={t("review.queueCaption")} tabIndex={0} className="overflow-x-auto rounded border border-slate-200 bg-white">
        <table className="min-w-full text-sm" data-testid="review-queue">
          <caption className="sr-only">{t("review.queueCaption")}</caption>
          <thead className="bg-slate-100 text-left text-xs uppercase text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2"><span className="sr-only">{t("review.select")}</span></th>
              <th scope="col" className="px-3 py-2">{t("list.name")}</th>
              <th scope="col" className="px-3 py-2">{t("review.penyalur")}</th>
              <th scope="col" className="px-3 py-2">{t("list.scheme")}</th>
              <th scope="col" className="px-3 py-2 text-right">{t("list.plafon")}</th>
              <th scope="col" className="px-3 py-2">{t("list.mandate")}</th>
              <th scope="col" className="px-3 py-2">{t("list.status")}</th>
              <th scope="col" className="px-3 py-2">{t("list.submittedAt")}</th>
              <th scope="col" className="px-3 py-2">{t("review.age")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className={`border-t border-slate-200 ${r.overdue ? "bg-amber-50" : ""}`} data-testid="queue-row">
                <td className="px-3 py-2">
                  {r.status === "SUBMITTED" ? (
                    <>
                      <input
                        type="checkbox"
                        name="items"
                        value={`${r.id}:${r.version}`}
                        aria-label={t("review.selectRow", { name: r.fullName })}
                        className="h-5 w-5"
                      />
                      <input type="hidden" name={`label:${r.id}`} value={r.fullName} />
                    </>
                  ) : null}
                </td>
                <td className="px-3 py-2">
                  <Link href={`/tinjauan/${r.id}`} className="font-medium text-brand-700 underline">{r.fullName}</Link>
                  <div className="font-mono text-xs text-slate-600">{r.nikMasked}</div>
                </td>
                <td className="px-3 py-2">{r.penyalurName}<div className="text-xs text-slate-600">{r.officeName}</div></td>
                <td className="px-3 py-2">{t(`enums.scheme.${r.scheme}`)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatRupiah(r.plafon)}</td>
                <td className="px-3 py-2">{t(`enums.mandate.${r.mandateStatus}`)}</td>
                <td className="px-3 py-2">{t(`enums.status.${r.status}`)}</td>
                <td className="px-3 py-2 whitespace-nowrap">{r.submittedAt ? formatInstant(r.submittedAt, timeZone) : "—"}</td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {r.ageWorkingDays === null ? "—" : t("review.ageDays", { days: r.ageWorkingDays })}
                  {r.overdue ? (
                    <span className="ml-1 inline-block rounded-full border border-amber-700 bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900" data-testid="overdue">
                      {t("review.overdue")}
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {selectable ? (
        <ConfirmSubmit
          confirmation={confirmation}
          confirmLabel={t("review.approveConfirm")}
          tone="approve"
          disabled={pending}
          className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {pending ? t("review.bulkApproving") : t("review.bulkApprove")}
        </ConfirmSubmit>
      ) : null}
      <div role="status" aria-live="polite" data-testid="bulk-results">
        {message ? <p className="font-medium">{message}</p> : null}
        {results?.length ? (
          <ul className="mt-1 list-disc pl-5 text-sm" aria-label={t("review.bulkResults")}>
            {results.map((r) => (
              <li key={r.enrolmentId}>
                {r.label}:{" "}
                {r.outcome === "APPROVED"
                  ? t("review.outcomeApproved", { kpj: r.kpj })
                  : r.outcome === "CHANGED"
                    ? t("review.outcomeChanged")
                    : r.outcome === "NOT_FOUND"
                      ? t("review.outcomeNotFound")
                      : t("review.outcomeError", { id: r.errorId })}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </form>
  );
}
