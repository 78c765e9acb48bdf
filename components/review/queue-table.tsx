"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ConfirmSubmit, type Confirmation } from "@/components/ui/confirm-submit";
import { DataTable, cellLink } from "@/components/ui/data-table";
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
      <DataTable
        caption={t("review.queueCaption")}
        testId="review-queue"
        rows={rows}
        rowKey={(r) => r.id}
        rowClassName={(r) => (r.overdue ? "bg-amber-50" : "")}
        rowProps={() => ({ "data-testid": "queue-row" })}
        columns={[
          {
            key: "select",
            header: <span className="sr-only">{t("review.select")}</span>,
            control: true,
            cell: (r) =>
              r.status === "SUBMITTED" ? (
                <>
                  <input type="checkbox" name="items" value={`${r.id}:${r.version}`} aria-label={t("review.selectRow", { name: r.fullName })} className="h-6 w-6" />
                  <input type="hidden" name={`label:${r.id}`} value={r.fullName} />
                </>
              ) : null,
          },
          {
            key: "name",
            header: t("list.name"),
            primary: true,
            cell: (r) => (
              <>
                <Link href={`/tinjauan/${r.id}`} className={cellLink}>{r.fullName}</Link>
                <div className="font-mono text-xs text-slate-600">{r.nikMasked}</div>
              </>
            ),
          },
          { key: "penyalur", header: t("review.penyalur"), cell: (r) => <>{r.penyalurName}<div className="text-xs text-slate-600">{r.officeName}</div></> },
          { key: "scheme", header: t("list.scheme"), cell: (r) => t(`enums.scheme.${r.scheme}`) },
          { key: "plafon", header: t("list.plafon"), align: "right", nowrap: true, cell: (r) => formatRupiah(r.plafon) },
          { key: "mandate", header: t("list.mandate"), cell: (r) => t(`enums.mandate.${r.mandateStatus}`) },
          { key: "status", header: t("list.status"), cell: (r) => t(`enums.status.${r.status}`) },
          { key: "submitted", header: t("list.submittedAt"), nowrap: true, cell: (r) => (r.submittedAt ? formatInstant(r.submittedAt, timeZone) : "—") },
          {
            key: "age",
            header: t("review.age"),
            nowrap: true,
            cell: (r) => (
              <>
                {r.ageWorkingDays === null ? "—" : t("review.ageDays", { days: r.ageWorkingDays })}
                {r.overdue ? (
                  <span className="ml-1 inline-block rounded-full border border-amber-700 bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900" data-testid="overdue">
                    {t("review.overdue")}
                  </span>
                ) : null}
              </>
            ),
          },
        ]}
      />
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
