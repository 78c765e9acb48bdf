import type { Metadata } from "next";
import Link from "next/link";
import { TargetForm } from "@/components/dashboard/target-form";
import { requirePermission } from "@/lib/auth/session";
import { listTargets, targetFormOptions } from "@/lib/dashboard/data";
import { TARGET_MAX_YEAR, TARGET_MIN_YEAR } from "@/lib/dashboard/schema";
import { formatCell } from "@/lib/dashboard/tables";
import { formatInstant } from "@/lib/format";
import { todayInZone } from "@/lib/rules";
import { single } from "@/lib/search-params";

export const metadata: Metadata = { title: "Target dasbor" };

/** Yearly targets per Kanwil and Kantor Cabang (administrators only); the dashboards show them. */
export default async function TargetPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("target:manage");
  const params = await searchParams;
  const asked = Number(single(params.tahun));
  const thisYear = Number(todayInZone(new Date(), actor.timeZone).slice(0, 4));
  const year = Number.isInteger(asked) && asked >= TARGET_MIN_YEAR && asked <= TARGET_MAX_YEAR ? asked : thisYear;
  const [targets, kanwil] = await Promise.all([listTargets(year), targetFormOptions()]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Target dasbor {year}</h1>
      {params.tersimpan ? <p role="status" className="rounded border border-emerald-300 bg-emerald-50 p-2 text-sm">Target tersimpan.</p> : null}
      <nav aria-label="Tahun" className="flex gap-3 text-sm">
        <Link className="text-brand-700 underline" href={`/admin/target?tahun=${year - 1}`}>‹ {year - 1}</Link>
        <Link className="text-brand-700 underline" href={`/admin/target?tahun=${year + 1}`}>{year + 1} ›</Link>
      </nav>
      <TargetForm kanwil={kanwil} year={year} />
      <div className="overflow-x-auto rounded border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <caption className="px-3 py-2 text-left font-medium">Target tahun {year} per Kanwil dan Kantor Cabang</caption>
          <thead className="bg-slate-100 text-left">
            <tr>
              <th scope="col" className="px-3 py-2">Kanwil</th>
              <th scope="col" className="px-3 py-2">Kantor Cabang</th>
              <th scope="col" className="px-3 py-2 text-right">Target peserta</th>
              <th scope="col" className="px-3 py-2 text-right">Target kepatuhan</th>
              <th scope="col" className="px-3 py-2">Diubah</th>
            </tr>
          </thead>
          <tbody>
            {targets.length === 0 ? (
              <tr><td colSpan={5} className="px-3 py-2 text-slate-600">Belum ada target untuk tahun ini.</td></tr>
            ) : (
              targets.map((t) => (
                <tr key={t.id} className="border-t border-slate-200">
                  <th scope="row" className="px-3 py-1.5 text-left font-normal">{t.kanwilName}</th>
                  <td className="px-3 py-1.5">{t.kcName ?? "Seluruh Kanwil"}</td>
                  <td className="px-3 py-1.5 text-right tabular-nums">{formatCell("int", t.approvedTarget, "id")}</td>
                  <td className="px-3 py-1.5 text-right tabular-nums">{t.complianceTargetPct}%</td>
                  <td className="px-3 py-1.5 whitespace-nowrap">{formatInstant(t.updatedAt, actor.timeZone)}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
