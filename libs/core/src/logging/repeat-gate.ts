import { MapUpTo } from '../memo/map-up-to.js';

/**
 * Lets the first of a run of identical messages through, then one per interval, carrying how many
 * were held back meanwhile: a 30 s database outage logs a handful of lines, not one per request.
 */
export class RepeatGate {
  private readonly seen: MapUpTo<string, { since: number; held: number }>;

  constructor(
    private readonly intervalMs = 60_000,
    maxKeys = 1_000,
  ) {
    this.seen = new MapUpTo(maxKeys);
  }

  /** Undefined: hold this one back. A number: log it, mentioning that many held back before it. */
  admit(key: string, now = Date.now()): number | undefined {
    const entry = this.seen.get(key);
    if (entry && now - entry.since < this.intervalMs) {
      entry.held++;
      return undefined;
    }
    this.seen.set(key, { since: now, held: 0 });
    return entry?.held ?? 0;
  }
}
