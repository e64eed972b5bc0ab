import { Inject, Injectable } from '@nestjs/common';
import { badInput } from '../../core/src/index.js';
import type { Transcript } from './transcript.type.js';
import { TRANSCRIPT_SOURCES, type TranscriptItem, type TranscriptPeriod, type TranscriptSource } from './transcript-source.js';

export const MAX_TRANSCRIPT_ENTRIES = 500;

const OTHER = 'Other';
/** Credits are added in hundredths, so totals are exact. */
const cents = (credits: number): number => Math.round(credits * 100);

@Injectable()
export class TranscriptService {
  constructor(@Inject(TRANSCRIPT_SOURCES) private readonly sources: TranscriptSource[]) {}

  async forUser(userId: string, from: Date | null | undefined, to: Date | null | undefined): Promise<Transcript> {
    const period: TranscriptPeriod = { from: from ?? new Date(0), to: to ?? new Date() };
    if (period.to.getTime() <= period.from.getTime()) throw badInput('to', 'must be after from');
    const byCategory = new Map<string, number>();
    const entries: TranscriptItem[] = [];
    let listed = 0;
    for (const source of this.sources) {
      for (const total of await source.totals(userId, period)) {
        const category = total.category ?? OTHER;
        byCategory.set(category, (byCategory.get(category) ?? 0) + cents(total.credits));
      }
      // One more than fits tells whether the list is cut short.
      const items = await source.entries(userId, period, MAX_TRANSCRIPT_ENTRIES + 1);
      listed += items.length;
      entries.push(...items);
    }
    entries.sort((a, b) => b.date.getTime() - a.date.getTime() || a.source.localeCompare(b.source) || a.title.localeCompare(b.title));
    const totalCents = [...byCategory.values()].reduce((sum, value) => sum + value, 0);
    return {
      from: period.from,
      to: period.to,
      totalCredits: totalCents / 100,
      byCategory: [...byCategory]
        .map(([category, value]) => ({ category, credits: value / 100 }))
        .sort((a, b) => b.credits - a.credits || a.category.localeCompare(b.category)),
      entries: entries.slice(0, MAX_TRANSCRIPT_ENTRIES),
      entriesTruncated: listed > MAX_TRANSCRIPT_ENTRIES,
    };
  }
}
