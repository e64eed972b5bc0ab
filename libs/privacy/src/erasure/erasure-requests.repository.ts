import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

@Injectable()
export class ErasureRequestsRepository {
  async insert(manager: EntityManager, userId: string, tokenHash: string, expiresAt: Date): Promise<void> {
    await manager.query(`INSERT INTO erasure_requests (user_id, token_hash, expires_at) VALUES ($1, $2, $3)`, [userId, tokenHash, expiresAt]);
  }

  /** Spends a live token: its person, or undefined (unknown, used or expired). */
  async use(manager: EntityManager, tokenHash: string): Promise<string | undefined> {
    const [rows]: [Array<{ user_id: string }>, number] = await manager.query(
      `UPDATE erasure_requests SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING user_id`,
      [tokenHash],
    );
    return rows[0]?.user_id;
  }

  /** The erased person's own privacy records: pending requests and exports go with them. */
  async forget(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM erasure_requests WHERE user_id = $1`, [userId]);
    await manager.query(`DELETE FROM data_exports WHERE user_id = $1`, [userId]);
  }
}
