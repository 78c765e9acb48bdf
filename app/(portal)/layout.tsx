import Link from "next/link";
import { LogoutButton } from "@/components/enrolment/logout-button";
import { LanguageSwitch } from "@/components/ui/language-switch";
import { logoutAction } from "@/lib/auth/actions";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { reviewerHomeNow } from "@/lib/review/data";
import { getLocale, getTranslations } from "next-intl/server";

/**
 * Chrome for signed-in pages. It checks sign-in only to draw the navigation: every page and action
 * below authorizes again for itself (a layout protects nothing on its own).
 */
export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  const [t, locale, figures] = await Promise.all([getTranslations(), getLocale(), reviewerHomeNow(actor)]);
  // The reviewer home's counts as badges (docs/decisions/0026): the count is part of the link's
  // accessible name ("Tinjauan (3 menunggu)"), from its content, so the visible label stays in it.
  const figure = (key: "waiting" | "arrears") => figures?.find((f) => f.key === key)?.count ?? 0;
  const badge = (count: number, message: "desk.badgeCount" | "desk.badgeArrearsCount") =>
    count > 0 ? (
      <>
        <span aria-hidden="true" className="ml-1 rounded-full bg-white px-1.5 text-xs font-bold text-brand-800">{count}</span>
        <span className="sr-only"> {t(message, { count })}</span>
      </>
    ) : null;
  const queueBadge = badge(figure("waiting"), "desk.badgeCount");
  const arrearsBadge = badge(figure("arrears"), "desk.badgeArrearsCount");
  return (
    <>
      <a href="#konten" className="sr-only print:hidden focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
        {t("skipToContent")}
      </a>
      <header className="bg-brand-700 text-white print:hidden">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3">
          <Link href="/beranda" className="text-lg font-bold">{t("appName")}</Link>
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <span>
              <span className="font-medium">{actor.name}</span>
              <span className="hidden sm:inline"> · {t(`enums.role.${actor.role}`)}</span>
            </span>
            <LanguageSwitch locale={locale} label={t("nav.language")} />
            <form action={logoutAction}>
              <LogoutButton label={t("nav.logout")} />
            </form>
          </div>
        </div>
        <nav aria-label={t("nav.mainNav")} className="bg-brand-800">
          <ul className="mx-auto flex max-w-5xl flex-wrap gap-1 px-2 text-sm">
            <li><Link className="block px-3 py-2 hover:bg-white/10" href="/beranda">{t("nav.home")}</Link></li>
            {can(actor, "enrolment:read") ? (
              <li><Link className="block px-3 py-2 hover:bg-white/10" href="/pendaftaran">{t("nav.enrolments")}</Link></li>
            ) : null}
            {can(actor, "enrolment:create") ? (
              <li><Link className="block px-3 py-2 hover:bg-white/10" href="/pendaftaran/baru">{t("nav.newEnrolment")}</Link></li>
            ) : null}
            {can(actor, "enrolment:read") ? (
              <li><Link className="block px-3 py-2 hover:bg-white/10" href="/celah-perlindungan">{t("h2h.gaps.nav")}</Link></li>
            ) : null}
            {can(actor, "enrolment:create") ? (
              <li><Link className="block px-3 py-2 hover:bg-white/10" href="/pendaftaran/unggah">{t("bulk.link")}</Link></li>
            ) : null}
            {can(actor, "enrolment:review") ? (
              <li><Link className="block px-3 py-2 hover:bg-white/10" href="/tinjauan">{t("nav.queue")}{queueBadge}</Link></li>
            ) : null}
            {can(actor, "payment:record") ? (
              <li><Link className="block px-3 py-2 hover:bg-white/10" href="/tunggakan">{t("nav.arrears")}{arrearsBadge}</Link></li>
            ) : null}
            {can(actor, "dashboard:read") ? (
              <li><Link className="block px-3 py-2 hover:bg-white/10" href="/dasbor">{t("nav.dashboard")}</Link></li>
            ) : null}
            {can(actor, "settlement:import") ? (
              <li><Link className="block px-3 py-2 hover:bg-white/10" href="/settlement">{t("settlement.nav")}</Link></li>
            ) : null}
            {can(actor, "reconciliation:run") ? (
              <li><Link className="block px-3 py-2 hover:bg-white/10" href="/rekonsiliasi">{t("reconcile.link")}</Link></li>
            ) : null}
            {can(actor, "target:manage") ? (
              <li><Link className="block px-3 py-2 hover:bg-white/10" href="/admin/target">{t("nav.targets")}</Link></li>
            ) : null}
            {can(actor, "user:manage") ? (
              <li><Link className="block px-3 py-2 hover:bg-white/10" href="/admin/pengguna">{t("nav.people")}</Link></li>
            ) : null}
            {can(actor, "masterData:manage") ? (
              <li><Link className="block px-3 py-2 hover:bg-white/10" href="/admin/data">{t("nav.masterData")}</Link></li>
            ) : null}
            {can(actor, "phaseRule:manage") ? (
              <li><Link className="block px-3 py-2 hover:bg-white/10" href="/admin/fase">{t("nav.phaseRules")}</Link></li>
            ) : null}
            {can(actor, "apiKey:manage") ? (
              <li><Link className="block px-3 py-2 hover:bg-white/10" href="/admin/kunci-api">{t("nav.apiKeys")}</Link></li>
            ) : null}
            {can(actor, "webhook:manage") ? (
              <li><Link className="block px-3 py-2 hover:bg-white/10" href="/admin/webhook">{t("nav.webhooks")}</Link></li>
            ) : null}
            {can(actor, "paymentChannel:manage") ? (
              <li><Link className="block px-3 py-2 hover:bg-white/10" href="/admin/kanal-pembayaran">{t("nav.paymentChannels")}</Link></li>
            ) : null}
            {can(actor, "audit:read") ? (
              <li><Link className="block px-3 py-2 hover:bg-white/10" href="/admin/audit">{t("nav.audit")}</Link></li>
            ) : null}
            {can(actor, "account:manage") ? (
              <li><Link className="block px-3 py-2 hover:bg-white/10" href="/akun">{t("nav.account")}</Link></li>
            ) : null}
          </ul>
        </nav>
      </header>
      <main id="konten" className="mx-auto max-w-5xl px-4 py-6">{children}</main>
    </>
  );
}
