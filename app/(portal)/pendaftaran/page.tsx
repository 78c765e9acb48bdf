import type { Metadata } from "next";
import { EnrolmentTable } from "@/components/enrolment/enrolment-table";
import { requirePermission } from "@/lib/auth/session";
import { recentEnrolments } from "@/lib/enrolment/data";
import { getDictionary } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "Pendaftaran" };

export default async function EnrolmentListPage() {
  const actor = await requirePermission("enrolment:read");
  const { locale, t } = await getDictionary();
  const rows = await recentEnrolments(actor, 50);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t.list.title}</h1>
      {rows.length ? (
        <EnrolmentTable rows={rows} t={t} locale={locale} timeZone={actor.timeZone} caption={t.list.title} />
      ) : (
        <p className="text-slate-600">{t.home.none}</p>
      )}
    </div>
  );
}
