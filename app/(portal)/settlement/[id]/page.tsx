import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { JobProgress } from "@/components/jobs/job-progress";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { requirePermission } from "@/lib/auth/session";
import { jobRunFor } from "@/lib/jobs";
import { settlementImport } from "@/lib/payments/data";
import type { SettlementItemResult } from "@/lib/payments/mutations/settlement";
import { formatDateId, formatMonthId, formatRupiah } from "@/lib/rules";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settlement"))("resultTitle") };
}

const side = (s: { billingCode: string; amount: number; paidOn: string } | null) => (s ? `${formatRupiah(s.amount)} · ${formatDateId(s.paidOn)} · ${s.billingCode}` : "—");

/**
 * One settlement import: its progress while the job runs (the run id is in the URL, so a reload keeps
 * watching), then the reconciliation — counts, every item that is not a match with its action, and the
 * rows that could not be read (docs/decisions/0021 §1).
 */
export default async function SettlementImportPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ run?: string | string[] }> }) {
  const actor = await requirePermission("settlement:import");
  const [{ id }, { run }, t] = await Promise.all([params, searchParams, getTranslations("settlement")]);
  const imp = await settlementImport(actor, id);
  if (!imp) notFound();
  const runId = typeof run === "string" ? run : null;
  const jobRun = runId && !imp.finishedAt ? await jobRunFor(runId, actor.id) : null;
  const r = imp.result;
  // One table for every list (components/ui/data-table.tsx): stacked cards on a phone.
  const itemColumns: DataColumn<SettlementItemResult>[] = [
    { key: "reference", header: t("columns.reference"), primary: true, cell: (i) => <span className="font-mono">{i.reference}</span> },
    { key: "line", header: t("columns.line"), cell: (i) => i.line ?? "—" },
    { key: "kind", header: t("columns.kind"), cell: (i) => <span className="font-medium">{t(`kinds.${i.kind}`)}</span> },
    { key: "file", header: t("columns.file"), cell: (i) => side(i.file) },
    { key: "portal", header: t("columns.portal"), cell: (i) => side(i.portal) },
    {
      key: "action",
      header: t("columns.action"),
      cell: (i) =>
        i.outcome
          ? i.outcome.settled
            ? t("settledMonths", { months: i.outcome.months.map(formatMonthId).join(", ") })
            : t(`refusals.${i.outcome.refusal}`)
          : t(`actions.${i.action}`),
    },
  ];
  return (
    <div className="space-y-4">
      <p className="text-sm"><Link href="/settlement" className="text-brand-700 underline">{t("back")}</Link></p>
      <h1 className="text-2xl font-semibold">{imp.fileName}</h1>
      <p className="text-sm text-slate-700">{imp.channel.code} — {imp.channel.name}</p>
      {jobRun ? <JobProgress runId={jobRun.id} label={t("running")} initial={{ status: jobRun.status, done: jobRun.done, total: jobRun.total, errorId: jobRun.errorId }} /> : null}
      {!r && !jobRun ? <p>{t("running")}</p> : null}
      {r && !r.ok ? (
        <p role="alert" className="rounded bg-red-50 p-3 font-medium text-red-800" data-testid="settlement-problem">
          {t(`fileProblem.${r.problem}`, { columns: (r.missing ?? []).join(", ") })}
        </p>
      ) : null}
      {r && r.ok ? (
        <section aria-labelledby="hasil" className="space-y-3">
          <h2 id="hasil" className="text-lg font-semibold">{t("resultTitle")}</h2>
          <p role="status" className="font-medium" data-testid="settlement-counts">
            {t("counts", {
              matched: r.counts.MATCHED,
              missingInPortal: r.counts.MISSING_IN_PORTAL,
              missingInFile: r.counts.MISSING_IN_FILE,
              amountDiffers: r.counts.AMOUNT_DIFFERS,
              settled: r.settled,
              refused: r.refused,
            })}
          </p>
          {r.items.length ? (
            <DataTable caption={t("resultTitle")} columns={itemColumns} rows={r.items} rowKey={(i) => `${i.kind}-${i.reference}`} rowClassName={() => "sm:align-top"} testId="settlement-items" />
          ) : null}
          {r.invalid.length ? (
            <>
              <h3 className="font-semibold">{t("invalidTitle")}</h3>
              <ul className="list-disc pl-5 text-sm" data-testid="settlement-invalid">
                {r.invalid.map((v) => (
                  <li key={v.line}>{t("columns.line")} {v.line}{v.reference ? ` (${v.reference})` : ""}: {v.problems.map((p) => t(`problems.${p}`)).join(", ")}</li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
