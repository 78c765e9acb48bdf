import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { BarFigure, LineFigure } from "@/components/dashboard/charts";
import { FigureTable } from "@/components/dashboard/figure-table";
import { Field, inputClass } from "@/components/ui/field";
import { requirePermission } from "@/lib/auth/session";
import { GAPS_PATH, coverageGapSummary, gapFilterQuery } from "@/lib/loans";
import { dashboardFigures, dashboardFilterOptions, resolveDashboardFilter, targetsForView } from "@/lib/dashboard/data";
import { formatDuration } from "@/lib/dashboard/median";
import { DASHBOARD_PATH, DASHBOARD_SCHEMES, behindHref, dashboardHref, exportHref, parseDashboardQuery } from "@/lib/dashboard/schema";
import { cellLink } from "@/components/ui/data-table";
import { complianceRate, figureLabels, figureTables, formatCell, schemeLabel, type FigureTable as Table } from "@/lib/dashboard/tables";
import { formatDateId, formatMonthId, todayInZone } from "@/lib/rules";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dashboard");
  return { title: t("metaTitle") };
}

/** The definitions printed under the figures, in this order (`dashboard.definitions.<key>`). */
const DEFINITIONS = ["period", "mandatory", "paid", "compliance", "active", "arrears", "median", "freshness"] as const;

const COLORS = { primary: "#047857", secondary: "#2563eb", tertiary: "#b45309", quaternary: "#7c3aed" };

/**
 * Regional (own Kanwil) and head-office dashboards. Filters live in the URL; the scope is decided
 * on the server from the signed-in user, so a crafted URL for another Kanwil is a 404.
 */
