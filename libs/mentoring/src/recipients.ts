import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UsersService } from '../../accounts/src/index.js';

export interface Recipient {
  id: string;
  email: string;
  fullName: string;
}

/** Who to write to: the few account fields a mentoring email needs, asked of accounts inside the caller's transaction. */
@Injectable()
export class Recipients {
  constructor(private readonly users: UsersService) {}

  async byIds(manager: EntityManager | undefined, userIds: readonly string[]): Promise<Recipient[]> {
    if (!userIds.length) return [];
    return (await this.users.contacts([...new Set(userIds)], manager)).filter((r): r is Recipient => r !== undefined);
  }
}
