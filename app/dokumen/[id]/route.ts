import { currentActor } from "@/lib/auth/session";
import { getLocale } from "@/lib/i18n/server";
import { documentResponse } from "@/lib/documents/response";

export const dynamic = "force-dynamic";

/** GET /dokumen/<document id>: an attached scan or photo, inline (lib/documents/response.ts says who may have it). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const [actor, { id }, locale] = await Promise.all([currentActor(), params, getLocale()]);
  return documentResponse(actor, id, locale);
}
