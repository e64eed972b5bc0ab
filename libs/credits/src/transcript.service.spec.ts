import { describe, expect, it } from '@jest/globals';
import { MAX_TRANSCRIPT_ENTRIES, TranscriptService } from './transcript.service.js';
import type { CategoryTotal, TranscriptItem, TranscriptPeriod, TranscriptSource } from './transcript-source.js';

/** A source with fixed answers (the transcript only combines what sources report). */
class FixedSource implements TranscriptSource {
  readonly periods: TranscriptPeriod[] = [];
  constructor(
    readonly name: string,
    private readonly totalsList: CategoryTotal[],
    private readonly items: TranscriptItem[],
  ) {}
  async totals(_userId: string, period: TranscriptPeriod): Promise<CategoryTotal[]> {
    this.periods.push(period);
    return this.totalsList;
  }
  async entries(_userId: string, _period: TranscriptPeriod, limit: number): Promise<TranscriptItem[]> {
    return this.items.slice(0, limit);
  }
}

const item = (source: string, day: number, credits: number, category: string | null): TranscriptItem => ({
  source,
  title: `${source} ${day}`,
  date: new Date(Date.UTC(2027, 0, day)),
  credits,
  category,
});

describe('TranscriptService', () => {
  it('adds every source up exactly, by category and in total, with entries newest first', async () => {
    const mentoring = new FixedSource('MENTORING', [{ category: 'Mentoring', credits: 0.1 }], [item('MENTORING', 3, 0.1, 'Mentoring')]);
    const events = new FixedSource('EVENTS', [{ category: 'Ethics', credits: 0.2 }, { category: 'Mentoring', credits: 0.2 }, { category: null, credits: 1 }], [
      item('EVENTS', 5, 0.2, 'Ethics'),
      item('EVENTS', 1, 0.2, 'Mentoring'),
      item('EVENTS', 2, 1, null),
    ]);
    const transcript = await new TranscriptService([mentoring, events]).forUser('user', new Date('2027-01-01T00:00:00Z'), new Date('2028-01-01T00:00:00Z'));
    expect(transcript.totalCredits).toBe(1.5);
    expect(transcript.byCategory).toEqual([
      { category: 'Other', credits: 1 },
      { category: 'Mentoring', credits: 0.3 },
      { category: 'Ethics', credits: 0.2 },
    ]);
    expect(transcript.entries.map((e) => e.title)).toEqual(['EVENTS 5', 'MENTORING 3', 'EVENTS 2', 'EVENTS 1']);
    expect(transcript.entriesTruncated).toBe(false);
  });

  it('lists at most MAX_TRANSCRIPT_ENTRIES and says the list is cut, while the totals stay whole', async () => {
    const many = Array.from({ length: MAX_TRANSCRIPT_ENTRIES + 5 }, (_, i) => item('EVENTS', (i % 28) + 1, 1, 'Ethics'));
    const transcript = await new TranscriptService([new FixedSource('EVENTS', [{ category: 'Ethics', credits: many.length }], many)]).forUser('user', null, null);
    expect(transcript.entries).toHaveLength(MAX_TRANSCRIPT_ENTRIES);
    expect(transcript.entriesTruncated).toBe(true);
    expect(transcript.totalCredits).toBe(MAX_TRANSCRIPT_ENTRIES + 5);
  });

  it('defaults to everything up to now, and refuses an empty period naming `to`', async () => {
    const source = new FixedSource('MENTORING', [], []);
    const service = new TranscriptService([source]);
    await service.forUser('user', undefined, undefined);
    expect(source.periods[0]!.from.getTime()).toBe(0);
    expect(Math.abs(source.periods[0]!.to.getTime() - Date.now())).toBeLessThan(5000);
    await expect(service.forUser('user', new Date('2027-01-02'), new Date('2027-01-01'))).rejects.toMatchObject({ code: 'BAD_USER_INPUT', options: { fields: [{ path: 'to' }] } });
  });
});
