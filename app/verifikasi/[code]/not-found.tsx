import { getTranslations } from "next-intl/server";

/** An unknown or withdrawn certificate code: said plainly, with the 404 status. */
export default async function UnknownCertificate() {
  const t = await getTranslations("verification");
  return (
    <main id="konten" className="mx-auto max-w-xl space-y-4 px-4 py-8">
      <h1 className="text-2xl font-semibold">{t("unknownTitle")}</h1>
      <p data-testid="verification-unknown">{t("unknown")}</p>
    </main>
  );
}
