import { STRIPE_API_VERSION } from './api-version.js';
import { newId } from './ids.js';
import type { FakeStripeStore } from './store.js';
import type { FakeEvent, FakeEventType, FakeObject } from './types.js';

/** `event.request`: the API request that caused the event, or nulls for automatic ones. */
export interface EventRequest {
  id: string | null;
  idempotency_key: string | null;
}

export const AUTOMATIC: EventRequest = { id: null, idempotency_key: null };

/** Collects the events one state change produces, so helpers can return them. */
export class EventBatch {
  readonly events: FakeEvent[] = [];

  constructor(
    private readonly store: FakeStripeStore,
    private readonly request: EventRequest = AUTOMATIC,
  ) {}

  /** Appends an event whose `data.object` is a snapshot of `object` as it is now. */
  emit(type: FakeEventType, object: FakeObject, previousAttributes?: Record<string, unknown>): FakeEvent {
    const event: FakeEvent = {
      id: newId('evt'),
      object: 'event',
      api_version: STRIPE_API_VERSION,
      created: this.store.clock.nextEventCreated(),
      data: { object: structuredClone(object) },
      livemode: false,
      pending_webhooks: this.store.webhookEndpointCount,
      request: { ...this.request },
      type,
    };
    if (previousAttributes && Object.keys(previousAttributes).length > 0) {
      event.data.previous_attributes = previousAttributes;
    }
    this.store.publish(event);
    this.events.push(event);
    return event;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * `data.previous_attributes` for an `*.updated` event: the old values of the fields that changed.
 * Nested hashes (metadata, cancellation_details, …) list only their changed keys, with `null`
 * for keys that did not exist before — as Stripe does. Arrays are given whole.
 */
export function previousAttributes(before: object, after: object): Record<string, unknown> {
  const old: Record<string, unknown> = { ...before };
  const now: Record<string, unknown> = { ...after };
  const changed: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(old), ...Object.keys(now)])) {
    const previous = old[key];
    const current = now[key];
    if (sameJson(previous, current)) continue;
    if (isRecord(previous) && isRecord(current)) {
      changed[key] = previousAttributes(previous, current);
    } else {
      changed[key] = previous === undefined ? null : structuredClone(previous);
    }
  }
  return changed;
}
