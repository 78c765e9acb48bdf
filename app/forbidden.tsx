import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function Forbidden() {
  const t = await getTranslations("errors");
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold">{t("forbiddenTitle")}</h1>
      <p className="mt-2">{t("forbidden")}</p>
      <Link href="/beranda" className="mt-4 inline-block text-brand-700 underline">{t("back")}</Link>
    </main>
  );
}
