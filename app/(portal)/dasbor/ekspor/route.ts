import { currentActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { dashboardFigures, detailRows, resolveDashboardFilter, targetsForView } from "@/lib/dashboard/data";
import { csvChunks, inBatches, textStream, xlsxStream, type Row } from "@/lib/dashboard/export";
import { parseDashboardQuery, parseExportRequest } from "@/lib/dashboard/schema";
import { detailColumns, detailRecord, figureLabels, figureTables } from "@/lib/dashboard/tables";
import { getLocale } from "@/lib/i18n/server";
import { translator } from "@/lib/i18n/translator";
import { logUnexpected } from "@/lib/log";
import { todayInZone } from "@/lib/rules";

export const dynamic = "force-dynamic";

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/**
 * GET /dasbor/ekspor?table=<name>&format=csv|xlsx&<the dashboard's filters>: one of the
 * dashboard's tables, or `detail` (one row per enrolment, streamed through a database cursor).
 * Authenticated and scoped exactly like the page: another Kanwil's figures are a 404.
 */
export async function GET(request: Request): Promise<Response> {
  const [actor, locale] = await Promise.all([currentActor(), getLocale()]);
  const t = translator(locale, actor?.timeZone);
  if (!actor) return plain(401, t("exports.errors.signIn"));
  if (!can(actor, "dashboard:read")) return plain(403, t("exports.errors.forbidden"));
  const params = new URL(request.url).searchParams;
  const wanted = parseExportRequest(params);
  if (!wanted) return plain(400, t("exports.errors.badRequest"));
  const today = todayInZone(new Date(), actor.timeZone);
  const query = parseDashboardQuery(params, today.slice(0, 7));
  const filter = await resolveDashboardFilter(actor, query);
  if (!filter) return plain(404, t("exports.errors.notFound"));

  let columns;
  let batches: AsyncIterable<Row[]>;
  let title: string;
  try {
    if (wanted.table === "detail") {
      columns = detailColumns(locale);
      title = t("exports.detailSheet");
      batches = (async function* () {
        for await (const rows of detailRows(filter)) yield rows.map((r) => detailRecord(r, locale));
      })();
    } else {
      const [fig, targets] = await Promise.all([
        dashboardFigures(filter, today, figureLabels(locale)),
        targetsForView(filter),
      ]);
      const table = figureTables(fig, targets, { locale, scopeCaption: "" }).get(wanted.table);
      if (!table) return plain(404, t("exports.errors.noSuchTable"));
      columns = table.columns;
      title = table.title;
      batches = inBatches(table.rows);
    }
  } catch (error) {
    const errorId = logUnexpected(error, { route: "dasbor/ekspor", userId: actor.id });
    return plain(500, t("exports.errors.unexpected", { errorId }));
  }

  const place = (filter.kc?.code ?? filter.kanwil?.code ?? "NASIONAL").toLowerCase();
  const filename = `dasbor-${wanted.table}-${place}-${filter.from}_${filter.to}.${wanted.format}`;
  const onError = (error: unknown) => logUnexpected(error, { route: "dasbor/ekspor", userId: actor.id, table: wanted.table });
  const body =
    wanted.format === "csv"
      ? textStream(csvChunks(columns, batches, locale))
      : xlsxStream(columns, batches, title.replace(/[\\/?*[\]:]/g, " ").slice(0, 28), onError);
  return new Response(body, {
    headers: {
      "Content-Type":
        wanted.format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
