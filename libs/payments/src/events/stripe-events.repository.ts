import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { StripeEventOutcome, StripeEventSource } from './stripe-event.entity.js';

export interface EventClaim {
  id: string;
  type: string;
  objectId: string | null;
  created: Date;
  source: StripeEventSource;
  outcome: StripeEventOutcome;
}

@Injectable()
export class StripeEventsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async isRecorded(eventId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM stripe_events WHERE stripe_event_id = $1`, [eventId]);
    return rows.length > 0;
  }

  async recordedAmong(eventIds: string[]): Promise<Set<string>> {
    if (!eventIds.length) return new Set();
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT stripe_event_id AS id FROM stripe_events WHERE stripe_event_id = ANY($1)`,
      [eventIds],
    );
    return new Set(rows.map((r) => r.id));
  }

  /**
   * Claims the event inside the caller's transaction. A concurrent delivery of the same event waits
   * here on the primary key until the first commits (then gets false) or rolls back (then proceeds).
   */
  async claim(manager: EntityManager, event: EventClaim): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO stripe_events (stripe_event_id, type, object_id, event_created_at, source, outcome)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (stripe_event_id) DO NOTHING
       RETURNING 1`,
      [event.id, event.type, event.objectId, event.created, event.source, event.outcome],
    );
    return rows.length > 0;
  }
}
