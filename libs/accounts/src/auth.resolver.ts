import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { AppError, Authenticated, CurrentRequest, CurrentViewer, ErrorCode, Public, type RequestContext, type Viewer } from '../../core/src/index.js';
import { AuthService, IssuedSession } from './auth.service.js';
import { BrowserSessions } from './browser-sessions.js';
import { ChangePasswordArgs, LogInInput, RefreshTokenArgs, SignUpInput } from './inputs/auth.inputs.js';
import { sessionClientOf } from './session-client.js';
import { AuthPayload } from './user.type.js';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly browser: BrowserSessions,
  ) {}

  @Public()
  @Mutation(() => AuthPayload, { description: 'Creates an account and signs it in.' })
  signUp(@Args('input') input: SignUpInput, @CurrentRequest() ctx: RequestContext): Promise<AuthPayload> {
    return this.signedInAs(ctx, this.auth.signUp(input, sessionClientOf(ctx)));
  }

  @Public()
  @Mutation(() => AuthPayload)
  logIn(@Args('input') input: LogInInput, @CurrentRequest() ctx: RequestContext): Promise<AuthPayload> {
    return this.signedInAs(ctx, this.auth.logIn(input, sessionClientOf(ctx)));
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description: 'Trades a refresh token (the argument, or a browser session’s cookie) for a new pair. Reusing a spent one ends the session.',
  })
  async refreshSession(@Args() args: RefreshTokenArgs, @CurrentRequest() ctx: RequestContext): Promise<AuthPayload> {
    try {
      return await this.signedInAs(ctx, this.auth.refresh(this.browser.refreshTokenFor(ctx, args.refreshToken)));
    } catch (error) {
      if (error instanceof AppError && error.code === ErrorCode.UNAUTHENTICATED) this.browser.clear(ctx);
      throw error;
    }
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Ends the session the refresh token (the argument, or a browser session’s cookie) belongs to.' })
  async logOut(@Args() args: RefreshTokenArgs, @CurrentRequest() ctx: RequestContext): Promise<boolean> {
    try {
      return await this.auth.logOut(this.browser.refreshTokenFor(ctx, args.refreshToken));
    } finally {
      this.browser.clear(ctx);
    }
  }

  @Authenticated()
  @Mutation(() => Boolean, { description: 'Also ends every other session of the account.' })
  changePassword(@Args() args: ChangePasswordArgs, @CurrentViewer() viewer: Viewer): Promise<boolean> {
    return this.auth.changePassword(viewer, args.currentPassword, args.newPassword);
  }

  /** The payload's fields (e.g. `user.email`) are read as the account that just signed in. */
  private async signedInAs(ctx: RequestContext, issuing: Promise<IssuedSession>): Promise<AuthPayload> {
    const session = await issuing;
    ctx.viewer = session.viewer;
    ctx.viewerPromise = Promise.resolve(session.viewer);
    return this.browser.deliver(ctx, session);
  }
}
