/**
 * Domain events (docs/decisions/0024-jobs-and-events.md): what happened to an enrolment, written
 * in the transaction of the change, read by subscribers and by the host-to-host change feed.
 * A payload names the enrolment by id and KPJ, never by NIK.
 */
export const EVENT_TYPES = [
  "enrolment.submitted",
  "enrolment.approved",
  "enrolment.returned",
  "enrolment.rejected",
  "payment.settled",
  "payment.reversed",
  "coverage.arrears",
  "coverage.lapsed",
  "loan.disbursed",
  "loan.repaid",
  "loan.written-off",
  "loan.restructured",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export type EventPayload = { [key: string]: string | number | boolean | null | string[] | EventPayload };

export interface NewEvent {
  type: EventType;
  penyalurId: string;
  enrolmentId?: string;
  payload: EventPayload;
}

export interface DomainEvent {
  id: string;
  /** Order of writing; the change feed's cursor (a decimal string: it is a bigint). */
  seq: string;
  type: EventType;
  penyalurId: string;
  enrolmentId: string | null;
  payload: EventPayload;
  occurredAt: Date;
}

/**
 * Something that acts on events: the webhook deliverer, the debtor's notices. `handle` runs in a
 * job that is retried when any subscriber throws, so it must be idempotent per event id (record
 * what it did under the event's id and skip it the second time).
 */
export interface EventSubscriber {
  name: string;
  handle(event: DomainEvent): Promise<void>;
}
