import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Authenticated, CurrentRequest, CurrentViewer, Public, type RequestContext, type Viewer } from '../../core/src/index.js';
import { AuthService, IssuedSession } from './auth.service.js';
import { ChangePasswordArgs, LogInInput, RefreshTokenArgs, SignUpInput } from './inputs/auth.inputs.js';
import { sessionClientOf } from './session-client.js';
import { AuthPayload } from './user.type.js';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Mutation(() => AuthPayload, { description: 'Creates an account and signs it in.' })
  signUp(@Args('input') input: SignUpInput, @CurrentRequest() ctx: RequestContext): Promise<AuthPayload> {
    return signedInAs(ctx, this.auth.signUp(input, sessionClientOf(ctx)));
  }

  @Public()
  @Mutation(() => AuthPayload)
  logIn(@Args('input') input: LogInInput, @CurrentRequest() ctx: RequestContext): Promise<AuthPayload> {
    return signedInAs(ctx, this.auth.logIn(input, sessionClientOf(ctx)));
  }

  @Public()
  @Mutation(() => AuthPayload, { description: 'Trades a refresh token for a new pair. Reusing a spent one ends the session.' })
  refreshSession(@Args() args: RefreshTokenArgs, @CurrentRequest() ctx: RequestContext): Promise<AuthPayload> {
    return signedInAs(ctx, this.auth.refresh(args.refreshToken));
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Ends the session the refresh token belongs to.' })
  logOut(@Args() args: RefreshTokenArgs): Promise<boolean> {
    return this.auth.logOut(args.refreshToken);
  }

  @Authenticated()
  @Mutation(() => Boolean, { description: 'Also ends every other session of the account.' })
  changePassword(@Args() args: ChangePasswordArgs, @CurrentViewer() viewer: Viewer): Promise<boolean> {
    return this.auth.changePassword(viewer, args.currentPassword, args.newPassword);
  }
}

/** The payload's fields (e.g. `user.email`) are read as the account that just signed in. */
async function signedInAs(ctx: RequestContext, issuing: Promise<IssuedSession>): Promise<AuthPayload> {
  const session = await issuing;
  ctx.viewer = session.viewer;
  ctx.viewerPromise = Promise.resolve(session.viewer);
  return session;
}