export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("dashboard:read");
  const [x, tDesk, locale] = await Promise.all([getTranslations("dashboard"), getTranslations("desk"), getLocale()]);
  const today = todayInZone(new Date(), actor.timeZone);
  const query = parseDashboardQuery(await searchParams, today.slice(0, 7));
  const filter = await resolveDashboardFilter(actor, query);
  if (!filter) notFound();
  // Links and exports carry the filter as resolved (e.g. a stale branch dropped).
  const view = { ...query, kanwil: filter.kanwilLocked ? undefined : filter.kanwil?.code, kc: filter.kc?.code };
  const [fig, targets, options] = await Promise.all([
    dashboardFigures(filter, today, figureLabels(locale)),
    targetsForView(filter),
    dashboardFilterOptions(filter),
  ]);

  // Coverage gaps in the reader's scope under the dashboard's own filters (docs/decisions/0019 §4):
  // a count, and the list of exactly those gaps one click away.
  const [gaps, tGaps] = await Promise.all([coverageGapSummary(actor, view), getTranslations("h2h.gaps")]);

  const place = filter.kc?.name ?? filter.kanwil?.name ?? x("national");
  const narrowing = [filter.penyalur?.name, filter.scheme ? schemeLabel(filter.scheme, locale) : null].filter(Boolean).join(", ");
  const period = { place, narrowing, from: formatMonthId(filter.from), to: formatMonthId(filter.to) };
  const scopeCaption = narrowing ? x("scopeCaptionNarrowed", period) : x("scopeCaption", period);
  const tables = figureTables(fig, targets, { locale, scopeCaption });
  const table = (name: Parameters<typeof tables.get>[0]) => tables.get(name)!;
  const fmt = (kind: Parameters<typeof formatCell>[0], v: number | null) => formatCell(kind, v, locale);
  const compliance = complianceRate(fig.totals.mandatoryCovered, fig.totals.mandatory);
  const complianceRows = (t: Table) => t.rows.map((r) => ({ label: String(r.label), compliance: r.compliance }));
  const tableBlock = (t: Table, rowHref?: (row: Table["rows"][number]) => string | null) => (
    <FigureTable table={t} locale={locale} query={view} rowHref={rowHref} />
  );

  // The period in progress is labelled on the axis too ("12/2026 (berjalan)"), beside its dashed segment.
  const inProgress = (label: string, partial: boolean) => (partial ? `${label} ${tDesk("partial.axis")}` : label);
  const monthAxis = (month: string) => inProgress(formatMonthId(month), month === fig.partialMonth);
  const weekAxis = (week: string) => inProgress(`${week.slice(8, 10)}/${week.slice(5, 7)}`, week === fig.partialWeek);

  // Drill-down: national → Kanwil → Kantor Cabang → penyalur office.
  const level = filter.kc ? "office" : filter.kanwil ? "kc" : "kanwil";
  const drillTable = table(level);
  const drillHref =
    level === "kanwil" ? (row: Table["rows"][number]) => (row.code ? dashboardHref(view, { kanwil: String(row.code) }) : null)
    : level === "kc" ? (row: Table["rows"][number]) => (row.code ? dashboardHref(view, { kc: String(row.code) }) : null)
    : undefined;

  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">{x("title")}</h1>
        <p className="text-slate-700" data-testid="dashboard-scope">{scopeCaption}</p>
        {gaps.total > 0 ? (
          <p className="rounded border-l-4 border-amber-600 bg-amber-50 p-2 text-sm" data-testid="dashboard-gaps">
            {tGaps("dashboardCard", { count: gaps.total })}{" "}
            <Link href={`${GAPS_PATH}${gapFilterQuery(view)}`} className="text-brand-700 underline">{tGaps("dashboardLink")}</Link>
          </p>
        ) : null}
        <nav aria-label={x("breadcrumb")}>
          <ol className="flex flex-wrap gap-1 text-sm">
            {filter.kanwilLocked ? null : (
              <li>
                <Link href={dashboardHref(view, { kanwil: undefined, kc: undefined })} className="text-brand-700 underline" aria-current={level === "kanwil" ? "page" : undefined}>{x("national")}</Link>
              </li>
            )}
            {filter.kanwil ? (
              <li>
                {filter.kanwilLocked ? null : <span aria-hidden="true">› </span>}
                <Link href={dashboardHref(view, { kc: undefined })} className="text-brand-700 underline" aria-current={level === "kc" ? "page" : undefined}>{filter.kanwil.name}</Link>
              </li>
            ) : null}
            {filter.kc ? (
              <li>
                <span aria-hidden="true">› </span>
                <Link href={dashboardHref(view)} className="text-brand-700 underline" aria-current="page">{filter.kc.name}</Link>
              </li>
            ) : null}
          </ol>
        </nav>
      </div>

      <Form key={dashboardHref(view)} action={DASHBOARD_PATH} role="search" aria-labelledby="filter-title" className="space-y-3 rounded border border-slate-200 bg-white p-4">
        <h2 id="filter-title" className="text-base font-semibold">{x("filters")}</h2>
        <div className="grid gap-3 sm:grid-cols-3">
          <Field name="from" label={x("from")}>
            {(p) => <input {...p} name="from" type="month" defaultValue={view.from} className={inputClass} />}
          </Field>
          <Field name="to" label={x("to")}>
            {(p) => <input {...p} name="to" type="month" defaultValue={view.to} className={inputClass} />}
          </Field>
          {filter.kanwilLocked ? null : (
            <Field name="kanwil" label={x("kanwil")}>
              {(p) => (
                <select {...p} name="kanwil" defaultValue={view.kanwil ?? ""} className={inputClass}>
                  <option value="">{x("allKanwil")}</option>
                  {options.kanwil.map((k) => <option key={k.code} value={k.code}>{k.name}</option>)}
                </select>
              )}
            </Field>
          )}
          {options.kc.length ? (
            <Field name="kc" label={x("kc")}>
              {(p) => (
                <select {...p} name="kc" defaultValue={view.kc ?? ""} className={inputClass}>
                  <option value="">{x("allKc")}</option>
                  {options.kc.map((k) => <option key={k.code} value={k.code}>{k.name}</option>)}
                </select>
              )}
            </Field>
          ) : null}
          <Field name="penyalur" label={x("penyalur")}>
            {(p) => (
              <select {...p} name="penyalur" defaultValue={view.penyalur ?? ""} className={inputClass}>
                <option value="">{x("allPenyalur")}</option>
                {options.penyalur.map((k) => <option key={k.code} value={k.code}>{k.name}</option>)}
              </select>
            )}
          </Field>
          <Field name="scheme" label={x("scheme")}>
            {(p) => (
              <select {...p} name="scheme" defaultValue={view.scheme ?? ""} className={inputClass}>
                <option value="">{x("allSchemes")}</option>
                {DASHBOARD_SCHEMES.map((s) => <option key={s} value={s}>{schemeLabel(s, locale)}</option>)}
              </select>
            )}
          </Field>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">{x("apply")}</button>
          <Link href={DASHBOARD_PATH} className="text-brand-700 underline">{x("reset")}</Link>
        </div>
      </Form>

      <section aria-labelledby="ringkasan" className="space-y-2">
        <h2 id="ringkasan" className="text-lg font-semibold">{x("summary")}</h2>
        <dl className="grid grid-cols-1 gap-3 sm:grid-cols-3">
          {[
            [x("kpi.enrolments"), fmt("int", fig.totals.enrolments), "kpi-enrolments"],
            [x("kpi.approved"), fmt("int", fig.totals.approved), "kpi-approved"],
            [x("kpi.compliance"), `${fmt("percent", compliance)} (${fmt("int", fig.totals.mandatoryCovered)} / ${fmt("int", fig.totals.mandatory)})`, "kpi-compliance"],
            [x("kpi.active"), fmt("int", fig.funnel.active), "kpi-active"],
            [x("kpi.median"), formatDuration(fig.decisions.medianHours, locale), "kpi-median"],
            [x("kpi.billed"), fmt("money", fig.contributions.billed), "kpi-billed"],
            [x("kpi.paid"), fmt("money", fig.contributions.paid), "kpi-paid"],
            [x("kpi.arrears"), fmt("money", fig.contributions.arrears), "kpi-arrears", behindHref(view, "arrears"), tDesk("behind.link.arrears")],
            [x("kpi.relief"), fmt("money", fig.contributions.relief), "kpi-relief"],
          ].map(([label, value, id, href, linkText]) => (
            <div key={id} className="rounded border border-slate-200 bg-white p-3">
              <dt className="text-sm text-slate-700">{label}</dt>
              <dd className="text-xl font-semibold tabular-nums" data-testid={id}>{value}</dd>
              {href ? <dd><Link href={href} className={cellLink} data-testid={`${id}-link`}>{linkText}</Link></dd> : null}
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="corong" className="space-y-2">
        <h2 id="corong" className="text-lg font-semibold">{table("funnel").title}</h2>
        <BarFigure data={table("funnel").rows.map((r) => ({ label: String(r.label), count: r.count }))} categoryKey="label" series={[{ key: "count", label: x("count"), color: COLORS.primary }]} horizontal />
        {tableBlock(table("funnel"))}
      </section>

      <section aria-labelledby="status" className="space-y-2">
        <h2 id="status" className="text-lg font-semibold">{table("status").title}</h2>
        <BarFigure data={table("status").rows.map((r) => ({ label: String(r.label), enrolments: r.enrolments }))} categoryKey="label" series={[{ key: "enrolments", label: x("count"), color: COLORS.secondary }]} horizontal />
        {tableBlock(table("status"))}
        <p><Link href={behindHref(view, "pending")} className={cellLink} data-testid="status-pending-link">{tDesk("behind.link.pending")}</Link></p>
      </section>

      <section aria-labelledby="rincian" className="space-y-2">
        <h2 id="rincian" className="text-lg font-semibold">{drillTable.title}</h2>
        <p className="text-sm text-slate-700">{x("complianceHint")}</p>
        <BarFigure data={complianceRows(drillTable)} categoryKey="label" series={[{ key: "compliance", label: x("kpi.compliance"), color: COLORS.primary }]} horizontal percent />
        {tableBlock(drillTable, drillHref)}
      </section>

      <section aria-labelledby="penyalur" className="space-y-2">
        <h2 id="penyalur" className="text-lg font-semibold">{table("penyalur").title}</h2>
        <BarFigure data={complianceRows(table("penyalur"))} categoryKey="label" series={[{ key: "compliance", label: x("kpi.compliance"), color: COLORS.tertiary }]} horizontal percent />
        {tableBlock(table("penyalur"), (row) => (row.code ? dashboardHref(view, { penyalur: String(row.code) }) : null))}
      </section>

      <section aria-labelledby="tren" className="space-y-2">
        <h2 id="tren" className="text-lg font-semibold">{table("month").title}</h2>
        <LineFigure data={fig.byMonth.map((m) => ({ ...m, month: monthAxis(m.month) }))} categoryKey="month" partialCategory={fig.partialMonth ? monthAxis(fig.partialMonth) : null} series={[
          { key: "enrolments", label: x("series.submitted"), color: COLORS.secondary },
          { key: "approved", label: x("series.approved"), color: COLORS.primary },
          { key: "approvedPaid", label: x("series.paid"), color: COLORS.tertiary },
        ]} />
        {fig.partialMonth ? <p className="text-sm text-slate-700" data-testid="partial-month-note">{tDesk("partial.chartNote", { date: formatDateId(today) })}</p> : null}
        {tableBlock(table("month"))}
        <h3 className="pt-2 font-semibold">{table("week").title}</h3>
        <LineFigure data={fig.byWeek.map((w) => ({ ...w, week: weekAxis(w.week) }))} categoryKey="week" partialCategory={fig.partialWeek ? weekAxis(fig.partialWeek) : null} series={[
          { key: "enrolments", label: x("series.submitted"), color: COLORS.secondary },
          { key: "approved", label: x("series.approved"), color: COLORS.primary },
        ]} />
        {fig.partialWeek ? <p className="text-sm text-slate-700">{tDesk("partial.chartNote", { date: formatDateId(today) })}</p> : null}
        {tableBlock(table("week"))}
      </section>

      <section aria-labelledby="iuran" className="space-y-2">
        <h2 id="iuran" className="text-lg font-semibold">{table("contributions").title}</h2>
        <p className="text-sm text-slate-700">{x("contributionHint")}</p>
        <BarFigure data={fig.contributionsByMonth.map((c) => ({ month: formatMonthId(c.month), paid: c.paid, arrears: c.arrears, relief: c.relief }))} categoryKey="month" series={[
          { key: "paid", label: x("series.paidAmount"), color: COLORS.primary },
          { key: "arrears", label: x("series.arrears"), color: COLORS.tertiary },
          { key: "relief", label: x("series.relief"), color: COLORS.quaternary },
        ]} />
        {tableBlock(table("contributions"))}
      </section>

      <section aria-labelledby="skema" className="space-y-2">
        <h2 id="skema" className="text-lg font-semibold">{x("otherBreakdowns")}</h2>
        {tableBlock(table("scheme"), (row) => (row.code ? dashboardHref(view, { scheme: String(row.code) }) : null))}
        {tableBlock(table("sector"))}
        {tableBlock(table("province"))}
      </section>

      <section aria-labelledby="keputusan" className="space-y-2">
        <h2 id="keputusan" className="text-lg font-semibold">{table("decisions").title}</h2>
        <p className="text-sm text-slate-700">{x("medianHint", { median: formatDuration(fig.decisions.medianHours, locale), count: fig.decisions.count })}</p>
        {tableBlock(table("decisions"))}
      </section>

      <section aria-labelledby="target" className="space-y-2">
        <h2 id="target" className="text-lg font-semibold">{x("targetsYear", { title: table("targets").title, year: filter.to.slice(0, 4) })}</h2>
        {tableBlock(table("targets"))}
      </section>

      <section aria-labelledby="rincian-pendaftaran" className="space-y-2">
        <h2 id="rincian-pendaftaran" className="text-lg font-semibold">{x("detailTitle")}</h2>
        <p className="text-sm text-slate-700">{x("detailHint")}</p>
        <p className="flex gap-3 text-sm">
          <a href={exportHref(view, "detail", "csv")} className="text-brand-700 underline" download>{x("downloadCsv")}<span className="sr-only"> — {x("detailTitle")}</span></a>
          <a href={exportHref(view, "detail", "xlsx")} className="text-brand-700 underline" download>{x("downloadXlsx")}<span className="sr-only"> — {x("detailTitle")}</span></a>
        </p>
      </section>

      <section aria-labelledby="definisi" className="space-y-2 text-sm text-slate-700">
        <h2 id="definisi" className="text-lg font-semibold text-slate-900">{x("definitionsTitle")}</h2>
        <dl className="space-y-1">
          {DEFINITIONS.map((key) => (
            <div key={key}>
              <dt className="inline font-semibold">{x(`definitions.${key}.term`)}: </dt>
              <dd className="inline">{x(`definitions.${key}.meaning`)}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
