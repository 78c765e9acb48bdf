import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { EnrolmentForm } from "@/components/enrolment/enrolment-form";
import { requirePermission } from "@/lib/auth/session";
import { enrolmentFormOptions } from "@/lib/enrolment/data";
import { todayInZone } from "@/lib/rules";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("eform"))("newTitle") };
}

export default async function NewEnrolmentPage() {
  const actor = await requirePermission("enrolment:create");
  const [options, t] = await Promise.all([enrolmentFormOptions(actor), getTranslations("form")]);
  if (!options) notFound();
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{options.officeName}</p>
        <p className="mt-1 text-sm text-slate-700">{t("intro")}</p>
      </div>
      {/* A fresh key per rendered form: resubmitting this form finds the same enrolment. */}
      <EnrolmentForm options={options} keepKey={`${actor.id}:new`} submissionKey={randomUUID()} today={todayInZone(new Date(), actor.timeZone)} />
    </div>
  );
}
