import "server-only";
import type { Actor } from "@/lib/auth/data";
import { can } from "@/lib/auth/permissions";
import type { Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/translator";
import { logUnexpected } from "@/lib/log";
import { documentForViewing } from "@/lib/documents/data";
import { recordDocumentView } from "@/lib/documents/mutations";

function plain(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/**
 * The answer of GET /dokumen/<id>: the stored bytes, inline, for whoever may read the document at its
 * place (lib/documents/data.ts); 401 signed out, 403 for a role that never reads documents, 404 for
 * anything else — absent or another tenant's, not told apart. Every view is audited. The bytes are
 * the server's own re-encoding, served with their stored type, nosniff and a sandboxing CSP, never
 * cached by a shared cache.
 */
export async function documentResponse(actor: Actor | null, id: string, locale: Locale = "id"): Promise<Response> {
  const t = translator(locale);
  if (!actor) return plain(401, t("certificate.signIn"));
  if (!can(actor, "document:read")) return plain(403, t("certificate.forbidden"));
  try {
    const doc = await documentForViewing(actor, id);
    if (!doc) return plain(404, t("actionErrors.NOT_FOUND"));
    await recordDocumentView(actor, doc);
    const extension = doc.mimeType === "application/pdf" ? "pdf" : "jpg";
    return new Response(new Uint8Array(doc.content), {
      status: 200,
      headers: {
        "Content-Type": doc.mimeType,
        "Content-Length": String(doc.content.byteLength),
        "Content-Disposition": `inline; filename="${doc.kind.toLowerCase()}-${doc.id.slice(0, 8)}.${extension}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
        "Cross-Origin-Resource-Policy": "same-origin",
      },
    });
  } catch (error) {
    const errorId = logUnexpected(error, { route: "document", userId: actor.id, documentId: id });
    return plain(500, t("actionErrors.UNEXPECTED", { errorId }));
  }
}
