import { Injectable } from '@nestjs/common';
import { StripeGateway } from '../stripe/stripe-gateway.js';
import { StripeCustomersRepository } from './stripe-customers.repository.js';

export interface CustomerOwner {
  id: string;
  email: string;
  fullName: string;
}

/** One Stripe Customer per account, made on first need. */
@Injectable()
export class StripeCustomersService {
  constructor(
    private readonly gateway: StripeGateway,
    private readonly customers: StripeCustomersRepository,
  ) {}

  customerIdOf(userId: string): Promise<string | null> {
    return this.customers.customerIdOf(userId);
  }

  /**
   * The idempotency key is derived from the user id, so concurrent or retried calls get the same
   * Customer back from Stripe; the unique mapping keeps the first should two ever differ.
   */
  async ensureCustomer(owner: CustomerOwner): Promise<string> {
    const known = await this.customers.customerIdOf(owner.id);
    if (known) return known;
    const customer = await this.gateway.call('create customer', (stripe) =>
      stripe.customers.create(
        { email: owner.email, name: owner.fullName, metadata: { guildhall_user_id: owner.id } },
        { idempotencyKey: `guildhall-customer:${owner.id}` },
      ),
    );
    return this.customers.link(owner.id, customer.id);
  }
}
