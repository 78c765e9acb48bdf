import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EndPhaseForm } from "@/components/admin/end-phase-form";
import { PhaseRuleForm } from "@/components/admin/phase-rule-form";
import { listPhaseRules, phaseFormOptions, phaseRuleById, type PhaseRuleRow } from "@/lib/admin/phase/data";
import { requirePermission } from "@/lib/auth/session";
import { addDays, formatDateId, todayInZone } from "@/lib/rules";
import { single } from "@/lib/search-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminData.phase");
  return { title: t("metaTitle") };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Phase rules of the phased mandate (administrators): the list, a new rule, editing a rule that has
 * decided nothing (?ubah=id), ending one (?akhiri=id) and creating its successor (?ganti=id).
 */
export default async function PhaseRulesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("phaseRule:manage");
  const [t, tEnum, params] = await Promise.all([getTranslations("adminData.phase"), getTranslations("enums.scheme"), searchParams]);
  const pick = (key: string) => {
    const v = single(params[key]);
    return v && UUID.test(v) ? v : undefined;
  };
  const editId = pick("ubah");
  const endId = pick("akhiri");
  const successorOf = pick("ganti");
  const [rules, options] = await Promise.all([listPhaseRules(), phaseFormOptions()]);
  const focus = editId ?? endId ?? successorOf;
  const chosen = focus ? await phaseRuleById(focus) : null;
  if (focus && !chosen) notFound();
  const today = todayInZone(new Date(), actor.timeZone);
  const scopeOf = (r: Pick<PhaseRuleRow, "penyalurName" | "kanwilName" | "provinceName">) =>
    `${r.penyalurName ?? t("allPenyalur")} · ${r.kanwilName ? t("inKanwil", { name: r.kanwilName }) : r.provinceName ? t("inProvince", { name: r.provinceName }) : t("allRegions")}`;
  const periodOf = (r: PhaseRuleRow) =>
    r.endDate ? t("period", { from: formatDateId(r.startDate), to: formatDateId(r.endDate) }) : t("openEnded", { from: formatDateId(r.startDate) });
  const savedCount = single(params.tersimpan);

  let form;
  if (chosen && endId) {
    form = <EndPhaseForm id={chosen.id} scope={scopeOf(chosen)} defaultEnd={chosen.lastDecisionDate && chosen.lastDecisionDate > today ? chosen.lastDecisionDate : today} />;
  } else if (chosen && editId && chosen.decided === 0) {
    form = (
      <PhaseRuleForm
        options={options}
        id={chosen.id}
        title={t("editRule")}
        initial={{ ...scopeFields(chosen), startDate: chosen.startDate, endDate: chosen.endDate ?? "", legalInstrument: chosen.legalInstrument, note: chosen.note }}
      />
    );
  } else if (chosen && successorOf && chosen.endDate) {
    form = (
      <PhaseRuleForm
        options={options}
        title={t("successorTitle")}
        lead={t("successorOf", { date: formatDateId(chosen.endDate) })}
        initial={{ ...scopeFields(chosen), startDate: addDays(chosen.endDate, 1), legalInstrument: "", replaces: chosen.id }}
      />
    );
  } else {
    form = <PhaseRuleForm options={options} title={t("newRule")} initial={{ schemeSuperMikro: "on", schemeMikro: "on" }} />;
  }

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      {savedCount !== undefined && /^\d+$/.test(savedCount) ? (
        <p role="status" className="rounded border border-emerald-300 bg-emerald-50 p-2 text-sm">{t("savedCount", { count: Number(savedCount) })}</p>
      ) : null}
      {single(params.diakhiri) ? <p role="status" className="rounded border border-emerald-300 bg-emerald-50 p-2 text-sm">{t("endedNote")}</p> : null}
      {form}
      <div className="overflow-x-auto rounded border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <caption className="px-3 py-2 text-left font-medium">{t("caption")}</caption>
          <thead className="bg-slate-100 text-left">
            <tr>
              <th scope="col" className="px-3 py-2">{t("columns.scope")}</th>
              <th scope="col" className="px-3 py-2">{t("columns.schemes")}</th>
              <th scope="col" className="px-3 py-2">{t("columns.period")}</th>
              <th scope="col" className="px-3 py-2">{t("columns.legal")}</th>
              <th scope="col" className="px-3 py-2 text-right">{t("columns.decided")}</th>
              <th scope="col" className="px-3 py-2">{t("columns.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r) => (
              <tr key={r.id} className="border-t border-slate-200 align-top">
                <th scope="row" className="px-3 py-1.5 text-left font-normal">{scopeOf(r)}</th>
                <td className="px-3 py-1.5">{r.schemes.map((s) => tEnum(s)).join(", ")}</td>
                <td className="px-3 py-1.5 whitespace-nowrap">{periodOf(r)}</td>
                <td className="px-3 py-1.5">{r.legalInstrument || r.note}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{r.decided}</td>
                <td className="px-3 py-1.5">
                  <div className="flex flex-wrap gap-x-3 gap-y-1">
                    {r.decided === 0 ? <Link className="text-brand-700 underline" href={`/admin/fase?ubah=${r.id}`} aria-label={`${t("editRule")}: ${scopeOf(r)}`}>{t("editRule")}</Link> : null}
                    {!r.endDate ? <Link className="text-brand-700 underline" href={`/admin/fase?akhiri=${r.id}`} aria-label={`${t("end")}: ${scopeOf(r)}`}>{t("end")}</Link> : null}
                    {r.endDate && !r.replacedById ? <Link className="text-brand-700 underline" href={`/admin/fase?ganti=${r.id}`} aria-label={`${t("createSuccessor")}: ${scopeOf(r)}`}>{t("createSuccessor")}</Link> : null}
                    {r.replacedById ? <span className="text-slate-600">{t("replacedBy")}</span> : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** A rule's schemes and scope as the form's fields (an edit, or a successor's starting point). */
function scopeFields(r: { schemes: string[]; penyalurCode: string | null; kanwilCode: string | null; provinceCode: string | null }): Record<string, string> {
  return {
    ...(r.schemes.includes("SUPER_MIKRO") ? { schemeSuperMikro: "on" } : {}),
    ...(r.schemes.includes("MIKRO") ? { schemeMikro: "on" } : {}),
    penyalur: r.penyalurCode ?? "",
    kanwil: r.kanwilCode ?? "",
    province: r.provinceCode ?? "",
  };
}
