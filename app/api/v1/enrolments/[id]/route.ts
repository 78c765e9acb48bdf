import { getEnrolment } from "@/lib/api/enrolments/endpoint";

export const dynamic = "force-dynamic";

/** GET /api/v1/enrolments/{id} — status, decision, KPJ, contributions, cover and clearance (docs/api.md). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return getEnrolment(request, (await params).id, new Date());
}
