import { Injectable } from '@nestjs/common';
import type Stripe from 'stripe';
import { EntityManager } from 'typeorm';
import type { StripeEventHandler } from '../../../../payments/src/index.js';
import type { DuesSyncPlan } from '../../sync/dues-facts.js';
import { DuesSyncWriter } from '../../sync/dues-sync-writer.service.js';
import { StripeReader } from '../../sync/stripe-reader.service.js';

const objectIdOf = (event: Stripe.Event): string | null => (event.data.object as { id?: string }).id ?? null;

/** Decorated so its constructor's parameter types are emitted for the subclasses' injection. */
@Injectable()
abstract class MembershipObjectHandler implements StripeEventHandler<DuesSyncPlan> {
  constructor(
    protected readonly reader: StripeReader,
    private readonly writer: DuesSyncWriter,
  ) {}

  async read(event: Stripe.Event): Promise<DuesSyncPlan | null> {
    const id = objectIdOf(event);
    return id ? this.readObject(id) : null;
  }

  protected abstract readObject(objectId: string): Promise<DuesSyncPlan | null>;

  async apply(manager: EntityManager, plan: DuesSyncPlan): Promise<string[]> {
    return (await this.writer.apply(manager, plan)).changes;
  }
}

/** checkout.session.*: the session's status, and the payment or subscription it produced. */
@Injectable()
export class CheckoutSessionHandler extends MembershipObjectHandler {
  protected readObject(id: string) {
    return this.reader.checkoutSession(id);
  }
}

/** invoice.*: a paid invoice is fulfilled; an open, failed one starts dunning; plus its subscription. */
@Injectable()
export class InvoiceHandler extends MembershipObjectHandler {
  protected readObject(id: string) {
    return this.reader.invoice(id);
  }
}

/** customer.subscription.*: status, cancel-at-period-end, and its latest invoice (paid or failed). */
@Injectable()
export class SubscriptionHandler extends MembershipObjectHandler {
  protected readObject(id: string) {
    return this.reader.subscription(id);
  }
}
