import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type Stripe from 'stripe';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig, AppError, ErrorCode, forbidden, notFound, StaffPermission, type Viewer, viewerHasPermission } from '../../../core/src/index.js';
import { UsersService } from '../../../accounts/src/index.js';
import { MembershipChangesService, type MembershipRecord, type TierRecord, TiersService } from '../../../members/src/index.js';
import { PaymentPurpose, PURPOSE_METADATA_KEY, StripeCustomersService, StripeGateway } from '../../../payments/src/index.js';
import { stripeIntervalFor } from '../catalog/price-lookup-key.js';
import { TierCatalogService } from '../catalog/tier-catalog.service.js';
import { STRIPE_METADATA } from '../dues.constants.js';
import { DuesErrorReason } from '../dues.errors.js';
import { CheckoutMode, CheckoutStatus, DuesCheckoutSessionEntity } from '../entities/checkout-session.entity.js';
import { DuesSubscriptionsRepository } from '../subscriptions/dues-subscriptions.repository.js';
import { TierChangesRepository } from '../subscriptions/tier-changes.repository.js';
import { DuesSyncWriter } from '../sync/dues-sync-writer.service.js';
import { StripeReader } from '../sync/stripe-reader.service.js';
import { decideCheckout } from './checkout-rules.js';
import { CheckoutSessionsRepository } from './checkout-sessions.repository.js';
import { CheckoutSession } from './checkout.types.js';

/** A session this close to its expiry is not handed out again. */
const REUSE_MARGIN_MS = 10 * 60_000;

/**
 * Starting and confirming Checkout. Every call to Stripe carries an idempotency key derived from
 * our records (`dues-checkout:<membership>:<period>:<mode>:<price>:<attempt>`), so a retried call
 * (by the SDK or by the member) returns the same session instead of opening a second one.
 */
