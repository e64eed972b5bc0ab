import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequiresVerifiedEmail } from '../../../accounts/src/index.js';
import { Authenticated, CurrentViewer, type Viewer } from '../../../core/src/index.js';
import { Membership } from '../../../members/src/index.js';
import { BillingPortalService } from './billing-portal.service.js';
import { CheckoutService } from './checkout.service.js';
import { BillingPortalArgs, CheckoutSession, ConfirmCheckoutArgs, StartDuesCheckoutArgs } from './checkout.types.js';

@Resolver()
export class CheckoutResolver {
  constructor(
    private readonly checkout: CheckoutService,
    private readonly portal: BillingPortalService,
  ) {}

  @Authenticated()
  @RequiresVerifiedEmail()
  @Mutation(() => CheckoutSession, {
    description:
      'The member only. PENDING_PAYMENT: the first payment. ACTIVE or GRACE without automatic renewal: renew now. Calling again returns the same open session.',
  })
  startDuesCheckout(@Args() args: StartDuesCheckoutArgs, @CurrentViewer() viewer: Viewer): Promise<CheckoutSession> {
    return this.checkout.start(viewer, args.membershipId, args.autoRenew ?? true);
  }

  @Authenticated()
  @Mutation(() => Membership, { description: 'The success page: applies the payment now if Stripe has it (the webhook does the same; whichever is first).' })
  confirmCheckout(@Args() { sessionId }: ConfirmCheckoutArgs, @CurrentViewer() viewer: Viewer): Promise<Membership> {
    return this.checkout.confirm(viewer, sessionId);
  }

  @Authenticated()
  @Mutation(() => String, { description: "A link to Stripe's customer portal (card, invoices, subscription)." })
  createBillingPortalSession(@Args() { returnUrl }: BillingPortalArgs, @CurrentViewer() viewer: Viewer): Promise<string> {
    return this.portal.create(viewer, returnUrl);
  }
}
