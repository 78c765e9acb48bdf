import Link from "next/link";
import { getDictionary } from "@/lib/i18n/server";

export default async function NotFound() {
  const { t } = await getDictionary();
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold">{t.errors.notFoundTitle}</h1>
      <p className="mt-2">{t.errors.notFound}</p>
      <Link href="/beranda" className="mt-4 inline-block text-brand-700 underline">{t.errors.back}</Link>
    </main>
  );
}
