import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { JobProgress } from "@/components/jobs/job-progress";
import { requirePermission } from "@/lib/auth/session";
import { jobRunFor } from "@/lib/jobs";
import { settlementImport } from "@/lib/payments/data";
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
            <div role="region" aria-label={t("resultTitle")} tabIndex={0} className="overflow-x-auto rounded border border-slate-200 bg-white">
              <table className="min-w-full text-sm" data-testid="settlement-items">
                <thead className="bg-slate-100 text-left text-xs uppercase text-slate-600">
                  <tr>
                    <th scope="col" className="px-3 py-2">{t("columns.reference")}</th>
                    <th scope="col" className="px-3 py-2">{t("columns.line")}</th>
                    <th scope="col" className="px-3 py-2">{t("columns.kind")}</th>
                    <th scope="col" className="px-3 py-2">{t("columns.file")}</th>
                    <th scope="col" className="px-3 py-2">{t("columns.portal")}</th>
                    <th scope="col" className="px-3 py-2">{t("columns.action")}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.items.map((i) => (
                    <tr key={`${i.kind}-${i.reference}`} className="border-t border-slate-200 align-top">
                      <td className="px-3 py-2 font-mono">{i.reference}</td>
                      <td className="px-3 py-2">{i.line ?? "—"}</td>
                      <td className="px-3 py-2 font-medium">{t(`kinds.${i.kind}`)}</td>
                      <td className="px-3 py-2">{side(i.file)}</td>
                      <td className="px-3 py-2">{side(i.portal)}</td>
                      <td className="px-3 py-2">
                        {i.outcome
                          ? i.outcome.settled
                            ? t("settledMonths", { months: i.outcome.months.map(formatMonthId).join(", ") })
                            : t(`refusals.${i.outcome.refusal}`)
                          : t(`actions.${i.action}`)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
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
