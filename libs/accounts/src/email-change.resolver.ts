import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Authenticated, CurrentRequest, CurrentViewer, Public, type RequestContext, type Viewer } from '../../core/src/index.js';
import { EmailChangeService } from './email-change.service.js';
import { RequestEmailChangeArgs, TokenArgs } from './inputs/account-flows.inputs.js';

@Resolver()
export class EmailChangeResolver {
  constructor(private readonly changes: EmailChangeService) {}

  @Authenticated()
  @Mutation(() => Boolean, {
    description:
      'Emails the new address a link (`/confirm-email?token=…`, one use, 24 hours) and tells the old one; the email changes only when the link is used. CONFLICT when an account has the new address.',
  })
  requestEmailChange(@Args() args: RequestEmailChangeArgs, @CurrentViewer() viewer: Viewer, @CurrentRequest() ctx: RequestContext): Promise<boolean> {
    return this.changes.request(viewer, args.newEmail, args.currentPassword, ctx.clientAddress, ctx.requestId);
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Switches the email with the token of the confirmation link. CONFLICT (EMAIL_TAKEN) when another account took the address meanwhile.' })
  confirmEmailChange(@Args() { token }: TokenArgs, @CurrentRequest() ctx: RequestContext): Promise<boolean> {
    return this.changes.confirm(token, ctx.requestId);
  }
}
