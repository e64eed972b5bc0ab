import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { StripeSyncCursorEntity } from './sync-cursor.entity.js';

@Injectable()
export class SyncCursorsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  find(name: string): Promise<StripeSyncCursorEntity | null> {
    return this.dataSource.getRepository(StripeSyncCursorEntity).findOneBy({ name });
  }

  /** Moves the cursor forward only: a slower, older run cannot take it back. */
  async advance(name: string, eventId: string, createdAt: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO stripe_sync_cursors (name, last_event_id, last_event_created_at, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (name) DO UPDATE SET last_event_id = EXCLUDED.last_event_id, last_event_created_at = EXCLUDED.last_event_created_at, updated_at = now()
       WHERE stripe_sync_cursors.last_event_created_at IS NULL OR stripe_sync_cursors.last_event_created_at <= EXCLUDED.last_event_created_at`,
      [name, eventId, createdAt],
    );
  }
}
