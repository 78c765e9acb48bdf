import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SecondFactorForm } from "@/components/people/second-factor-form";
import { enrolmentChallenge } from "@/lib/admin/people/second-factor";
import { logoutAction } from "@/lib/auth/actions";
import { requireActor } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("people.enrol");
  return { title: t("metaTitle") };
}

/**
 * Where a user whose administrator requires a second factor lands until it is set up: outside the
 * portal's chrome (whose pages all send such a user here), with only this form and sign-out.
 */
export default async function SecondFactorEnrolPage() {
  const actor = await requireActor({ enrolling: true });
  if (actor.secondFactor !== "enrol") redirect("/beranda");
  const [t, tApp, challenge] = await Promise.all([getTranslations("people.enrol"), getTranslations(), enrolmentChallenge(actor.email)]);
  return (
    <main id="konten" className="mx-auto max-w-md space-y-4 px-4 py-10">
      <p className="text-2xl font-bold text-brand-700">{tApp("appName")}</p>
      <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-700">{t("requiredIntro")}</p>
        <SecondFactorForm {...challenge} />
      </div>
      <form action={logoutAction}>
        <button type="submit" className="text-sm text-brand-700 underline">{t("signOut")}</button>
      </form>
    </main>
  );
}
