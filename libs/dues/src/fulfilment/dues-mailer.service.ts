import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboxService } from '../../../core/src/index.js';
import { UsersService } from '../../../accounts/src/index.js';

/** Dues emails, written to the outbox in the caller's transaction; each has a dedupe key, so it goes once. */
@Injectable()
export class DuesMailer {
  constructor(
    private readonly users: UsersService,
    private readonly outbox: OutboxService,
  ) {}

  /** False when the message was already written (same dedupe key) or the person is gone. */
  async send(manager: EntityManager, userId: string, email: { template: string; subject: string; text: string; dedupeKey: string }): Promise<boolean> {
    const [user] = await this.users.contacts([userId], manager);
    if (!user) return false;
    return this.outbox.enqueue(manager, {
      to: user.email,
      recipientUserId: user.id,
      template: email.template,
      subject: email.subject,
      text: `Dear ${user.fullName},\n\n${email.text}`,
      dedupeKey: email.dedupeKey,
    });
  }
}
