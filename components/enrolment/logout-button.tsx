"use client";

import { useTranslations } from "next-intl";
import { forgetAllKept, hasKept } from "@/components/enrolment/kept-input";

/**
 * Sign-out removes e-form input kept in this browser (a bank's computer is often shared), asking
 * first when some of it never reached the server.
 */
export function LogoutButton({ label }: { label: string }) {
  const t = useTranslations("officerJourney");
  return (
    <button
      type="submit"
      onClick={(ev) => {
        if (hasKept() && !window.confirm(t("logoutKept"))) {
          ev.preventDefault();
          return;
        }
        forgetAllKept();
      }}
      className="min-h-6 rounded border border-white/60 px-2 py-1 hover:bg-white/10"
    >
      {label}
    </button>
  );
}
