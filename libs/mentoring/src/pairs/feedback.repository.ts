import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface FeedbackInput {
  pairId: string;
  authorId: string;
  rating: number;
  goodFit: boolean;
  comment: string | null;
}

@Injectable()
export class FeedbackRepository {
  /** One feedback per person and pair: a second submission replaces the first. */
  async upsert(manager: EntityManager, feedback: FeedbackInput): Promise<void> {
    await manager.query(
      `INSERT INTO mentoring_pair_feedback (pair_id, author_id, rating, good_fit, comment)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (pair_id, author_id)
       DO UPDATE SET rating = EXCLUDED.rating, good_fit = EXCLUDED.good_fit, comment = EXCLUDED.comment, updated_at = now()`,
      [feedback.pairId, feedback.authorId, feedback.rating, feedback.goodFit, feedback.comment],
    );
  }
}
