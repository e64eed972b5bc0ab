import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The facts other systems may subscribe to (outgoing webhooks). */
export const DOMAIN_EVENT_TYPES = [
  'member.joined',
  'membership.activated',
  'membership.lapsed',
  'membership.cancelled',
  'payment.succeeded',
  'payment.refunded',
  'event.registration.confirmed',
  'event.registration.cancelled',
  'event.attendance.recorded',
  'mentoring.pair.published',
  'certificate.issued',
] as const;
export type DomainEventType = (typeof DOMAIN_EVENT_TYPES)[number];

export interface DomainEvent {
  /** Stable across retries and resends: receivers use it to ignore duplicates. */
  id: string;
  type: DomainEventType;
  createdAt: Date;
  /** Ids and facts, never secrets; receivers fetch more through the API. */
  data: Record<string, unknown>;
}

export type DomainEventListener = (manager: EntityManager, event: DomainEvent) => Promise<void>;

/**
 * The one port features tell their facts through, inside their own transaction: a listener (the
 * webhooks) writes what it needs with the same `manager`, so the fact and its deliveries commit together.
 * Listeners register during `onModuleInit`; with none, recording costs nothing.
 */
@Injectable()
export class DomainEvents {
  private readonly listeners: DomainEventListener[] = [];

  listen(listener: DomainEventListener): void {
    this.listeners.push(listener);
  }

  async record(manager: EntityManager, type: DomainEventType, data: Record<string, unknown>): Promise<void> {
    if (!this.listeners.length) return;
    const event: DomainEvent = { id: randomUUID(), type, createdAt: new Date(), data };
    for (const listener of this.listeners) await listener(manager, event);
  }
}
