import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/people/password-forms";
import { SecondFactorForm } from "@/components/people/second-factor-form";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/admin/people/schema";
import { enrolmentChallenge } from "@/lib/admin/people/second-factor";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { single } from "@/lib/search-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("people.account");
  return { title: t("metaTitle") };
}

/** The signed-in user's own account: password, and the TOTP second factor where the role has one. */
export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("account:manage");
  const [t, params] = await Promise.all([getTranslations("people"), searchParams]);
  const rule = t("policy.rule", { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH });
  const mayEnrol = can(actor, "account:secondFactor");
  const challenge = mayEnrol && actor.secondFactor !== "enabled" ? await enrolmentChallenge(actor.email) : null;
  const section = "space-y-3 rounded border border-slate-200 bg-white p-4";
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-semibold">{t("account.title")}</h1>
      {single(params.tersimpan) === "dualangkah" ? <p role="status" className="rounded border border-emerald-300 bg-emerald-50 p-2 text-sm">{t("account.saved")}</p> : null}
      <section aria-labelledby="password-title" className={section}>
        <h2 id="password-title" className="text-base font-semibold">{t("account.passwordTitle")}</h2>
        <p className="text-sm text-slate-700">{t("account.passwordIntro")}</p>
        <ChangePasswordForm rule={rule} />
      </section>
      <section aria-labelledby="second-factor-title" className={section}>
        <h2 id="second-factor-title" className="text-base font-semibold">{t("account.secondFactorTitle")}</h2>
        {!mayEnrol ? (
          <p className="text-sm text-slate-700">{t("account.notForRole")}</p>
        ) : challenge ? (
          <SecondFactorForm {...challenge} />
        ) : (
          <p className="text-sm">{t("account.secondFactorOn")}</p>
        )}
      </section>
    </div>
  );
}
