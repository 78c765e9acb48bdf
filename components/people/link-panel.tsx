"use client";

import { useState } from "react";
import { useTimeZone, useTranslations } from "next-intl";
import { formatInstant } from "@/lib/format";
import { secondaryButtonClass } from "@/components/people/form-bits";

/**
 * A one-time link, shown once to the administrator: no mail leaves the machine yet, so they hand it
 * over themselves. The token is only in this answer; the database holds its sha256.
 */
export function LinkPanel({ kind, token, expiresAt, name }: { kind: "INVITATION" | "PASSWORD_RESET"; token: string; expiresAt: string; name: string }) {
  const t = useTranslations("people.link");
  const timeZone = useTimeZone() ?? "Asia/Jakarta";
  const [copied, setCopied] = useState(false);
  const url = `${typeof window === "undefined" ? "" : window.location.origin}/atur-sandi/${token}`;
  return (
    <section role="status" aria-labelledby="link-title" className="space-y-2 rounded border border-emerald-300 bg-emerald-50 p-4">
      <h2 id="link-title" className="font-semibold">{kind === "INVITATION" ? t("invitationTitle") : t("resetTitle")}</h2>
      <p className="text-sm">{t("intro", { name, expires: formatInstant(expiresAt, timeZone) })}</p>
      <label htmlFor="one-time-link" className="block text-sm font-medium">{t("label")}</label>
      <input id="one-time-link" readOnly value={url} className="block w-full rounded border border-slate-400 bg-white px-3 py-2 font-mono text-sm" onFocus={(e) => e.target.select()} />
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          className={secondaryButtonClass}
          onClick={async () => {
            await navigator.clipboard?.writeText(url).catch(() => undefined);
            setCopied(true);
          }}
        >
          {t("copy")}
        </button>
        <span aria-live="polite" className="text-sm">{copied ? t("copied") : ""}</span>
      </div>
      <p className="text-xs text-slate-700">{t("mailNote")}</p>
    </section>
  );
}
