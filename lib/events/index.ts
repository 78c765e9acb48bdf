/**
 * Domain events in a transactional outbox (docs/decisions/0024-jobs-and-events.md): `recordEvent`
 * inside the change's transaction; subscribers in lib/events/subscribers.ts; the change feed reads
 * `eventsSince`.
 */
export { EVENT_TYPES, type DomainEvent, type EventPayload, type EventSubscriber, type EventType, type NewEvent } from "./types";
export { recordEvent, recordEvents } from "./mutations";
export { eventById, eventsSince } from "./data";
export { dispatchEventJob } from "./jobs";
