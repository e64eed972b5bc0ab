import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface Recipient {
  id: string;
  email: string;
  fullName: string;
}

/** Who to write to: the few account fields a mentoring email needs, read inside the caller's transaction. */
@Injectable()
export class RecipientsRepository {
  async byIds(manager: EntityManager, userIds: readonly string[]): Promise<Recipient[]> {
    if (!userIds.length) return [];
    const rows: Array<{ id: string; email: string; full_name: string }> = await manager.query(
      `SELECT id, email, full_name FROM users WHERE id = ANY($1::uuid[])`,
      [userIds],
    );
    const byId = new Map(rows.map((r) => [r.id, { id: r.id, email: r.email, fullName: r.full_name }]));
    return userIds.map((id) => byId.get(id)).filter((r): r is Recipient => r !== undefined);
  }
}
