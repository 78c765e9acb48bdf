import { openApiDocument } from "@/lib/api/openapi";

// The document depends only on code: rendered once at build time, no database needed.
export const dynamic = "force-static";

/** GET /api/v1/openapi.json — the OpenAPI 3.1 description of /api/v1 (lib/api/openapi.ts). */
export function GET(): Response {
  return Response.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
