/** Liveness for a load balancer: the process answers. It asks nothing of the database (see /api/ready). */
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
