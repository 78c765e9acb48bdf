import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { EnrolmentForm } from "@/components/enrolment/enrolment-form";
import { requirePermission } from "@/lib/auth/session";
import { correctionForActor, enrolmentFormOptions } from "@/lib/enrolment/data";
import { correctionDocuments } from "@/lib/documents/data";
import { todayInZone } from "@/lib/rules";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("eform"))("correctionTitle") };
}

/**
 * The correction form of a RETURNED enrolment, prefilled with the stored data. Only the owning
 * office (others get 404) and only while RETURNED (otherwise 404 too: there is nothing to correct).
 */
export default async function CorrectionPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("enrolment:correct");
  const { id } = await params;
  const [correction, options, e, documents] = await Promise.all([correctionForActor(actor, id), enrolmentFormOptions(actor), getTranslations("eform"), correctionDocuments(actor, id)]);
  if (!correction || !options || correction.status !== "RETURNED") notFound();
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{e("correctionTitle")}</h1>
        <p className="text-sm text-slate-600">{correction.participant.fullName} · {options.officeName}</p>
        <p className="mt-1 text-sm text-slate-700">{e("correctionIntro")}</p>
      </div>
      <section aria-labelledby="alasan" className="rounded border-l-4 border-amber-600 bg-amber-50 p-4 text-amber-900" data-testid="return-reason">
        <h2 id="alasan" className="text-sm font-semibold">{e("returnReason")}</h2>
        <p>{correction.returnReason ?? "—"}</p>
      </section>
      {/* The submission key is not used on resubmit: the enrolment id and its version identify the write. */}
      <EnrolmentForm
        options={options}
        keepKey={`${actor.id}:correction:${correction.id}`}
        submissionKey={randomUUID()}
        today={todayInZone(new Date(), actor.timeZone)}
        initialValues={correction.values}
        documents={documents ?? undefined}
        correction={{
          enrolmentId: correction.id,
          version: correction.version,
          nik: correction.nik,
          participantEditable: correction.participantEditable,
          participant: correction.participant,
        }}
      />
    </div>
  );
}
