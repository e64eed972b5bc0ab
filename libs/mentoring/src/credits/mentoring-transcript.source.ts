import { Injectable } from '@nestjs/common';
import { UsersService } from '../../../accounts/src/index.js';
import type { CategoryTotal, TranscriptItem, TranscriptPeriod, TranscriptSource } from '../../../credits/src/index.js';
import { MentoringCreditsRepository } from './mentoring-credits.repository.js';

export const MENTORING_CREDIT_CATEGORY = 'Mentoring';

/** Confirmed check-in hours × the program's rate, for mentor and mentee alike. */
@Injectable()
export class MentoringTranscriptSource implements TranscriptSource {
  readonly name = 'MENTORING';

  constructor(
    private readonly credits: MentoringCreditsRepository,
    private readonly users: UsersService,
  ) {}

  async totals(userId: string, period: TranscriptPeriod): Promise<CategoryTotal[]> {
    const credits = await this.credits.total(userId, period.from, period.to);
    return credits > 0 ? [{ category: MENTORING_CREDIT_CATEGORY, credits }] : [];
  }

  async entries(userId: string, period: TranscriptPeriod, limit: number): Promise<TranscriptItem[]> {
    const sessions = await this.credits.sessions(userId, period.from, period.to, limit);
    const partnerIds = [...new Set(sessions.map((s) => s.partnerUserId))];
    const names = new Map((await this.users.contacts(partnerIds)).flatMap((c) => (c ? [[c.id, c.fullName] as const] : [])));
    return sessions.map((session) => ({
      source: this.name,
      title: `Mentoring session with ${names.get(session.partnerUserId) ?? 'a former member'} (as ${session.role}) — ${session.programName} · ${session.cohortName}`,
      date: session.happenedAt,
      credits: session.credits,
      category: MENTORING_CREDIT_CATEGORY,
    }));
  }
}
