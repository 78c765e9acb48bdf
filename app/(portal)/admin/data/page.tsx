import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { masterCounts } from "@/lib/admin/masterdata/data";
import { ENTITY_SEGMENTS, MASTER_ENTITIES } from "@/lib/admin/masterdata/schema";
import { requirePermission } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminData.master");
  return { title: t("metaTitle") };
}

/** Master data home (administrators): one card per kind of record. */
export default async function MasterDataPage() {
  await requirePermission("masterData:manage");
  const [t, counts] = await Promise.all([getTranslations("adminData.master"), masterCounts()]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      <ul className="grid gap-3 sm:grid-cols-2">
        {MASTER_ENTITIES.map((entity) => (
          <li key={entity} className="rounded border border-slate-200 bg-white p-4">
            <h2 className="font-semibold">{t(`entities.${entity}.title`)}</h2>
            <p className="text-sm text-slate-700">{t("count", { count: counts[entity] })}</p>
            <Link href={`/admin/data/${ENTITY_SEGMENTS[entity]}`} className="mt-2 inline-block text-brand-700 underline">
              {t("open")}<span className="sr-only">: {t(`entities.${entity}.title`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
