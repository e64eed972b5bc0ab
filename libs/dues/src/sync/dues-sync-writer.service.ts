import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MembershipChangesService, type MembershipRecord } from '../../../members/src/index.js';
import { CheckoutSessionsRepository } from '../checkout/checkout-sessions.repository.js';
import { FulfilmentService } from '../fulfilment/fulfilment.service.js';
import { DunningService } from '../subscriptions/dunning.service.js';
import { SubscriptionStateService } from '../subscriptions/subscription-state.service.js';
import type { DuesSyncPlan } from './dues-facts.js';

export interface SyncOutcome {
  membership: MembershipRecord | null;
  /** Human-readable list of what changed (empty: nothing did). */
  changes: string[];
  paymentsRecorded: number;
}

/**
 * Applies a plan read from Stripe inside the caller's transaction. The membership row is locked
 * first (every dues writer takes it first, so they queue instead of deadlocking), then the checkout
 * session, the payment, dunning and the subscription follow.
 */
@Injectable()
export class DuesSyncWriter {
  constructor(
    private readonly memberships: MembershipChangesService,
    private readonly sessions: CheckoutSessionsRepository,
    private readonly fulfilment: FulfilmentService,
    private readonly dunning: DunningService,
    private readonly subscriptions: SubscriptionStateService,
  ) {}

  async apply(manager: EntityManager, plan: DuesSyncPlan): Promise<SyncOutcome> {
    const membership = await this.memberships.lockById(manager, plan.membershipId);
    const outcome: SyncOutcome = { membership, changes: [], paymentsRecorded: 0 };
    if (!membership) return outcome;
    if (plan.session && (await this.sessions.advance(manager, plan.session.id, plan.session.status))) {
      outcome.changes.push(`checkout ${plan.session.id} ${plan.session.status.toLowerCase()}`);
    }
    if (plan.paid) {
      const result = await this.fulfilment.fulfil(manager, membership, plan.paid);
      if (result.created) {
        outcome.paymentsRecorded++;
        outcome.changes.push(`recorded payment ${plan.paid.sourceRef} for membership ${membership.id}`);
      }
    }
    if (plan.failure && (await this.dunning.apply(manager, membership, plan.failure))) {
      outcome.changes.push(`payment failed for ${plan.failure.invoiceId}: membership ${membership.id} in grace`);
    }
    if (plan.subscription && (await this.subscriptions.apply(manager, membership, plan.subscription))) {
      outcome.changes.push(`subscription ${plan.subscription.id} now ${plan.subscription.status}${plan.subscription.cancelAtPeriodEnd ? ' (ends at period end)' : ''}`);
    }
    return outcome;
  }
}
