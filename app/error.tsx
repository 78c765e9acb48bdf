"use client";

import { useTranslations } from "next-intl";

/**
 * Unexpected errors: a plain message with the id that Next.js logged the error under (its digest),
 * never a stack trace. Inside the root layout, so the messages reach it from its provider.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold">{t("unexpectedTitle")}</h1>
      <p className="mt-2">{t("unexpected")}</p>
      <p className="mt-2 font-mono text-lg" data-testid="error-id">{error.digest ?? "—"}</p>
      <button type="button" onClick={reset} className="mt-4 rounded bg-brand-700 px-4 py-2 text-white">
        {t("retry")}
      </button>
    </main>
  );
}
