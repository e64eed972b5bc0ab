import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventRosterRepository } from './event-roster.repository.js';

export interface EventPlace {
  id: string;
  title: string;
  status: string;
}

/**
 * The events feature's port for "who is registered for which event" (a CONFIRMED seat; waitlisted,
 * held and cancelled registrations do not count). Discussions asks it; it never reads the events
 * tables. Batched: one statement for any number of questions.
 */
@Injectable()
export class EventRoster {
  constructor(private readonly repository: EventRosterRepository) {}

  async events(ids: readonly string[], manager?: EntityManager): Promise<Array<EventPlace | undefined>> {
    return ids.length ? this.repository.events(ids, manager) : [];
  }

  /** `eventIds[i]` and `userIds[i]` form the i-th question. */
  async registered(eventIds: readonly string[], userIds: readonly string[], manager?: EntityManager): Promise<boolean[]> {
    return eventIds.length ? this.repository.confirmed(eventIds, userIds, manager) : [];
  }
}
