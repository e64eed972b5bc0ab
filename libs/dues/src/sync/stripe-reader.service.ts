import { Injectable } from '@nestjs/common';
import type Stripe from 'stripe';
import { StripeGateway } from '../../../payments/src/index.js';
import type { DuesSyncPlan } from './dues-facts.js';
import {
  invoiceFailureFacts,
  invoicePaidFacts,
  membershipIdOfInvoice,
  paymentIntentIdOfInvoice,
  paymentIntentPaidFacts,
  sessionFacts,
  subscriptionSnapshot,
} from './stripe-mapping.js';

const INVOICE_EXPAND = ['payments', 'parent.subscription_details.subscription'];

/**
 * Reads the current state of a Stripe object (never trusting the copy inside an event, which may be
 * old by the time it arrives) and maps it to a plan for one membership. Runs outside transactions.
 */
@Injectable()
export class StripeReader {
  constructor(private readonly gateway: StripeGateway) {}

  async checkoutSession(id: string): Promise<DuesSyncPlan | null> {
    const session = await this.gateway.call('read checkout session', (s) => s.checkout.sessions.retrieve(id));
    const facts = sessionFacts(session);
    if (!facts) return null;
    let plan: DuesSyncPlan = { membershipId: facts.membershipId, session: facts };
    if (facts.paid && facts.mode === 'subscription' && facts.invoiceId) {
      const fromInvoice = await this.invoice(facts.invoiceId);
      if (fromInvoice?.membershipId === facts.membershipId) plan = { ...fromInvoice, session: facts };
    } else if (facts.paid && facts.mode === 'subscription' && facts.subscriptionId) {
      const fromSubscription = await this.subscription(facts.subscriptionId);
      if (fromSubscription?.membershipId === facts.membershipId) plan = { ...fromSubscription, session: facts };
    } else if (facts.paid && facts.paymentIntentId) {
      const intent = await this.paymentIntent(facts.paymentIntentId);
      const paid = intent ? paymentIntentPaidFacts(intent) : null;
      if (paid?.membershipId === facts.membershipId) plan.paid = paid;
    }
    return plan;
  }

  async invoice(id: string): Promise<DuesSyncPlan | null> {
    const retrievedAt = new Date();
    const invoice = await this.gateway.call('read invoice', (s) => s.invoices.retrieve(id, { expand: INVOICE_EXPAND }));
    return this.fromInvoice(invoice, retrievedAt);
  }

  async subscription(id: string): Promise<DuesSyncPlan | null> {
    const retrievedAt = new Date();
    const subscription = await this.gateway.call('read subscription', (s) => s.subscriptions.retrieve(id, { expand: ['latest_invoice.payments'] }));
    return this.fromSubscription(subscription, retrievedAt);
  }

  /** A subscription already fetched (e.g. from a list with `data.latest_invoice.payments` expanded). */
  async fromSubscription(subscription: Stripe.Subscription, retrievedAt: Date): Promise<DuesSyncPlan | null> {
    const snapshot = subscriptionSnapshot(subscription, retrievedAt);
    if (!snapshot) return null;
    const plan: DuesSyncPlan = { membershipId: snapshot.membershipId, subscription: snapshot };
    const latest = subscription.latest_invoice;
    if (latest && typeof latest !== 'string' && membershipIdOfInvoice(latest) === snapshot.membershipId) {
      await this.addInvoiceFacts(plan, latest);
    }
    return plan;
  }

  private async fromInvoice(invoice: Stripe.Invoice, retrievedAt: Date): Promise<DuesSyncPlan | null> {
    const membershipId = membershipIdOfInvoice(invoice);
    if (!membershipId) return null;
    const plan: DuesSyncPlan = { membershipId };
    await this.addInvoiceFacts(plan, invoice);
    const subscription = invoice.parent?.subscription_details?.subscription;
    if (subscription && typeof subscription !== 'string') {
      const snapshot = subscriptionSnapshot(subscription, retrievedAt);
      if (snapshot?.membershipId === membershipId) plan.subscription = snapshot;
    }
    return plan;
  }

  private async addInvoiceFacts(plan: DuesSyncPlan, invoice: Stripe.Invoice): Promise<void> {
    if (invoice.status === 'paid') {
      const intentId = paymentIntentIdOfInvoice(invoice);
      const intent = intentId ? await this.paymentIntent(intentId) : null;
      plan.paid = invoicePaidFacts(invoice, intent) ?? undefined;
    } else {
      plan.failure = invoiceFailureFacts(invoice) ?? undefined;
    }
  }

  private paymentIntent(id: string): Promise<Stripe.PaymentIntent> {
    return this.gateway.call('read payment', (s) => s.paymentIntents.retrieve(id, { expand: ['latest_charge'] }));
  }
}
