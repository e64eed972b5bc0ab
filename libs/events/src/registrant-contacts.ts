import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type NameMatch, UsersService } from '../../accounts/src/index.js';

export interface Contact {
  email: string;
  fullName: string;
}

/** Registrants' email and name (and the name search at the door), asked of the accounts feature (events never reads its tables). */
@Injectable()
export class RegistrantContacts {
  constructor(private readonly users: UsersService) {}

  async of(manager: EntityManager | undefined, userId: string): Promise<Contact> {
    return (await this.many(manager, [userId])).get(userId) ?? { email: '', fullName: '' };
  }

  async many(manager: EntityManager | undefined, userIds: readonly string[]): Promise<Map<string, Contact>> {
    const unique = [...new Set(userIds)];
    const found = await this.users.contacts(unique, manager);
    return new Map(found.flatMap((c) => (c ? [[c.id, { email: c.email, fullName: c.fullName }] as const] : [])));
  }

  /** Of these registrants, those whose name holds every word, by name (a page after the keyset `after`). */
  matchingNames(userIds: readonly string[], words: readonly string[], limit: number, after?: readonly [string, string]): Promise<NameMatch[]> {
    return this.users.namesMatching(userIds, words, limit, after);
  }

  countMatchingNames(userIds: readonly string[], words: readonly string[]): Promise<number> {
    return this.users.countNamesMatching(userIds, words);
  }
}
