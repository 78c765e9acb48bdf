"use client";

import { useTranslations } from "next-intl";

/**
 * The live decision pinned to the bottom of a phone's screen while the officer types (the full
 * preview sits after the last section, four screens down). Not a live region: the preview itself
 * announces changes, so a screen reader does not hear each one twice. Hidden from sm up, where the
 * preview is in view beside shorter sections.
 */
export function DecisionBar({ status, amount, problem }: { status: string | null; amount: string | null; problem: string | null }) {
  const t = useTranslations("officerJourney");
  return (
    <div className="fixed inset-x-0 bottom-0 z-20 border-t-2 border-brand-600 bg-brand-50 px-4 py-2 text-sm shadow-lg sm:hidden" data-testid="decision-bar">
      <div className="flex items-center justify-between gap-3">
        <p className="min-w-0">
          <span className="block text-xs text-slate-700">{t("decisionBar")}</span>
          {status ? (
            <span className="font-semibold">
              {status}
              {amount ? <span className="font-normal"> · {amount}</span> : null}
            </span>
          ) : problem ? (
            <span className="font-medium text-red-800">{problem}</span>
          ) : (
            <span className="text-slate-700">{t("decisionBarNone")}</span>
          )}
        </p>
        <a href="#preview-title" className="inline-flex min-h-6 shrink-0 items-center rounded px-2 py-1 font-medium text-brand-800 underline">
          {t("decisionBarShow")}
        </a>
      </div>
    </div>
  );
}
