import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Form from "next/form";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageNav } from "@/components/review/page-nav";
import { QueueTable } from "@/components/review/queue-table";
import { Field, inputClass } from "@/components/ui/field";
import { requirePermission } from "@/lib/auth/session";
import { reviewQueue } from "@/lib/review/data";
import { QUEUE_MANDATES, QUEUE_PATH, QUEUE_STATUSES, parseQueueQuery, queueHref } from "@/lib/review/schema";
import { KUR_SCHEMES } from "@/lib/rules";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("review"))("navQueue") };
}

/** The review queue of the reviewer's own Kantor Cabang; filters and page live in the URL. */
export default async function ReviewQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("enrolment:review");
  const query = parseQueueQuery(await searchParams);
  const [t, result] = await Promise.all([getTranslations(), reviewQueue(actor, query, new Date())]);
  if (!result) notFound();
  const linkClass = "rounded border border-slate-300 px-3 py-2 text-brand-700 underline";

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("review.queueTitle")}</h1>
      <p className="text-sm text-slate-700">{t("review.queueIntro")}</p>
      {query.view ? (
        <p className="rounded border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="queue-view">
          {t(`desk.queueView.${query.view}`)}{" "}
          <Link href={queueHref(query, { view: undefined, page: 1 })} className="text-brand-700 underline">{t("desk.queueView.clear")}</Link>
        </p>
      ) : null}

      <Form key={queueHref(query)} action={QUEUE_PATH} role="search" aria-labelledby="queue-filter" className="space-y-3 rounded border border-slate-200 bg-white p-4">
        <h2 id="queue-filter" className="text-base font-semibold">{t("review.filters")}</h2>
        {query.view ? <input type="hidden" name="view" value={query.view} /> : null}
        <div className="grid gap-3 sm:grid-cols-4">
          <Field name="penyalur" label={t("review.penyalur")}>
            {(p) => (
              <select {...p} name="penyalur" defaultValue={query.penyalur ?? ""} className={inputClass}>
                <option value="">{t("review.anyPenyalur")}</option>
                {result.penyalurOptions.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
              </select>
            )}
          </Field>
          <Field name="scheme" label={t("list.scheme")}>
            {(p) => (
              <select {...p} name="scheme" defaultValue={query.scheme ?? ""} className={inputClass}>
                <option value="">{t("list.anyScheme")}</option>
                {KUR_SCHEMES.map((s) => <option key={s} value={s}>{t(`enums.scheme.${s}`)}</option>)}
              </select>
            )}
          </Field>
          <Field name="mandate" label={t("list.mandate")}>
            {(p) => (
              <select {...p} name="mandate" defaultValue={query.mandate ?? ""} className={inputClass}>
                <option value="">{t("list.anyMandate")}</option>
                {QUEUE_MANDATES.map((m) => <option key={m} value={m}>{t(`enums.mandate.${m}`)}</option>)}
              </select>
            )}
          </Field>
          <Field name="status" label={t("list.status")}>
            {(p) => (
              <select {...p} name="status" defaultValue={query.status} disabled={Boolean(query.view)} className={inputClass}>
                {QUEUE_STATUSES.map((s) => <option key={s} value={s}>{t(`enums.status.${s}`)}</option>)}
                <option value="ALL">{t("review.allStatuses")}</option>
              </select>
            )}
          </Field>
        </div>
        <div className="flex flex-wrap gap-2">
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">{t("list.apply")}</button>
          <Link href={QUEUE_PATH} className={linkClass}>{t("list.reset")}</Link>
        </div>
      </Form>

      <p role="status" aria-live="polite" className="font-medium" data-testid="queue-count">
        {result.total === 0 ? t("review.empty") : t("review.count", { count: result.total })}
      </p>
      {result.rows.length ? <QueueTable key={queueHref(query)} rows={result.rows} timeZone={result.timeZone} /> : null}
      <PageNav page={result.page} pageCount={result.pageCount} href={(page) => queueHref(query, { page })} />
    </div>
  );
}
