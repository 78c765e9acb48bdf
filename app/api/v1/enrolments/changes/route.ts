import { getChanges } from "@/lib/api/enrolments/endpoint";

export const dynamic = "force-dynamic";

/** GET /api/v1/enrolments/changes?after=<cursor> — the penyalur's events since a cursor (docs/api.md). */
export async function GET(request: Request): Promise<Response> {
  return getChanges(request, new Date());
}
