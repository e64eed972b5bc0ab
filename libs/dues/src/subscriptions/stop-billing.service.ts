import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ROOT_LOGGER, type RootLogger } from '../../../core/src/index.js';
import { MembershipChangesService } from '../../../members/src/index.js';
import { StripeGateway } from '../../../payments/src/index.js';
import { subscriptionSnapshot } from '../sync/stripe-mapping.js';
import type { DuesSubscriptionEntity } from '../entities/dues-subscription.entity.js';
import { DuesSubscriptionsRepository } from './dues-subscriptions.repository.js';
import { SubscriptionStateService } from './subscription-state.service.js';

const BATCH = 100;
const PAGE = 500;

/**
 * A membership cancelled (or ended) here must stop being billed there: sets `cancel_at_period_end`
 * on any live subscription of a membership that was cancelled, lapsed or declined. Runs every few
 * minutes and with each reconciliation.
 */
@Injectable()
export class StopBillingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly gateway: StripeGateway,
    private readonly subscriptions: DuesSubscriptionsRepository,
    private readonly memberships: MembershipChangesService,
    private readonly state: SubscriptionStateService,
    @Inject(ROOT_LOGGER) private readonly logger: RootLogger,
  ) {}

  /** Live subscriptions that keep billing a membership that was cancelled or ended (at most BATCH). */
  private async billingEndedMemberships(): Promise<DuesSubscriptionEntity[]> {
    const found: DuesSubscriptionEntity[] = [];
    let afterId = '';
    while (found.length < BATCH) {
      const page = await this.subscriptions.renewingAfter(afterId, PAGE);
      if (!page.length) break;
      afterId = page[page.length - 1].stripeSubscriptionId;
      const ended = await this.memberships.noLongerBillable(page.map((s) => s.membershipId));
      found.push(...page.filter((s) => ended.has(s.membershipId)));
    }
    return found.slice(0, BATCH);
  }

  async run(): Promise<string[]> {
    if (!this.gateway.configured) return [];
    const stopped: string[] = [];
    for (const row of await this.billingEndedMemberships()) {
      try {
        const retrievedAt = new Date();
        const updated = await this.gateway.call('end subscription', (stripe) =>
          stripe.subscriptions.update(row.stripeSubscriptionId, { cancel_at_period_end: true }, { idempotencyKey: `dues-stop-billing:${row.stripeSubscriptionId}` }),
        );
        const snapshot = subscriptionSnapshot(updated, retrievedAt);
        await this.dataSource.transaction(async (manager) => {
          const membership = await this.memberships.lockById(manager, row.membershipId);
          if (membership && snapshot) await this.state.apply(manager, membership, snapshot);
        });
        stopped.push(`subscription ${row.stripeSubscriptionId} set to end: membership ${row.membershipId} was cancelled or ended`);
      } catch (error) {
        this.logger.warn({ err: error, subscription: row.stripeSubscriptionId, context: 'dues-stop-billing' }, 'Could not stop billing; will retry');
      }
    }
    return stopped;
  }
}
