import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { BulkUploadForm } from "@/components/bulk/upload-form";
import { requirePermission } from "@/lib/auth/session";
import { recentUploads } from "@/lib/bulk/data";
import { MAX_FILE_BYTES } from "@/lib/bulk/mutations";
import { TEMPLATE_COLUMNS } from "@/lib/bulk/template";
import { formatInstant } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("bulk"))("title") };
}

/** Bulk upload (issue #14): the published template, the upload, and the office's recent uploads. */
export default async function BulkUploadPage() {
  const actor = await requirePermission("enrolment:create");
  const [t, tList, uploads] = await Promise.all([getTranslations("bulk"), getTranslations("list"), recentUploads(actor)]);
  return (
    <div className="space-y-6">
      <nav aria-label={tList("title")} className="flex gap-4 text-sm">
        <Link href="/pendaftaran" className="text-brand-700 underline underline-offset-2">{tList("title")}</Link>
        <span aria-current="page" className="font-semibold">{t("title")}</span>
      </nav>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="max-w-prose text-sm text-slate-700">{t("intro")}</p>

      <section aria-labelledby="template-title" className="space-y-2">
        <h2 id="template-title" className="text-lg font-semibold">{t("template.heading")}</h2>
        <p className="flex flex-wrap gap-4">
          <a href="/templates/templat-pendaftaran.csv" download className="inline-block py-1 text-brand-700 underline underline-offset-2">{t("template.csv")}</a>
          <a href="/templates/templat-pendaftaran.xlsx" download className="inline-block py-1 text-brand-700 underline underline-offset-2">{t("template.xlsx")}</a>
        </p>
        <p className="max-w-prose text-sm text-slate-700">{t("template.note")}</p>
        <details className="rounded border border-slate-200 bg-white p-3">
          <summary className="cursor-pointer py-1 font-medium">{t("template.columns")}</summary>
          <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label={t("template.columns")}>
            <table className="min-w-full text-sm">
              <thead>
                <tr className="text-left">
                  <th scope="col" className="py-1 pr-4">{t("template.header")}</th>
                  <th scope="col" className="py-1">{t("template.format")}</th>
                </tr>
              </thead>
              <tbody>
                {TEMPLATE_COLUMNS.map((c) => (
                  <tr key={c.field} className="border-t border-slate-100">
                    <td className="py-1 pr-4 font-mono text-xs">{c.header}</td>
                    <td className="py-1">{t(`template.kind.${c.kind}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </section>

      <BulkUploadForm maxMb={MAX_FILE_BYTES / 1024 / 1024} />

      <section aria-labelledby="recent-title" className="space-y-2">
        <h2 id="recent-title" className="text-lg font-semibold">{t("recent.heading")}</h2>
        {uploads.length === 0 ? (
          <p>{t("recent.none")}</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white" data-testid="bulk-uploads">
            {uploads.map((u) => (
              <li key={u.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
                <Link href={`/pendaftaran/unggah/${u.id}`} className="inline-block py-1 font-medium text-brand-700 underline underline-offset-2">{u.fileName}</Link>
                <span className="text-sm text-slate-700">
                  {t(`status.${u.status}`)} · {u.rowCount ?? "–"} {t("recent.rows").toLowerCase()} · {formatInstant(u.createdAt, actor.timeZone)} · {u.uploadedBy}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
