/**
 * Webhooks (docs/decisions/0019 §2): the public entry the job registry and the event subscribers use.
 */
export { deliverWebhookJob } from "@/lib/webhooks/jobs";
export { webhookSubscriber } from "@/lib/webhooks/subscriber";
