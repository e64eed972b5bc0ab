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

  /**
   * Takes the run lease when nobody holds it or the holder's lease ran out (one statement: the row
   * lock of the upsert decides between two callers). True when `holder` now has it.
   */
  async tryLease(name: string, holder: string, ttlMs: number): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO stripe_sync_cursors (name, run_holder, run_until, updated_at) VALUES ($1, $2, now() + $3 * interval '1 millisecond', now())
       ON CONFLICT (name) DO UPDATE SET run_holder = EXCLUDED.run_holder, run_until = EXCLUDED.run_until, updated_at = now()
       WHERE stripe_sync_cursors.run_holder IS NULL OR stripe_sync_cursors.run_until < now()
       RETURNING 1`,
      [name, holder, ttlMs],
    );
    return rows.length > 0;
  }

  /** Extends a lease still held by `holder` (long runs call it as they go). */
  async renewLease(name: string, holder: string, ttlMs: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE stripe_sync_cursors SET run_until = now() + $3 * interval '1 millisecond' WHERE name = $1 AND run_holder = $2`,
      [name, holder, ttlMs],
    );
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    await this.dataSource.query(`UPDATE stripe_sync_cursors SET run_holder = NULL, run_until = NULL WHERE name = $1 AND run_holder = $2`, [name, holder]);
  }
}
