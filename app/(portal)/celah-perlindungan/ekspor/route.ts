import { can } from "@/lib/auth/permissions";
import { currentActor } from "@/lib/auth/session";
import { getLocale } from "@/lib/i18n/server";
import { translator } from "@/lib/i18n/translator";
import { coverageGaps, gapsCsv, parseGapFilter } from "@/lib/loans";
import { todayInZone } from "@/lib/rules";

/** Every coverage gap in the reader's scope and the page's filters (the dashboard's) as CSV, with the page's headings. */
export async function GET(request: Request): Promise<Response> {
  const actor = await currentActor();
  if (!actor) return new Response(null, { status: 401 });
  if (!can(actor, "enrolment:read")) return new Response(null, { status: 403 });
  const locale = await getLocale();
  const t = translator(locale, actor.timeZone);
  const body = gapsCsv(t, await coverageGaps(actor, { filter: parseGapFilter(new URL(request.url).searchParams) }), locale, actor.timeZone);
  const filename = `${t("h2h.gaps.exportFilename")}-${todayInZone(new Date(), actor.timeZone)}.csv`;
  return new Response(body, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "no-store" },
  });
}
