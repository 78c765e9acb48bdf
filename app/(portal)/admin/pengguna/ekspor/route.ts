import { exportPeople } from "@/lib/admin/people/data";
import { parsePeopleQuery } from "@/lib/admin/people/schema";
import { peopleCsv } from "@/lib/admin/people/table";
import { can } from "@/lib/auth/permissions";
import { currentActor } from "@/lib/auth/session";
import { getLocale } from "@/lib/i18n/server";
import { translator } from "@/lib/i18n/translator";
import { todayInZone } from "@/lib/rules";

/** The access list as CSV, with the page's filters and the page's headings (administrators only). */
export async function GET(request: Request): Promise<Response> {
  const actor = await currentActor();
  if (!actor) return new Response(null, { status: 401 });
  if (!can(actor, "user:manage")) return new Response(null, { status: 403 });
  const query = parsePeopleQuery(new URL(request.url).searchParams);
  const locale = await getLocale();
  const t = translator(locale, actor.timeZone);
  const body = peopleCsv(t, await exportPeople(actor, query), actor.timeZone, locale);
  const filename = `${t("people.exportFilename")}-${todayInZone(new Date(), actor.timeZone)}.csv`;
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
