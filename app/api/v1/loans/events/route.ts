import { postLoanEvent } from "@/lib/api/loans-endpoint";

export const dynamic = "force-dynamic";

/** POST /api/v1/loans/events — disbursement, early repayment, write-off, restructuring (docs/api.md). */
export async function POST(request: Request): Promise<Response> {
  return postLoanEvent(request, new Date());
}

export { DELETE, GET, OPTIONS, PATCH, PUT } from "@/lib/api/post-only";
