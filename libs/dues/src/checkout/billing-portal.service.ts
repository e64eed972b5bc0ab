import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, AppError, badInput, ErrorCode, type Viewer } from '../../../core/src/index.js';
import { StripeCustomersService, StripeGateway } from '../../../payments/src/index.js';
import { DuesErrorReason } from '../dues.errors.js';

/** Stripe's customer portal: cards, invoices, cancelling the subscription. */
@Injectable()
export class BillingPortalService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly gateway: StripeGateway,
    private readonly customers: StripeCustomersService,
  ) {}

  async create(viewer: Viewer, returnUrl: string | null | undefined): Promise<string> {
    const site = new URL(this.config.publicUrl);
    if (returnUrl && new URL(returnUrl).origin !== site.origin) throw badInput('returnUrl', `must be a page of ${site.origin}`);
    this.gateway.assertConfigured();
    const customer = await this.customers.customerIdOf(viewer.id);
    if (!customer) throw new AppError(ErrorCode.CONFLICT, 'There is no billing account yet: pay your dues first', { reason: DuesErrorReason.NO_BILLING_ACCOUNT });
    const session = await this.gateway.call('create billing portal session', (stripe) =>
      stripe.billingPortal.sessions.create({ customer, return_url: returnUrl ?? `${site.origin}/account/membership` }),
    );
    return session.url;
  }
}
