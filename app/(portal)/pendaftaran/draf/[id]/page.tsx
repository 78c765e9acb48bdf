import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { EnrolmentForm } from "@/components/enrolment/enrolment-form";
import { requirePermission } from "@/lib/auth/session";
import { draftForActor, enrolmentFormOptions, lookupNik } from "@/lib/enrolment/data";
import { formatInstant } from "@/lib/format";
import { formDocuments } from "@/lib/documents/data";
import { todayInZone } from "@/lib/rules";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("drafts"))("title") };
}

/** Resumes a draft of the officer's office; another office's draft is 404. */
export default async function DraftPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePermission("enrolment:create");
  const { id } = await params;
  const [draft, options, e] = await Promise.all([draftForActor(actor, id), enrolmentFormOptions(actor), getTranslations("eform")]);
  if (!draft || !options) notFound();
  const saved = (await searchParams).tersimpan === "1";
  const nik = (draft.values.nik ?? "").replace(/\s+/g, "");
  const [lookup, documents] = await Promise.all([/^\d{16}$/.test(nik) ? lookupNik(actor, nik) : null, formDocuments(actor, draft.submissionKey)]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{e("draftResumeTitle")}</h1>
        <p className="text-sm text-slate-600">
          {options.officeName} · {e("draftUpdated", { at: formatInstant(draft.updatedAt, actor.timeZone) })}
        </p>
      </div>
      {saved ? (
        <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-sm text-green-900" data-testid="notice">
          {e("draftSaved")}
        </p>
      ) : null}
      {/* The draft's own submission key: submitting it deletes the draft in the same transaction. */}
      <EnrolmentForm
        options={options}
        keepKey={`${actor.id}:draft:${draft.submissionKey}`}
        submissionKey={draft.submissionKey}
        today={todayInZone(new Date(), actor.timeZone)}
        initialValues={draft.values}
        initialLookup={lookup}
        documents={{ submissionKey: draft.submissionKey, initial: documents }}
      />
    </div>
  );
}
