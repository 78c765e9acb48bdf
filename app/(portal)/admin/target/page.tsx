import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { TargetForm } from "@/components/dashboard/target-form";
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
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title", { year })}</h1>
      {params.tersimpan ? <p role="status" className="rounded border border-emerald-300 bg-emerald-50 p-2 text-sm">{t("saved")}</p> : null}
      <nav aria-label={t("yearNav")} className="flex gap-3 text-sm">
        <Link className="text-brand-700 underline" href={`/admin/target?tahun=${year - 1}`}>‹ {year - 1}</Link>
        <Link className="text-brand-700 underline" href={`/admin/target?tahun=${year + 1}`}>{year + 1} ›</Link>
      </nav>
      <TargetForm kanwil={kanwil} year={year} />
      <div className="overflow-x-auto rounded border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <caption className="px-3 py-2 text-left font-medium">{t("caption", { year })}</caption>
          <thead className="bg-slate-100 text-left">
            <tr>
              <th scope="col" className="px-3 py-2">{t("columns.kanwil")}</th>
              <th scope="col" className="px-3 py-2">{t("columns.kc")}</th>
              <th scope="col" className="px-3 py-2 text-right">{t("columns.approvedTarget")}</th>
              <th scope="col" className="px-3 py-2 text-right">{t("columns.complianceTarget")}</th>
              <th scope="col" className="px-3 py-2">{t("columns.updated")}</th>
            </tr>
          </thead>
          <tbody>
            {targets.length === 0 ? (
              <tr><td colSpan={5} className="px-3 py-2 text-slate-600">{t("none")}</td></tr>
            ) : (
              targets.map((row) => (
                <tr key={row.id} className="border-t border-slate-200">
                  <th scope="row" className="px-3 py-1.5 text-left font-normal">{row.kanwilName}</th>
                  <td className="px-3 py-1.5">{row.kcName ?? t("wholeKanwil")}</td>
                  <td className="px-3 py-1.5 text-right tabular-nums">{formatCell("int", row.approvedTarget, locale)}</td>
                  <td className="px-3 py-1.5 text-right tabular-nums">{row.complianceTargetPct}%</td>
                  <td className="px-3 py-1.5 whitespace-nowrap">{formatInstant(row.updatedAt, actor.timeZone)}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
