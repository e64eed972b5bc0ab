import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, badInput, StaffPermission, type Viewer, viewerHasPermission } from '../../../core/src/index.js';
import type { ActingContext } from '../acting-context.js';
import type { MentoringPairEntity } from '../entities/mentoring-pair.entity.js';
import { PairStatus } from '../mentoring.enums.js';
import { mentoringConflict, MentoringErrorReason } from '../mentoring.errors.js';
import { FeedbackRepository } from './feedback.repository.js';
import { assertPairAccess } from './pair-access.js';
import { PairNotifier } from './pair-notifier.js';
import { PairsRepository } from './pairs.repository.js';

export interface EndPairCommand {
  pairId: string;
  outcome: PairStatus;
  reason?: string | null;
}

export interface FeedbackCommand {
  pairId: string;
  rating: number;
  goodFit: boolean;
  comment?: string | null;
}

/** A pair's life after publication: who sees it, ending it, feedback. */
@Injectable()
export class PairsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pairs: PairsRepository,
    private readonly feedback: FeedbackRepository,
    private readonly notifier: PairNotifier,
    private readonly audit: AuditService,
  ) {}

  mine(viewer: Viewer): Promise<MentoringPairEntity[]> {
    return this.pairs.forUser(viewer.id);
  }

  /** Locks the pair and checks the viewer may act on it (see `assertPairAccess`). */
  async lockForParticipant(manager: EntityManager, viewer: Viewer, pairId: string, adminMayAct: boolean): Promise<MentoringPairEntity> {
    const pair = await this.pairs.lockById(manager, pairId);
    assertPairAccess(viewer, pair, adminMayAct);
    return pair;
  }

  assertActive(pair: MentoringPairEntity, action: string): void {
    if (pair.status !== PairStatus.ACTIVE) {
      throw mentoringConflict(MentoringErrorReason.PAIR_NOT_ACTIVE, `Cannot ${action}: the pair has ended (${pair.status})`);
    }
  }

  /** Either side, or an admin, ends the pair as COMPLETED or ENDED_EARLY; both sides are told. */
  async end(ctx: ActingContext, command: EndPairCommand): Promise<MentoringPairEntity> {
    if (command.outcome === PairStatus.ACTIVE) throw badInput('outcome', 'must be COMPLETED or ENDED_EARLY');
    return this.dataSource.transaction(async (manager) => {
      const pair = await this.lockForParticipant(manager, ctx.actor, command.pairId, true);
      this.assertActive(pair, 'end the pair');
      pair.status = command.outcome;
      pair.endedAt = new Date();
      pair.endReason = command.reason ?? null;
      pair.endedById = ctx.actor.id;
      await this.pairs.save(manager, pair);
      if (viewerHasPermission(ctx.actor, StaffPermission.MENTORING_COORDINATOR)) {
        await this.audit.record(manager, {
          actorId: ctx.actor.id, action: 'mentoring.pair.end', targetType: 'MentoringPair', targetId: pair.id,
          before: { status: PairStatus.ACTIVE }, after: { status: pair.status, reason: pair.endReason }, requestId: ctx.requestId,
        });
      }
      const completed = command.outcome === PairStatus.COMPLETED;
      await this.notifier.tell(manager, pair, ['mentor', 'mentee'], {
        template: completed ? 'mentoring-pair-completed' : 'mentoring-pair-ended-early',
        subject: completed ? 'Your mentoring relationship is complete' : 'Your mentoring relationship has ended',
        text: (other) =>
          (completed
            ? `Your mentoring relationship with ${other} is now complete. Congratulations on the work you did together.`
            : `Your mentoring relationship with ${other} has ended early.`) +
          (pair.endReason ? `\n\nReason: ${pair.endReason}` : '') +
          '\n\nPlease tell us how it went: your feedback helps us make better matches.',
        dedupeKey: `mentoring-pair-ended:${pair.id}`,
      });
      return pair;
    });
  }

  /** Either side rates the pair; `goodFit: false` flags it for admins in the cohort report. */
  async submitFeedback(viewer: Viewer, command: FeedbackCommand): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const pair = await this.lockForParticipant(manager, viewer, command.pairId, false);
      await this.feedback.upsert(manager, {
        pairId: pair.id,
        authorId: viewer.id,
        rating: command.rating,
        goodFit: command.goodFit,
        comment: command.comment ?? null,
      });
      return true;
    });
  }
}
