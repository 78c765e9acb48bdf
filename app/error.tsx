"use client";

import { useTranslations } from "next-intl";
import { UNAVAILABLE_DIGEST_PREFIX } from "@/lib/action/faults";

/**
 * Unexpected errors: a plain message with the id that Next.js logged the error under (its digest),
 * never a stack trace. An unreachable database says so instead, with its own id (lib/ops/faults.ts):
 * nothing was saved, try again shortly. Inside the root layout, so the messages reach it from its provider.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  const unavailable = error.digest?.startsWith(UNAVAILABLE_DIGEST_PREFIX) ?? false;
  const id = unavailable ? error.digest!.slice(UNAVAILABLE_DIGEST_PREFIX.length) : error.digest;
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold">{unavailable ? t("unavailableTitle") : t("unexpectedTitle")}</h1>
      <p className="mt-2">{unavailable ? t("unavailable") : t("unexpected")}</p>
      <p className="mt-2 font-mono text-lg" data-testid="error-id">{id ?? "—"}</p>
      <button type="button" onClick={reset} className="mt-4 rounded bg-brand-700 px-4 py-2 text-white">
        {t("retry")}
      </button>
    </main>
  );
}
