import { currentActor } from "@/lib/auth/session";
import { serverEnv } from "@/lib/env";
import { getLocale } from "@/lib/i18n/server";
import { certificateResponse } from "@/lib/review/certificate-response";

export const dynamic = "force-dynamic";

/**
 * GET /sertifikat/<enrolment id>: the certificate of participation as a PDF (lib/review/
 * certificate-response.ts says who may have it), in the `lang` cookie's language. The QR code points
 * at PUBLIC_BASE_URL when set.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const [actor, { id }, locale] = await Promise.all([currentActor(), params, getLocale()]);
  return certificateResponse(actor, id, serverEnv().PUBLIC_BASE_URL ?? new URL(request.url).origin, new Date(), locale);
}
