import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { notFound } from "next/navigation";
import { EnrolmentForm } from "@/components/enrolment/enrolment-form";
import { requirePermission } from "@/lib/auth/session";
import { enrolmentFormOptions } from "@/lib/enrolment/data";
import { eformText } from "@/lib/i18n/eform";
import { getDictionary } from "@/lib/i18n/server";
import { todayInZone } from "@/lib/rules";

export const metadata: Metadata = { title: "Daftarkan debitur" };

export default async function NewEnrolmentPage() {
  const actor = await requirePermission("enrolment:create");
  const options = await enrolmentFormOptions(actor);
  if (!options) notFound();
  const { locale, t } = await getDictionary();
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t.form.title}</h1>
        <p className="text-sm text-slate-600">{options.officeName}</p>
        <p className="mt-1 text-sm text-slate-700">{t.form.intro}</p>
      </div>
      {/* A fresh key per rendered form: resubmitting this form finds the same enrolment. */}
      <EnrolmentForm
        options={options}
        submissionKey={randomUUID()}
        today={todayInZone(new Date(), actor.timeZone)}
        t={t}
        e={eformText[locale]}
        locale={locale}
      />
    </div>
  );
}
