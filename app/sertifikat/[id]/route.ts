import { currentActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { serverEnv } from "@/lib/env";
import { logUnexpected } from "@/lib/log";
import { certificateFor } from "@/lib/review/data";
import { certificatePdf } from "@/lib/review/certificate";

export const dynamic = "force-dynamic";

function plain(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/**
 * GET /sertifikat/<enrolment id>: the certificate of participation as a PDF, for the owning bank
 * office and the reviewing branch only (404 outside their scope, 403 for other roles, 409 before
 * approval).
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const actor = await currentActor();
  if (!actor) return plain(401, "Silakan masuk terlebih dahulu.");
  if (!can(actor.role, "certificate:download")) return plain(403, "Peran Anda tidak berwenang mengunduh sertifikat.");
  const { id } = await params;
  try {
    const data = await certificateFor(actor, id, new Date());
    if (data === "not-found") return plain(404, "Pendaftaran tidak ditemukan atau berada di luar cakupan kantor Anda.");
    if (data === "not-approved") return plain(409, "Sertifikat baru tersedia setelah pendaftaran disetujui BPJS Ketenagakerjaan.");
    const pdf = await certificatePdf(data, serverEnv().PUBLIC_BASE_URL ?? new URL(request.url).origin);
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
