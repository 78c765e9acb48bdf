import "server-only";
import type { DomainEvent, EventSubscriber } from "@/lib/events";
import { queueDelivery } from "@/lib/webhooks/mutations";

/**
 * The outbox subscriber that sends each penyalur its own events (docs/decisions/0019 §2): one delivery
 * per event and webhook, queued with its job. Idempotent per event id (the delivery log's unique key),
 * as lib/events asks of every subscriber.
 */
export const webhookSubscriber: EventSubscriber = {
  name: "webhooks",
  async handle(event: DomainEvent) {
    await queueDelivery({
      id: event.id,
      seq: event.seq,
      type: event.type,
      occurredAt: event.occurredAt.toISOString(),
      enrolmentId: event.enrolmentId,
      payload: event.payload,
      penyalurId: event.penyalurId,
    });
  },
};
