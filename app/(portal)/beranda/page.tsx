import type { Metadata } from "next";
import Link from "next/link";
import { EnrolmentTable } from "@/components/enrolment/enrolment-table";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { recentEnrolments } from "@/lib/enrolment/data";
import { getTranslations } from "next-intl/server";
import { AdminLinks } from "@/components/admin/admin-links";
import { ReviewerHome } from "@/components/review/reviewer-home";
import { reviewerHomeNow } from "@/lib/review/data";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("home") };
}

export default async function HomePage() {
  const actor = await requireActor();
  const t = await getTranslations();
  const mayRead = can(actor, "enrolment:read");
  const [rows, figures] = await Promise.all([mayRead ? recentEnrolments(actor, 10) : [], reviewerHomeNow(actor)]);
  return (
    <div className="space-y-6">
      <section aria-labelledby="salam">
        <h1 id="salam" className="text-2xl font-semibold">{t("home.greeting")}, {actor.name}</h1>
        <dl className="mt-2 grid gap-1 text-sm text-slate-700 sm:grid-cols-[auto_1fr] sm:gap-x-4">
          <dt className="font-medium">{t("home.role")}</dt>
          <dd>{t(`enums.role.${actor.role}`)}</dd>
          {actor.officeName ? (
            <>
              <dt className="font-medium">{t("home.office")}</dt>
              <dd>{actor.officeName}</dd>
            </>
          ) : null}
        </dl>
        {can(actor, "enrolment:create") ? (
          <Link href="/pendaftaran/baru" className="mt-4 inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            {t("nav.newEnrolment")}
          </Link>
        ) : null}
      </section>
      {figures ? <ReviewerHome figures={figures} /> : null}
      {mayRead ? (
        <section aria-labelledby="terbaru" className="space-y-2">
          <h2 id="terbaru" className="text-lg font-semibold">{t("home.recent")}</h2>
          {rows.length ? (
            <EnrolmentTable rows={rows} timeZone={actor.timeZone} caption={t("home.recent")} />
          ) : (
            <p className="text-slate-600">{t("home.none")}</p>
          )}
        </section>
      ) : (
        <p className="text-slate-600">{t("home.adminNote")}</p>
      )}
      <AdminLinks actor={actor} />
    </div>
  );
}

