import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SettlementUpload } from "@/components/payments/settlement-upload";
import { requirePermission } from "@/lib/auth/session";
import { formatInstant } from "@/lib/format";
import { recentSettlementImports, settlementChannels } from "@/lib/payments/data";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settlement"))("title") };
}

/** Head office uploads a channel's settlement file and sees the latest imports (docs/decisions/0021 §1). */
export default async function SettlementPage() {
  const actor = await requirePermission("settlement:import");
  const [t, channels, imports] = await Promise.all([getTranslations("settlement"), settlementChannels(actor), recentSettlementImports(actor)]);
  if (!channels || !imports) notFound();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      <SettlementUpload channels={channels} />
      <h2 className="text-lg font-semibold">{t("recent")}</h2>
      {imports.length === 0 ? (
        <p className="text-sm">{t("none")}</p>
      ) : (
        <ul className="space-y-1 text-sm" data-testid="settlement-imports">
          {imports.map((i) => (
            <li key={i.id}>
              <Link href={`/settlement/${i.id}`} className="font-medium text-brand-700 underline">{i.fileName}</Link>
              {" · "}{i.channel.code} · {t("uploadedAt")} {formatInstant(i.createdAt, actor.timeZone)}
              {i.finishedAt ? null : <> · {t("running")}</>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
