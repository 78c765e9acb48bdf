import { currentActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { dashboardFigures, detailRows, resolveDashboardFilter, targetsForView } from "@/lib/dashboard/data";
import { csvChunks, inBatches, textStream, xlsxStream, type Row } from "@/lib/dashboard/export";
import { parseDashboardQuery, parseExportRequest } from "@/lib/dashboard/schema";
import { detailColumns, detailRecord, figureLabels, figureTables } from "@/lib/dashboard/tables";
import { getLocale } from "@/lib/i18n/server";
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
  const actor = await currentActor();
  if (!actor) return plain(401, "Silakan masuk terlebih dahulu.");
  if (!can(actor, "dashboard:read")) return plain(403, "Anda tidak berwenang membuka dasbor.");
  const params = new URL(request.url).searchParams;
  const wanted = parseExportRequest(params);
  if (!wanted) return plain(400, "Parameter table atau format tidak dikenal.");
  const today = todayInZone(new Date(), actor.timeZone);
  const query = parseDashboardQuery(params, today.slice(0, 7));
  const filter = await resolveDashboardFilter(actor, query);
  if (!filter) return plain(404, "Tidak ditemukan.");
  const locale = await getLocale();

  let columns;
  let batches: AsyncIterable<Row[]>;
  let title: string;
  try {
    if (wanted.table === "detail") {
      columns = detailColumns(locale);
      title = locale === "id" ? "Rincian" : "Detail";
      batches = (async function* () {
        for await (const rows of detailRows(filter)) yield rows.map((r) => detailRecord(r, locale));
      })();
    } else {
      const [fig, targets] = await Promise.all([
        dashboardFigures(filter, today, figureLabels(locale)),
        targetsForView(filter),
      ]);
      const table = figureTables(fig, targets, { locale, scopeCaption: "" }).get(wanted.table);
      if (!table) return plain(404, "Tabel ini tidak ada untuk pilihan tersebut.");
      columns = table.columns;
      title = table.title;
      batches = inBatches(table.rows);
    }
  } catch (error) {
    const id = logUnexpected(error, { route: "dasbor/ekspor", userId: actor.id });
    return plain(500, `Terjadi kesalahan tak terduga. Kode: ${id}`);
  }

  const place = (filter.kc?.code ?? filter.kanwil?.code ?? "NASIONAL").toLowerCase();
  const filename = `dasbor-${wanted.table}-${place}-${filter.from}_${filter.to}.${wanted.format}`;
  const onError = (error: unknown) => logUnexpected(error, { route: "dasbor/ekspor", userId: actor.id, table: wanted.table });
  const body =
    wanted.format === "csv"
      ? textStream(csvChunks(columns, batches))
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
