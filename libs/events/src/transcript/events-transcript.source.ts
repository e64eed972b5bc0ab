import { Injectable } from '@nestjs/common';
import type { CategoryTotal, TranscriptItem, TranscriptPeriod, TranscriptSource } from '../../../credits/src/index.js';
import { AttendanceRepository } from '../attendance.repository.js';

/**
 * The events' part of `myTranscript`: one entry per session attended (checked in by staff) on a
 * confirmed registration of an event that was not cancelled, with the session's credits and category.
 */
@Injectable()
export class EventsTranscriptSource implements TranscriptSource {
  readonly name = 'EVENTS';

  constructor(private readonly attendance: AttendanceRepository) {}

  totals(userId: string, period: TranscriptPeriod): Promise<CategoryTotal[]> {
    return this.attendance.creditTotals(userId, period.from, period.to);
  }

  async entries(userId: string, period: TranscriptPeriod, limit: number): Promise<TranscriptItem[]> {
    const rows = await this.attendance.credits(userId, period.from, period.to, limit);
    return rows.map((row) => ({
      source: this.name,
      title: row.sessionTitle === row.eventTitle ? row.eventTitle : `${row.eventTitle} — ${row.sessionTitle}`,
      date: new Date(row.startsAt),
      credits: Number(row.credits),
      category: row.category,
    }));
  }
}
