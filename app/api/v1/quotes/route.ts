import { postQuote } from "@/lib/api/quote-endpoint";

// Every answer depends on the API key and on today's date; nothing here is rendered at build time.
export const dynamic = "force-dynamic";

/** POST /api/v1/quotes — docs/api.md, OpenAPI at /api/v1/openapi.json. */
export async function POST(request: Request): Promise<Response> {
  return postQuote(request, new Date());
}

// Explicit 405s (with a JSON body and `Allow: POST`) rather than Next's bare default; OPTIONS lists only POST.
export { DELETE, GET, OPTIONS, PATCH, PUT } from "@/lib/api/post-only";
