import "server-only";
import type { Actor } from "@/lib/auth/data";
import { can } from "@/lib/auth/permissions";
import { logUnexpected } from "@/lib/log";
import { certificateFor } from "@/lib/review/data";
import { certificatePdf } from "@/lib/review/certificate";

function plain(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/**
 * The answer of GET /sertifikat/<id> for a signed-in actor: the certificate PDF for the owning bank
 * office and the reviewing branch; 404 outside their scope, 403 for other roles, 409 before approval.
 * Kept apart from the route so the status codes can be tested without a request context.
 */
export async function certificateResponse(actor: Actor | null, id: string, origin: string, now: Date): Promise<Response> {
  if (!actor) return plain(401, "Silakan masuk terlebih dahulu.");
  if (!can(actor, "certificate:download")) return plain(403, "Peran Anda tidak berwenang mengunduh sertifikat.");
  try {
    const data = await certificateFor(actor, id, now);
    if (data === "not-found") return plain(404, "Pendaftaran tidak ditemukan atau berada di luar cakupan kantor Anda.");
    if (data === "not-approved") return plain(409, "Sertifikat baru tersedia setelah pendaftaran disetujui BPJS Ketenagakerjaan.");
    const pdf = await certificatePdf(data, origin);
    return new Response(Buffer.from(pdf), {
      status: 200,
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="sertifikat-kpj-${data.kpj}.pdf"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    const errorId = logUnexpected(error, { route: "certificate", userId: actor.id, enrolmentId: id });
    return plain(500, `Sertifikat gagal dibuat. Hubungi dukungan dengan kode ${errorId}.`);
  }
}
