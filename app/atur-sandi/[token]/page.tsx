import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { SetPasswordForm } from "@/components/people/password-forms";
import { LanguageSwitch } from "@/components/ui/language-switch";
import { oneTimeLink } from "@/lib/admin/people/data";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/admin/people/schema";
import { formatInstant } from "@/lib/format";
import { DEFAULT_TIME_ZONE } from "@/lib/i18n/config";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("people.setPassword");
  // The token stays out of the referrer sent to anything this page loads.
  return { title: t("metaTitle"), referrer: "no-referrer" };
}

/**
 * The page an invitation or reset link opens (no one is signed in): the invitee sets a password
 * that meets the policy. Opening it uses nothing up; saving does (once).
 */
export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const [{ token }, t, tApp, locale] = await Promise.all([params, getTranslations("people"), getTranslations(), getLocale()]);
  const link = await oneTimeLink(token);
  return (
    <main id="konten" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <div className="mb-6 flex items-start justify-between gap-4">
        <p className="text-2xl font-bold text-brand-700">{tApp("appName")}</p>
        <div className="rounded bg-brand-700 text-white">
          <LanguageSwitch locale={locale} label={tApp("nav.language")} />
        </div>
      </div>
      <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        {link.state === "valid" ? (
          <>
            <h1 className="text-xl font-semibold">{link.kind === "INVITATION" ? t("setPassword.invitationTitle", { name: link.name }) : t("setPassword.resetTitle", { name: link.name })}</h1>
            <p className="text-sm text-slate-700 wrap-anywhere">{t("setPassword.intro", { email: link.email, expires: formatInstant(link.expiresAt, DEFAULT_TIME_ZONE) })}</p>
            <SetPasswordForm token={token} email={link.email} rule={t("policy.rule", { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH })} />
          </>
        ) : (
          <>
            <h1 className="text-xl font-semibold">{t("setPassword.metaTitle")}</h1>
            <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">{t(`setPassword.${link.state}`)}</p>
            <Link href="/masuk" className="inline-block text-brand-700 underline">{t("setPassword.toLogin")}</Link>
          </>
        )}
      </div>
    </main>
  );
}
