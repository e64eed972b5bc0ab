import { Injectable } from '@nestjs/common';

export type RetentionCategory = 'lapsedMembers' | 'outboxBodies' | 'loginFailures' | 'auditEntries';

/** Removes (or blanks) the category's records older than `cutoff`; answers how many. */
export type RetentionPurge = (cutoff: Date) => Promise<number>;

/** People whose data is past its time (e.g. lapsed before `cutoff`), at most `limit`, for the privacy library to erase. */
export type ErasureCandidates = (cutoff: Date, limit: number) => Promise<string[]>;

/**
 * The port through which each library applies a retention period to its own tables; the privacy
 * library holds the settings and runs the daily job.
 */
@Injectable()
export class RetentionRegistry {
  private readonly purges = new Map<RetentionCategory, RetentionPurge>();
  private candidates?: ErasureCandidates;

  addPurge(category: RetentionCategory, purge: RetentionPurge): void {
    if (this.purges.has(category)) throw new Error(`Retention purge "${category}" registered twice`);
    this.purges.set(category, purge);
  }

  /** Members register who lapsed long enough ago (one source). */
  setErasureCandidates(candidates: ErasureCandidates): void {
    this.candidates = candidates;
  }

  purge(category: RetentionCategory, cutoff: Date): Promise<number> {
    return this.purges.get(category)?.(cutoff) ?? Promise.resolve(0);
  }

  erasureCandidates(cutoff: Date, limit: number): Promise<string[]> {
    return this.candidates?.(cutoff, limit) ?? Promise.resolve([]);
  }
}
