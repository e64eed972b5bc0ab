import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { type RequestContext } from '../../../core/src/index.js';
import { DuesTierChangeEntity } from '../entities/tier-change.entity.js';
import { TierChangesRepository } from './tier-changes.repository.js';

/** Pending tier changes by membership, one statement per list level. */
@Injectable()
export class TierChangesLoader {
  constructor(private readonly changes: TierChangesRepository) {}

  pendingByMembershipId(ctx: RequestContext): DataLoader<string, DuesTierChangeEntity | undefined> {
    return ctx.loaders.get('dues.pendingTierChange', () => new DataLoader((ids: readonly string[]) => this.changes.pendingForMany(ids)));
  }
}
