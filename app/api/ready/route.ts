import { readiness } from "@/lib/ops/data";

/**
 * Readiness for a load balancer: 200 when the database answers and every migration is applied,
 * 503 otherwise (with the reason, never a stack trace or a connection string).
 */
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const state = await readiness();
  const headers = { "Cache-Control": "no-store" };
  if (state.ready) return Response.json({ status: "ready", migrations: state.migrations }, { headers });
  return Response.json({ status: "unavailable", ...state }, { status: 503, headers });
}
