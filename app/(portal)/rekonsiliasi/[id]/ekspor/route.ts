import { can } from "@/lib/auth/permissions";
import { currentActor } from "@/lib/auth/session";
import { getLocale } from "@/lib/i18n/server";
import { translator } from "@/lib/i18n/translator";
import { parseDimension } from "@/lib/reconcile/columns";
import { reconciliationExport } from "@/lib/reconcile/data";
import { parseExportTable, reportCsv, unmatchedEnrolmentsCsv, unmatchedLoansCsv } from "@/lib/reconcile/export";
import { todayInZone } from "@/lib/rules";

/**
 * One reconciliation's CSV (`tabel`: the report by `menurut`, or one of the unmatched lists, whole),
 * in the reader's scope: a Kanwil manager gets their Kanwil's rows only; another list or role is a 404.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const actor = await currentActor();
  if (!actor) return new Response(null, { status: 401 });
  if (!can(actor, "reconciliation:run")) return new Response(null, { status: 403 });
  const url = new URL(request.url);
  const table = parseExportTable(url.searchParams.get("tabel"));
  if (!table) return new Response(null, { status: 404 });
  const by = parseDimension(url.searchParams.get("menurut"));
  const data = await reconciliationExport(actor, (await params).id, by);
  if (!data) return new Response(null, { status: 404 });
  const locale = await getLocale();
  const t = translator(locale, actor.timeZone);
  const body =
    table === "laporan" ? reportCsv(t, by, data.rows, data.total, locale)
    : table === "pendaftaran-tanpa-pinjaman" ? unmatchedEnrolmentsCsv(t, data.unmatchedEnrolments, locale)
    : unmatchedLoansCsv(t, data.unmatchedLoans, locale);
  const filename = `${t("reconcile.report.exportFilename")}-${table}${table === "laporan" ? `-${by}` : ""}-${todayInZone(new Date(), actor.timeZone)}.csv`;
  return new Response(body, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "no-store" },
  });
}
