/**
 * The debtor-notification subscriber on the domain-event outbox (lib/events; docs/decisions/0021 §3):
 * an approval tells the debtor their KPJ, programmes, what and how to pay and the verification link;
 * a lapse tells them cover stopped and how to resume. Runs after the change committed (the fan-out job
 * is queued in the change's transaction), so a rolled-back change tells nobody. Idempotent per event:
 * the messages are keyed by the event id.
 */
import type { DomainEvent, EventSubscriber } from "@/lib/events";
import type { DebtorMessageKind } from "@/lib/notify/compose";

const KIND_FOR: Partial<Record<DomainEvent["type"], DebtorMessageKind>> = {
  "enrolment.approved": "APPROVAL",
  "coverage.lapsed": "LAPSED",
  // The daily scan's first overdue month (docs/decisions/0025): the arrears reminder's words.
  "coverage.arrears": "ARREARS_REMINDER",
};

export const debtorNotificationSubscriber: EventSubscriber = {
  name: "debtor-notifications",
  async handle(event) {
    const kind = KIND_FOR[event.type];
    if (!kind || !event.enrolmentId) return;
    const { queueDebtorMessages } = await import("@/lib/notify/mutations");
    await queueDebtorMessages({ enrolmentId: event.enrolmentId, kind, dedupeKey: `event:${event.id}` }, new Date());
  },
};
