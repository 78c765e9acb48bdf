/**
 * What other parts use of debtor notifications (docs/decisions/0021 §3): the event subscriber and the
 * delivery job, for lib/events/subscribers.ts and lib/jobs/registry.ts.
 */
export { debtorNotificationSubscriber } from "@/lib/notify/subscriber";
export { dailyScanJob, deliverDebtorMessageJob } from "@/lib/notify/jobs";
