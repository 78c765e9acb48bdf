import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { COVERAGE_STYLE } from "@/components/review/coverage-summary";
import { BUDGETS, spend } from "@/lib/action/limits";
import { requestClientAddress } from "@/lib/auth/client-address";
import { verificationByCode } from "@/lib/review/data";
import { formatDateId } from "@/lib/rules";

export async function generateMetadata(): Promise<Metadata> {
  return {
    title: (await getTranslations("verification"))("metaTitle"),
    robots: { index: false, follow: false },
    referrer: "no-referrer",
  };
}

/**
 * Public: what a certificate's QR code opens. Shows a third party only the masked name, the cover
 * status and the protected-until date; never the NIK, KPJ or contact data. Unknown codes get a 404.
 * In the visitor's language (the `lang` cookie), Indonesian by default.
 */
export default async function VerificationPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  // Codes are random, but a public page that answers "valid or not" is limited per client (docs/decisions/0013).
  const spent = await spend(BUDGETS.verificationPerAddress, await requestClientAddress());
  if (!spent.allowed) {
    const t = await getTranslations("verification");
    return (
      <main id="konten" className="mx-auto max-w-xl space-y-4 px-4 py-8">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p role="alert" className="rounded border-l-4 border-amber-600 bg-amber-50 p-4" data-testid="verification-limited">
          {t("limited", { seconds: spent.waitSeconds })}
        </p>
      </main>
    );
  }
  const [view, t] = await Promise.all([verificationByCode(code, new Date()), getTranslations()]);
  if (!view) notFound();
  return (
    <main id="konten" className="mx-auto max-w-xl space-y-4 px-4 py-8">
      <h1 className="text-2xl font-semibold">{t("verification.title")}</h1>
      <section aria-labelledby="hasil" className={`rounded border-l-4 p-4 ${COVERAGE_STYLE[view.status]}`} data-testid="verification">
        <h2 id="hasil" className="text-lg font-semibold">{t("verification.valid")}</h2>
        <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
          <dt className="font-medium">{t("verification.name")}</dt>
          <dd className="font-mono" data-testid="masked-name">{view.maskedName}</dd>
          <dt className="font-medium">{t("verification.status")}</dt>
          <dd className="font-bold">{t(`enums.coverage.${view.status}`)}</dd>
          <dt className="font-medium">{t("verification.protectedUntil")}</dt>
          <dd>{view.protectedUntil ? formatDateId(view.protectedUntil) : t("verification.notProtected")}</dd>
          <dt className="font-medium">{t("verification.programs")}</dt>
          <dd>{view.programs.join(", ")}</dd>
          <dt className="font-medium">{t("verification.checkedOn")}</dt>
          <dd>{formatDateId(view.checkedOn)}</dd>
        </dl>
      </section>
      <p className="text-sm text-slate-700">{t("verification.minimal")}</p>
    </main>
  );
}
