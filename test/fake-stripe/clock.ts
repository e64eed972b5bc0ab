/**
 * The fake's notion of "now" in unix seconds. Tests can move it forward with `advance`.
 * Event timestamps are strictly increasing (one second apart at least), so events can be
 * ordered by `created` alone; under bursts they run ahead of the wall clock by a few seconds.
 */
export class FakeClock {
  private offsetSeconds = 0;
  private lastEventCreated = 0;

  now(): number {
    return Math.floor(Date.now() / 1000) + this.offsetSeconds;
  }

  /** Moves the clock forward and returns the new time. */
  advance(seconds: number): number {
    if (!Number.isInteger(seconds) || seconds < 0) {
      throw new Error(`advanceClock expects a whole, non-negative number of seconds, got ${seconds}`);
    }
    this.offsetSeconds += seconds;
    return this.now();
  }

  nextEventCreated(): number {
    this.lastEventCreated = Math.max(this.now(), this.lastEventCreated + 1);
    return this.lastEventCreated;
  }

  reset(): void {
    this.offsetSeconds = 0;
    this.lastEventCreated = 0;
  }
}
