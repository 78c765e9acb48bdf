import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { TargetForm } from "@/components/dashboard/target-form";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { requirePermission } from "@/lib/auth/session";
import { listTargets, targetFormOptions } from "@/lib/dashboard/data";
import { TARGET_MAX_YEAR, TARGET_MIN_YEAR } from "@/lib/dashboard/schema";
import { formatCell } from "@/lib/dashboard/tables";
import { formatInstant } from "@/lib/format";
import { todayInZone } from "@/lib/rules";
import { single } from "@/lib/search-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("targets");
  return { title: t("metaTitle") };
}

/** Yearly targets per Kanwil and Kantor Cabang (administrators only); the dashboards show them. */
export default async function TargetPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("target:manage");
  const [t, locale, params] = await Promise.all([getTranslations("targets"), getLocale(), searchParams]);
  const asked = Number(single(params.tahun));
  const thisYear = Number(todayInZone(new Date(), actor.timeZone).slice(0, 4));
  const year = Number.isInteger(asked) && asked >= TARGET_MIN_YEAR && asked <= TARGET_MAX_YEAR ? asked : thisYear;
  const [targets, kanwil] = await Promise.all([listTargets(year), targetFormOptions()]);
  const targetColumns: DataColumn<(typeof targets)[number]>[] = [
    { key: "kanwil", header: t("columns.kanwil"), primary: true, cell: (row) => row.kanwilName },
    { key: "kc", header: t("columns.kc"), cell: (row) => row.kcName ?? t("wholeKanwil") },
    { key: "approvedTarget", header: t("columns.approvedTarget"), align: "right", cell: (row) => formatCell("int", row.approvedTarget, locale) },
    { key: "complianceTarget", header: t("columns.complianceTarget"), align: "right", cell: (row) => `${row.complianceTargetPct}%` },
    { key: "updated", header: t("columns.updated"), nowrap: true, cell: (row) => formatInstant(row.updatedAt, actor.timeZone) },
  ];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title", { year })}</h1>
      {params.tersimpan ? <p role="status" className="rounded border border-emerald-300 bg-emerald-50 p-2 text-sm">{t("saved")}</p> : null}
      <nav aria-label={t("yearNav")} className="flex gap-3 text-sm">
        <Link className="text-brand-700 underline" href={`/admin/target?tahun=${year - 1}`}>‹ {year - 1}</Link>
        <Link className="text-brand-700 underline" href={`/admin/target?tahun=${year + 1}`}>{year + 1} ›</Link>
      </nav>
      <TargetForm kanwil={kanwil} year={year} />
      <DataTable
        caption={t("caption", { year })}
        captionVisible
        rowHeaders
        columns={targetColumns}
        rows={targets}
        rowKey={(row) => row.id}
        empty={<p className="rounded border border-slate-200 bg-white px-3 py-2 text-slate-600">{t("none")}</p>}
      />
    </div>
  );
}
