import { ALLOWED_METHODS, methodNotAllowed } from "@/lib/api/quote-endpoint";

/**
 * The methods a POST-only API route answers besides POST (re-exported by each route file): explicit
 * 405s with a JSON body and `Allow: POST` rather than Next's bare default, and an OPTIONS that lists
 * only POST (Next would list every exported method).
 */
export const GET = methodNotAllowed;
export const PUT = methodNotAllowed;
export const PATCH = methodNotAllowed;
export const DELETE = methodNotAllowed;

export function OPTIONS(): Response {
  return new Response(null, { status: 204, headers: { Allow: `OPTIONS, ${ALLOWED_METHODS}` } });
}
