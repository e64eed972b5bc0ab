import { Injectable } from '@nestjs/common';
import type Stripe from 'stripe';

export type StripeEventListener = (event: Stripe.Event) => Promise<void>;

/**
 * Other features' interest in verified Stripe events: one webhook endpoint (/webhooks/stripe) for the
 * whole platform, and each feature registers what it handles (e.g. events' seat checkouts) at
 * module init. A listener must be idempotent (Stripe redelivers) and throw to ask for a retry.
 */
@Injectable()
export class StripeEventListeners {
  private readonly listeners = new Map<string, StripeEventListener>();

  register(name: string, listener: StripeEventListener): void {
    if (this.listeners.has(name)) throw new Error(`Stripe event listener "${name}" registered twice`);
    this.listeners.set(name, listener);
  }

  async notify(event: Stripe.Event): Promise<void> {
    for (const listener of this.listeners.values()) await listener(event);
  }
}
