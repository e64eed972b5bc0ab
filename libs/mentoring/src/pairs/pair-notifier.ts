import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxService } from '../../../core/src/index.js';
import type { MentoringPairEntity } from '../entities/mentoring-pair.entity.js';
import { Recipients } from '../recipients.js';

/** Emails to one or both sides of a pair, written in the caller's transaction. */
@Injectable()
export class PairNotifier {
  constructor(
    private readonly recipients: Recipients,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * `text` gets the other person's name; the dedupe key gets `:mentor` or `:mentee`, so each side
   * hears once. Returns how many messages were new.
   */
  async tell(
    manager: EntityManager,
    pair: MentoringPairEntity,
    who: Array<'mentor' | 'mentee'>,
    message: { template: string; subject: string; text: (otherName: string) => string; dedupeKey: string },
  ): Promise<number> {
    const people = new Map((await this.recipients.byIds(manager, [pair.mentorUserId, pair.menteeUserId])).map((r) => [r.id, r]));
    let written = 0;
    for (const side of who) {
      const me = people.get(side === 'mentor' ? pair.mentorUserId : pair.menteeUserId);
      const other = people.get(side === 'mentor' ? pair.menteeUserId : pair.mentorUserId);
      if (!me) continue;
      const wrote = await this.outbox.enqueue(manager, {
        to: me.email,
        recipientUserId: me.id,
        template: message.template,
        subject: message.subject,
        text: `Dear ${me.fullName},\n\n${message.text(other?.fullName ?? 'your partner')}`,
        dedupeKey: `${message.dedupeKey}:${side}`,
      });
      if (wrote) written += 1;
    }
    return written;
  }
}