@Injectable()
export class CheckoutService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly gateway: StripeGateway,
    private readonly memberships: MembershipChangesService,
    private readonly tiers: TiersService,
    private readonly users: UsersService,
    private readonly customers: StripeCustomersService,
    private readonly catalog: TierCatalogService,
    private readonly sessions: CheckoutSessionsRepository,
    private readonly subscriptions: DuesSubscriptionsRepository,
    private readonly tierChanges: TierChangesRepository,
    private readonly reader: StripeReader,
    private readonly writer: DuesSyncWriter,
  ) {}

  async start(viewer: Viewer, membershipId: string, autoRenew: boolean): Promise<CheckoutSession> {
    const membership = await this.memberships.findById(membershipId);
    if (!membership || (membership.userId !== viewer.id && !viewerHasPermission(viewer, StaffPermission.MEMBERSHIP_MANAGER, StaffPermission.FINANCE))) throw notFound('Membership');
    if (membership.userId !== viewer.id) throw forbidden('Only the member can pay their own dues');
    this.gateway.assertConfigured();
    const tier = await this.tierToPay(membership);
    if (tier.priceAmount <= 0) throw new AppError(ErrorCode.CONFLICT, `The ${tier.name} tier has no dues`, { reason: DuesErrorReason.NOTHING_TO_PAY });
    const live = await this.subscriptions.liveFor(membership.id);
    const decision = decideCheckout({
      status: membership.status,
      currentPeriodEnd: membership.currentPeriodEnd,
      interval: tier.billingInterval,
      autoRenew,
      liveSubscription: live,
      now: new Date(),
    });
    const user = await this.users.findById(viewer.id);
    if (!user) throw notFound('User');
    const customer = await this.customers.ensureCustomer(user);
    const priceId = await this.catalog.priceFor(tier, stripeIntervalFor(tier.billingInterval, decision.mode === CheckoutMode.SUBSCRIPTION));
    const prefix = `dues-checkout:${membership.id}:${decision.periodLabel}:${decision.mode.toLowerCase()}:${priceId}`;

    const open = await this.sessions.openFor(membership.id);
    const reusable = open.find((s) => s.idempotencyKey.startsWith(`${prefix}:`) && s.expiresAt.getTime() - Date.now() > REUSE_MARGIN_MS);
    if (reusable?.url) return { id: reusable.stripeSessionId, url: reusable.url };
    // Only one way to pay at a time: any other open session is expired first, so the member cannot pay twice.
    for (const other of open) await this.closeSession(other);

    const idempotencyKey = `${prefix}:${await this.sessions.countWithKeyPrefix(`${prefix}:`)}`;
    const session = await this.gateway.call('create checkout session', (stripe) =>
      stripe.checkout.sessions.create(this.sessionParams(membership, tier, customer, priceId, decision.mode, decision.periodLabel), { idempotencyKey }),
    );
    if (!session.url) throw new AppError(ErrorCode.PAYMENT_PROVIDER_ERROR, 'Stripe returned a checkout session without a payment page', { retryable: true });
    await this.sessions.insert({
      stripeSessionId: session.id,
      idempotencyKey,
      membershipId: membership.id,
      userId: membership.userId,
      tierId: tier.id,
      mode: decision.mode,
      status: CheckoutStatus.OPEN,
      periodLabel: decision.periodLabel,
      amount: tier.priceAmount,
      currency: tier.priceCurrency,
      url: session.url,
      expiresAt: new Date(session.expires_at * 1000),
    });
    return { id: session.id, url: session.url };
  }

  /** The success page: the same fulfilment as the webhook, whichever comes first. */
  async confirm(viewer: Viewer, sessionId: string): Promise<MembershipRecord> {
    const local = await this.sessions.findByStripeId(sessionId);
    if (!local || (local.userId !== viewer.id && !viewerHasPermission(viewer, StaffPermission.FINANCE))) throw notFound('Checkout session');
    this.gateway.assertConfigured();
    const plan = await this.reader.checkoutSession(sessionId);
    if (plan) {
      const outcome = await this.dataSource.transaction((manager) => this.writer.apply(manager, plan));
      if (outcome.membership) return outcome.membership;
    }
    const membership = await this.memberships.findById(local.membershipId);
    if (!membership) throw notFound('Membership');
    return membership;
  }

  private async tierToPay(membership: MembershipRecord): Promise<TierRecord> {
    const pending = await this.tierChanges.pendingFor(membership.id);
    const tier = await this.tiers.findById(pending?.toTierId ?? membership.tierId);
    if (!tier) throw notFound('Membership tier');
    return tier;
  }

  private sessionParams(
    membership: MembershipRecord,
    tier: TierRecord,
    customer: string,
    price: string,
    mode: CheckoutMode,
    periodLabel: string,
  ): Stripe.Checkout.SessionCreateParams {
    // `purpose` routes the session's, subscription's and payment's events to dues (payments' dispatcher).
    const metadata = { [PURPOSE_METADATA_KEY]: PaymentPurpose.DUES, [STRIPE_METADATA.membership]: membership.id, [STRIPE_METADATA.tier]: tier.id, [STRIPE_METADATA.period]: periodLabel };
    const base = this.config.publicUrl.replace(/\/$/, '');
    return {
      mode: mode === CheckoutMode.SUBSCRIPTION ? 'subscription' : 'payment',
      customer,
      client_reference_id: membership.id,
      line_items: [{ price, quantity: 1 }],
      metadata,
      success_url: `${base}/membership/checkout/complete?session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${base}/membership/checkout/cancelled`,
      ...(mode === CheckoutMode.SUBSCRIPTION
        ? { subscription_data: { metadata } }
        : { payment_intent_data: { metadata, description: `${tier.name} membership dues` } }),
    };
  }

  /**
   * Expires an open session we no longer want. If Stripe says it is no longer open, it may have just
   * been paid: read it and apply what happened; if it was paid, refuse to open another.
   */
  private async closeSession(session: DuesCheckoutSessionEntity): Promise<void> {
    try {
      await this.gateway.raw((s) => s.checkout.sessions.expire(session.stripeSessionId, {}, { idempotencyKey: `dues-checkout-expire:${session.stripeSessionId}` }));
      await this.dataSource.transaction((manager) => this.sessions.advance(manager, session.stripeSessionId, CheckoutStatus.EXPIRED));
      return;
    } catch {
      // fall through: find out what became of it
    }
    const plan = await this.reader.checkoutSession(session.stripeSessionId);
    if (plan) await this.dataSource.transaction((manager) => this.writer.apply(manager, plan));
    if (plan?.session?.paid) {
      throw new AppError(ErrorCode.CONFLICT, 'These dues were just paid; there is nothing more to pay', { reason: DuesErrorReason.ALREADY_PAID });
    }
    if (plan?.session?.status === CheckoutStatus.OPEN) {
      throw new AppError(ErrorCode.PAYMENT_PROVIDER_ERROR, 'An earlier checkout could not be closed; please try again', { retryable: true });
    }
  }
}
