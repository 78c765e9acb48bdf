import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BulkCommitForm } from "@/components/bulk/commit-form";
import { JobProgress } from "@/components/jobs/job-progress";
import { requirePermission } from "@/lib/auth/session";
import { uploadForActor } from "@/lib/bulk/data";
import { formatInstant } from "@/lib/format";
import { jobRunFor } from "@/lib/jobs";
import { RETENTION_DAYS } from "@/lib/ops/retention";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("bulk"))("title") };
}

/**
 * One upload: while a job runs, its progress bar (the run id is stored on the upload, so a reload
 * finds it); then the counts, the error report and the commit; after the commit, the result.
 */
export default async function BulkUploadDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("enrolment:create");
  const { id } = await params;
  const upload = await uploadForActor(actor, id);
  if (!upload) notFound();
  const t = await getTranslations("bulk");
  const runId = upload.status === "COMMITTING" || upload.status === "COMMITTED" || (upload.status === "FAILED" && upload.commitRunId) ? upload.commitRunId : upload.validateRunId;
  const run = runId ? await jobRunFor(runId, actor.id) : null;
  const running = upload.status === "VALIDATING" || upload.status === "COMMITTING";

  const counts: [string, number | null][] = [
    [t("detail.rows"), upload.rowCount],
    [t("detail.valid"), upload.validCount],
    [t("detail.existing"), upload.existingCount],
    [t("detail.errors"), upload.errorCount],
  ];
  if (upload.status === "COMMITTED") counts.push([t("detail.created"), upload.createdCount]);

  return (
    <div className="space-y-5">
      <nav aria-label={t("title")} className="text-sm">
        <Link href="/pendaftaran/unggah" className="inline-block py-1 text-brand-700 underline underline-offset-2">{t("detail.back")}</Link>
      </nav>
      <h1 className="break-words text-2xl font-semibold">{upload.fileName}</h1>
      <p className="text-sm text-slate-700">
        {t("detail.uploadedBy", { name: upload.uploadedBy, at: formatInstant(upload.createdAt, actor.timeZone) })} · <span data-testid="bulk-status">{t(`status.${upload.status}`)}</span>
      </p>

      {running && run ? (
        <JobProgress runId={run.id} label={run.label} initial={{ status: run.status, done: run.done, total: run.total, errorId: run.errorId }} />
      ) : running ? (
        <p role="status">{t("detail.running", { name: upload.uploadedBy })}</p>
      ) : null}

      {!running && upload.status !== "FAILED" ? (
        <dl className="grid max-w-md grid-cols-[1fr_auto] gap-x-4 gap-y-1" data-testid="bulk-counts">
          {counts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt>{label}</dt>
              <dd className="text-right font-semibold tabular-nums">{value ?? "–"}</dd>
            </div>
          ))}
        </dl>
      ) : null}

      {upload.status === "FAILED" ? (
        <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-sm text-red-900">
          {run?.errorId ? t("detail.failed", { errorId: run.errorId }) : t("detail.failedNoId")}
        </p>
      ) : null}

      {upload.contentPurgedAt ? (
        <p role="note" className="max-w-prose rounded border-l-4 border-slate-500 bg-slate-50 p-3 text-sm text-slate-800" data-testid="bulk-purged">
          {t("detail.purged", { days: RETENTION_DAYS.bulkUpload })}
        </p>
      ) : null}

      {!running && !upload.contentPurgedAt && (upload.errorCount ?? 0) > 0 ? (
        <section className="space-y-1">
          <a href={`/pendaftaran/unggah/${upload.id}/laporan`} download className="inline-block py-1 font-medium text-brand-700 underline underline-offset-2" data-testid="bulk-report">
            {t("detail.report")}
          </a>
          <p className="max-w-prose text-sm text-slate-700">{t("detail.reportHint")}</p>
        </section>
      ) : null}

      {!upload.contentPurgedAt && (upload.status === "VALIDATED" || (upload.status === "FAILED" && upload.validatedAt)) ? (
        (upload.validCount ?? 0) > 0 ? (
          <BulkCommitForm uploadId={upload.id} count={upload.validCount ?? 0} retry={upload.status === "FAILED"} />
        ) : (
          <p>{t("detail.nothingNew")}</p>
        )
      ) : null}

      {upload.status === "COMMITTED" ? (
        <div role="status" className="space-y-2 rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
          <p>{t("detail.committed", { count: upload.createdCount ?? 0 })}</p>
          <Link href="/pendaftaran" className="inline-block py-1 font-medium underline underline-offset-2">{t("detail.workspace")}</Link>
        </div>
      ) : null}
    </div>
  );
}
