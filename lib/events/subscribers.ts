/**
 * Who acts on domain events, in order. Each feature adds its subscriber here (imported through its
 * public entry); each must be idempotent per event id (lib/events/types.ts, EventSubscriber).
 */
import type { EventSubscriber } from "./types";

export const EVENT_SUBSCRIBERS: readonly EventSubscriber[] = [];
