import { currentActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getLocale } from "@/lib/i18n/server";
import { translator } from "@/lib/i18n/translator";
import { logUnexpected } from "@/lib/log";
import { arrearsCsv } from "@/lib/notify/arrears-export";

export const dynamic = "force-dynamic";

const plain = (status: number, text: string) => new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/** GET /tunggakan/ekspor: the branch's arrears list as CSV, scoped exactly like the page. */
export async function GET(): Promise<Response> {
  const [actor, locale] = await Promise.all([currentActor(), getLocale()]);
  const t = translator(locale, actor?.timeZone);
  if (!actor) return plain(401, t("exports.errors.signIn"));
  if (!can(actor, "arrears:read")) return plain(403, t("exports.errors.forbidden"));
  try {
    const csv = await arrearsCsv(actor, locale, new Date());
    if (csv === null) return plain(404, t("exports.errors.notFound"));
    return new Response(csv, {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="tunggakan.csv"', "Cache-Control": "no-store" },
    });
  } catch (error) {
    const errorId = logUnexpected(error, { route: "tunggakan/ekspor", userId: actor.id });
    return plain(500, t("exports.errors.unexpected", { errorId }));
  }
}
