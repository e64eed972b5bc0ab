import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { RequestContext } from '../../core/src/index.js';
import { type User } from './user.type.js';
import { UsersRepository } from './users.repository.js';

/** Users by id, batched per request: one query however many rows ask. */
@Injectable()
export class UsersLoader {
  constructor(private readonly users: UsersRepository) {}

  byId(ctx: Pick<RequestContext, 'loaders'>): DataLoader<string, User | undefined> {
    return ctx.loaders.get('users.byId', () => new DataLoader((ids: readonly string[]) => this.users.usersByIds(ids)));
  }
}
