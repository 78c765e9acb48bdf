import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EndPhaseForm } from "@/components/admin/end-phase-form";
import { PhaseRuleForm } from "@/components/admin/phase-rule-form";
import { DataTable, cellLink, type DataColumn } from "@/components/ui/data-table";
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

  const ruleColumns: DataColumn<PhaseRuleRow>[] = [
    { key: "scope", header: t("columns.scope"), primary: true, cell: scopeOf },
    { key: "schemes", header: t("columns.schemes"), cell: (r) => r.schemes.map((s) => tEnum(s)).join(", ") },
    { key: "period", header: t("columns.period"), nowrap: true, cell: periodOf },
    { key: "legal", header: t("columns.legal"), cell: (r) => r.legalInstrument || r.note },
    { key: "decided", header: t("columns.decided"), align: "right", cell: (r) => r.decided },
    {
      key: "actions",
      header: t("columns.actions"),
      cell: (r) => (
        <div className="flex flex-wrap gap-x-3 gap-y-1">
          {r.decided === 0 ? <Link className={cellLink} href={`/admin/fase?ubah=${r.id}`} aria-label={`${t("editRule")}: ${scopeOf(r)}`}>{t("editRule")}</Link> : null}
          {!r.endDate ? <Link className={cellLink} href={`/admin/fase?akhiri=${r.id}`} aria-label={`${t("end")}: ${scopeOf(r)}`}>{t("end")}</Link> : null}
          {r.endDate && !r.replacedById ? <Link className={cellLink} href={`/admin/fase?ganti=${r.id}`} aria-label={`${t("createSuccessor")}: ${scopeOf(r)}`}>{t("createSuccessor")}</Link> : null}
          {r.replacedById ? <span className="text-slate-600">{t("replacedBy")}</span> : null}
        </div>
      ),
    },
  ];

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      {savedCount !== undefined && /^\d+$/.test(savedCount) ? (
        <p role="status" className="rounded border border-emerald-300 bg-emerald-50 p-2 text-sm">{t("savedCount", { count: Number(savedCount) })}</p>
      ) : null}
      {single(params.diakhiri) ? <p role="status" className="rounded border border-emerald-300 bg-emerald-50 p-2 text-sm">{t("endedNote")}</p> : null}
      {form}
      <DataTable caption={t("caption")} captionVisible rowHeaders columns={ruleColumns} rows={rules} rowKey={(r) => r.id} />
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
