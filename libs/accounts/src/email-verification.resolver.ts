import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Authenticated, CurrentRequest, CurrentViewer, Public, type RequestContext, type Viewer } from '../../core/src/index.js';
import { EmailVerificationService } from './email-verification.service.js';
import { TokenArgs } from './inputs/account-flows.inputs.js';

@Resolver()
export class EmailVerificationResolver {
  constructor(private readonly verification: EmailVerificationService) {}

  @Public()
  @Mutation(() => Boolean, { description: "Verifies the account's email with the token of the link sent to it (`/verify-email?token=…`, 7 days)." })
  verifyEmail(@Args() { token }: TokenArgs, @CurrentRequest() ctx: RequestContext): Promise<boolean> {
    return this.verification.verify(token, ctx.requestId);
  }

  @Authenticated()
  @Mutation(() => Boolean, { description: 'Sends a new verification link (earlier ones stop working). False when the email is verified already; throttled.' })
  resendVerificationEmail(@CurrentViewer() viewer: Viewer, @CurrentRequest() ctx: RequestContext): Promise<boolean> {
    return this.verification.resend(viewer, ctx.clientAddress);
  }
}
