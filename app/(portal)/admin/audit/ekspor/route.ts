import { auditBatches } from "@/lib/admin/audit/data";
import { parseAuditQuery } from "@/lib/admin/audit/schema";
import { can } from "@/lib/auth/permissions";
import { currentActor } from "@/lib/auth/session";
import { csvChunks, textStream, type Row } from "@/lib/dashboard/export";
import type { Column } from "@/lib/dashboard/tables";
import { formatInstant } from "@/lib/format";
import { getLocale } from "@/lib/i18n/server";
import { translator } from "@/lib/i18n/translator";

export const dynamic = "force-dynamic";

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/**
 * GET /admin/audit/ekspor?<the viewer's filters>: the matching events as CSV, streamed batch by
 * batch (lib/admin/audit/data.ts auditBatches, keyset pages of 2,000) so a long trail is never one
 * query or one buffer; scoped and masked exactly like the page.
 */
export async function GET(request: Request): Promise<Response> {
  const [actor, locale] = await Promise.all([currentActor(), getLocale()]);
  const t = translator(locale, actor?.timeZone);
  if (!actor) return plain(401, t("exports.errors.signIn"));
  if (!can(actor, "audit:read")) return plain(403, t("exports.errors.forbidden"));
  const query = parseAuditQuery(new URL(request.url).searchParams);
  const keys = ["at", "actor", "email", "role", "action", "entityType", "entityId", "before", "after"] as const;
  const columns: Column[] = keys.map((key) => ({ key, label: t(`adminData.audit.csv.${key}`), kind: "text" }));
  const batches = (async function* () {
    for await (const rows of auditBatches(actor, query)) {
      yield rows.map((r): Row => ({
        at: formatInstant(r.at, actor.timeZone),
        actor: r.actorName ?? t("adminData.audit.system"),
        email: r.actorEmail,
        role: r.actorRole ? t(`enums.role.${r.actorRole}` as never) : null,
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        before: r.before,
        after: r.after,
      }));
    }
  })();
  return new Response(textStream(csvChunks(columns, batches, locale)), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="jejak-audit-${query.from ?? "awal"}_${query.to ?? "kini"}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
