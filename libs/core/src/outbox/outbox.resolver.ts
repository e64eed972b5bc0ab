import { Args, Query, Resolver } from '@nestjs/graphql';
import { AdminOnly } from '../auth/auth.decorators.js';
import { OutboxMessageConnection, OutboxMessagesArgs } from './outbox-message.type.js';
import { OutboxService } from './outbox.service.js';

@Resolver()
export class OutboxResolver {
  constructor(private readonly outbox: OutboxService) {}

  @AdminOnly()
  @Query(() => OutboxMessageConnection, { description: 'Admin: outgoing email, newest first (kept here when no SMTP_URL is set).' })
  outboxMessages(@Args() args: OutboxMessagesArgs): Promise<OutboxMessageConnection> {
    return this.outbox.list(args);
  }
}
