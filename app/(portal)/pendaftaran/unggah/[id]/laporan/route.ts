import { currentActor } from "@/lib/auth/session";
import { errorReportSource } from "@/lib/bulk/data";
import { errorReport } from "@/lib/bulk/files";
import { getLocale } from "@/lib/i18n/server";
import { translator } from "@/lib/i18n/translator";
import { logUnexpected } from "@/lib/log";
import { RETENTION_DAYS } from "@/lib/ops/retention";

export const dynamic = "force-dynamic";

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/**
 * GET /pendaftaran/unggah/<id>/laporan: the upload's error report (the rows with errors, in the
 * template's columns plus the error column), in the uploaded file's format. The office's officers
 * only; any other upload is a 404.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const [actor, locale] = await Promise.all([currentActor(), getLocale()]);
  const t = translator(locale, actor?.timeZone);
  if (!actor) return plain(401, t("exports.errors.signIn"));
  const source = await errorReportSource(actor, (await params).id);
  if (!source) return plain(404, t("exports.errors.notFound"));
  if (source.contentPurgedAt) return plain(410, t("bulk.detail.purged", { days: RETENTION_DAYS.bulkUpload }));
  try {
    const report = await errorReport(source);
    return new Response(new Uint8Array(report.body), {
      headers: {
        "Content-Type": report.contentType,
        "Content-Disposition": `attachment; filename="${report.fileName.replace(/[^\w.-]+/g, "_")}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    const errorId = logUnexpected(error, { route: "pendaftaran/unggah/laporan", userId: actor.id });
    return plain(500, t("exports.errors.unexpected", { errorId }));
  }
}
