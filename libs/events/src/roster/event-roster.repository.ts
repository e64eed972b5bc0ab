import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RegistrationStatus } from '../events.enums.js';

/** The queries behind EventRoster. */
@Injectable()
export class EventRosterRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async events(ids: readonly string[], manager?: EntityManager): Promise<Array<{ id: string; title: string; status: string } | undefined>> {
    const rows: Array<{ id: string; title: string; status: string }> = await (manager ?? this.dataSource.manager).query(
      `SELECT id, title, status FROM events WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id));
  }

  /** For each (event, person) pair: true when the person holds a CONFIRMED registration. */
  async confirmed(eventIds: readonly string[], userIds: readonly string[], manager?: EntityManager): Promise<boolean[]> {
    const rows: Array<{ i: number }> = await (manager ?? this.dataSource.manager).query(
      `SELECT q.i::int AS i FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS q(event_id, user_id, i)
        WHERE EXISTS (SELECT 1 FROM event_registrations r WHERE r.event_id = q.event_id AND r.user_id = q.user_id AND r.status = $3)`,
      [eventIds, userIds, RegistrationStatus.CONFIRMED],
    );
    const found = new Set(rows.map((r) => r.i - 1));
    return eventIds.map((_, i) => found.has(i));
  }
}
