import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { requirePermission } from "@/lib/auth/session";
import { deleteDraftAction } from "@/lib/enrolment/actions";
import { draftsForActor } from "@/lib/enrolment/data";
import { formatInstant } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("drafts"))("title") };
}

/** The drafts of the officer's office: resume or delete. */
export default async function DraftsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("enrolment:create");
  const [drafts, t, tList, tNav] = await Promise.all([draftsForActor(actor), getTranslations("drafts"), getTranslations("list"), getTranslations("nav")]);
  const deleted = (await searchParams).dihapus === "1";
  return (
    <div className="space-y-4">
      <nav aria-label={tList("title")} className="flex gap-4 text-sm">
        <Link href="/pendaftaran" className="text-brand-700 underline underline-offset-2">{tList("title")}</Link>
        <span aria-current="page" className="font-semibold">{t("nav")}</span>
      </nav>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <Link href="/pendaftaran/baru" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {tNav("newEnrolment")}
        </Link>
      </div>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      {deleted ? (
        <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-sm text-green-900">{t("deleted")}</p>
      ) : null}
      {drafts.length === 0 ? (
        <p className="font-medium" data-testid="drafts-empty">{t("none")}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white" data-testid="drafts">
          {drafts.map((d) => (
            <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
              <div>
                <p className="font-medium">{d.label}</p>
                <p className="text-xs text-slate-600">
                  {t("savedBy", { at: formatInstant(d.updatedAt, actor.timeZone), name: d.officerName })}
                </p>
              </div>
              <div className="flex gap-2">
                <Link
                  href={`/pendaftaran/draf/${d.id}`}
                  aria-label={t("resumeLabel", { label: d.label })}
                  className="rounded bg-brand-700 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-800"
                >
                  {t("resume")}
                </Link>
                <form action={deleteDraftAction}>
                  <input type="hidden" name="draftId" value={d.id} />
                  <ConfirmSubmit
                    confirmation={{ title: t("deleteConfirmTitle", { label: d.label }), description: t("deleteConfirmBody") }}
                    confirmLabel={t("deleteConfirm")}
                    aria-label={t("deleteLabel", { label: d.label })}
                    className="rounded border border-red-700 px-3 py-2 text-sm font-semibold text-red-800 hover:bg-red-50"
                  >
                    {t("delete")}
                  </ConfirmSubmit>
                </form>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
