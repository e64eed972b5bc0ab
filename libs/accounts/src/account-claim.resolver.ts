import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { AdminOnly, CurrentRequest, CurrentViewer, Public, type RequestContext, type Viewer } from '../../core/src/index.js';
import { AccountClaimService } from './account-claim.service.js';
import { BrowserSessions } from './browser-sessions.js';
import { ClaimAccountArgs, SendAccountInvitationsArgs } from './inputs/account-flows.inputs.js';
import { sessionClientOf } from './session-client.js';
import { AccountInvitationResult } from './account-invitation.type.js';
import { AuthPayload } from './user.type.js';

@Resolver()
export class AccountClaimResolver {
  constructor(
    private readonly claims: AccountClaimService,
    private readonly browser: BrowserSessions,
  ) {}

  @AdminOnly()
  @Mutation(() => AccountInvitationResult, {
    description: 'Staff: emails unclaimed (imported, password-less) accounts a link (`/claim?token=…`, one use, 14 days) to set their password.',
  })
  sendAccountInvitations(@Args() args: SendAccountInvitationsArgs, @CurrentViewer() viewer: Viewer, @CurrentRequest() ctx: RequestContext): Promise<AccountInvitationResult> {
    return this.claims.invite(viewer, args, ctx.requestId);
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description: "Sets the password of an invited account with the link's token, marks its email verified and signs it in (a browser session gets the refresh token as a cookie, as with logIn).",
  })
  async claimAccount(@Args() { token, password }: ClaimAccountArgs, @CurrentRequest() ctx: RequestContext): Promise<AuthPayload> {
    const session = await this.claims.claim(token, password, sessionClientOf(ctx), ctx.requestId);
    // The payload's fields (e.g. `user.email`) are read as the account that just signed in.
    ctx.viewer = session.viewer;
    ctx.viewerPromise = Promise.resolve(session.viewer);
    // A browser session (X-Guildhall-Session: cookie) gets its refresh token as the cookie, as logIn does.
    return this.browser.deliver(ctx, session);
  }
}
