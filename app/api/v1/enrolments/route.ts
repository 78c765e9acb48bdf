import { postEnrolment } from "@/lib/api/enrolments/endpoint";

// Every answer depends on the API key, the database and today's date.
export const dynamic = "force-dynamic";

/** POST /api/v1/enrolments — docs/api.md "Pendaftaran host-to-host", OpenAPI at /api/v1/openapi.json. */
export async function POST(request: Request): Promise<Response> {
  return postEnrolment(request, new Date());
}

export { DELETE, GET, OPTIONS, PATCH, PUT } from "@/lib/api/post-only";
