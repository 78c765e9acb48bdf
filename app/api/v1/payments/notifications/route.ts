import { postPaymentNotification } from "@/lib/api/payment-notification-endpoint";

// Every answer depends on the channel's key, its signature and the clock.
export const dynamic = "force-dynamic";

/** POST /api/v1/payments/notifications — docs/api.md, OpenAPI at /api/v1/openapi.json. */
export async function POST(request: Request): Promise<Response> {
  return postPaymentNotification(request, new Date());
}

export { DELETE, GET, OPTIONS, PATCH, PUT } from "@/lib/api/post-only";
