/**
 * The contract between the transcript and the features that award CE credits (events, mentoring). A
 * feature implements `TranscriptSource` in its own library, exports the class from its module, and
 * adds it to `CreditsModule.forRoot({ sources: [...] })` in the app module: the transcript
 * gets every source through the `TRANSCRIPT_SOURCES` token and knows nothing about any of them.
 */

/** Half-open: from ≤ date < to. */
export interface TranscriptPeriod {
  from: Date;
  to: Date;
}

export interface TranscriptItem {
  /** The source's name, e.g. MENTORING or EVENTS. */
  source: string;
  /** What was done, e.g. "Mentoring session with Ada Lovelace — Early career · Spring 2027" or an event and session. */
  title: string;
  date: Date;
  credits: number;
  /** e.g. "Mentoring", "Ethics"; null when the activity has no category. */
  category: string | null;
}

export interface CategoryTotal {
  category: string | null;
  credits: number;
}

export interface TranscriptSource {
  /** Stable, upper-case name shown as `TranscriptEntry.source`. */
  readonly name: string;
  /** Credits per category in the period, exact however many entries there are. */
  totals(userId: string, period: TranscriptPeriod): Promise<CategoryTotal[]>;
  /** The newest entries in the period, at most `limit`, newest first. */
  entries(userId: string, period: TranscriptPeriod, limit: number): Promise<TranscriptItem[]>;
}

/** Injection token: every registered `TranscriptSource`, as an array. */
export const TRANSCRIPT_SOURCES = Symbol('TRANSCRIPT_SOURCES');
