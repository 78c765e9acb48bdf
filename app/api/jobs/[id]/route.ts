import { currentActor } from "@/lib/auth/session";
import { jobRunFor } from "@/lib/jobs";
import { isUuid } from "@/lib/search-params";

export const dynamic = "force-dynamic";

const json = (status: number, body: unknown) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/**
 * GET /api/jobs/<id>: a tracked run's progress, for the person who started it (components/jobs/
 * job-progress.tsx polls it). Anyone else's run, or an id that is not one, reads as 404: the
 * answer never tells whether another person's run exists.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const actor = await currentActor();
  if (!actor) return json(401, { error: "unauthenticated" });
  const { id } = await params;
  const run = isUuid(id) ? await jobRunFor(id, actor.id) : null;
  if (!run) return json(404, { error: "not_found" });
  return json(200, { id: run.id, status: run.status, done: run.done, total: run.total, errorId: run.errorId, finishedAt: run.finishedAt });
}
