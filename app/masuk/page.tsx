import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/auth/login-form";
import { LanguageSwitch } from "@/components/ui/language-switch";
import { currentActor } from "@/lib/auth/session";
import { single } from "@/lib/search-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("login");
  return { title: t("title") };
}

const NOTICES = ["siap", "baru", "diubah"] as const;

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await currentActor()) redirect("/beranda");
  const [t, locale, params] = await Promise.all([getTranslations(), getLocale(), searchParams]);
  // After a password was set or changed (lib/admin/people/actions.ts).
  const notice = NOTICES.find((n) => n === single(params.sandi));
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <div className="mb-6 flex items-start justify-between gap-4">
        <div>
          <p className="text-2xl font-bold text-brand-700">{t("appName")}</p>
          <p className="text-sm text-slate-600">{t("tagline")}</p>
        </div>
        <div className="rounded bg-brand-700 text-white">
          <LanguageSwitch locale={locale} label={t("nav.language")} />
        </div>
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold">{t("login.title")}</h1>
        <p className="mb-4 text-sm text-slate-600">{t("login.intro")}</p>
        {notice ? <p role="status" className="mb-4 rounded border border-emerald-300 bg-emerald-50 p-3 text-sm">{t(`login.notice.${notice}`)}</p> : null}
        <LoginForm />
      </div>
    </main>
  );
}
