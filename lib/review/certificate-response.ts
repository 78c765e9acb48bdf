import "server-only";
import type { Actor } from "@/lib/auth/data";
import { can } from "@/lib/auth/permissions";
import type { Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/translator";
import { logUnexpected } from "@/lib/log";
import { certificateFor } from "@/lib/review/data";
import { certificatePdf } from "@/lib/review/certificate";

function plain(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/**
 * The answer of GET /sertifikat/<id> for a signed-in actor, in the requester's language: the
 * certificate PDF for the owning bank office and the reviewing branch; 404 outside their scope, 403
 * for other roles, 409 before approval. Kept apart from the route so the status codes can be tested
 * without a request context.
 */
export async function certificateResponse(actor: Actor | null, id: string, origin: string, now: Date, locale: Locale = "id"): Promise<Response> {
  const t = translator(locale);
  if (!actor) return plain(401, t("certificate.signIn"));
  if (!can(actor, "certificate:download")) return plain(403, t("certificate.forbidden"));
  try {
    const data = await certificateFor(actor, id, now);
    if (data === "not-found") return plain(404, t("certificate.notFound"));
    if (data === "not-approved") return plain(409, t("certificate.notApproved"));
    const pdf = await certificatePdf(data, origin, locale);
    return new Response(Buffer.from(pdf), {
      status: 200,
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${t("certificate.fileName", { kpj: data.kpj })}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    const errorId = logUnexpected(error, { route: "certificate", userId: actor.id, enrolmentId: id });
    return plain(500, t("certificate.failed", { errorId }));
  }
}
