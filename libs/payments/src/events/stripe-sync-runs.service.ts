import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { SyncCursorsRepository } from './sync-cursors.repository.js';

const LEASE_MS = 15 * 60_000;
const RENEW_EVERY_MS = 60_000;

export type ExclusiveRun<T> = { ran: true; result: T } | { ran: false };

/**
 * One Stripe sync run (e.g. reconciliation) at a time, across processes, without holding a database
 * connection for the run's length: a lease row taken and released in short statements of their own.
 * A crashed run's lease runs out after 15 minutes; a live run renews it through `keepAlive`.
 */
@Injectable()
export class StripeSyncRuns {
  constructor(private readonly cursors: SyncCursorsRepository) {}

  async exclusive<T>(name: string, work: (keepAlive: () => Promise<void>) => Promise<T>): Promise<ExclusiveRun<T>> {
    const holder = randomUUID();
    if (!(await this.cursors.tryLease(name, holder, LEASE_MS))) return { ran: false };
    let renewedAt = Date.now();
    const keepAlive = async () => {
      if (Date.now() - renewedAt < RENEW_EVERY_MS) return;
      renewedAt = Date.now();
      await this.cursors.renewLease(name, holder, LEASE_MS);
    };
    try {
      return { ran: true, result: await work(keepAlive) };
    } finally {
      await this.cursors.releaseLease(name, holder);
    }
  }
}
