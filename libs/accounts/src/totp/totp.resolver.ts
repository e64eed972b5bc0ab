import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AdminOnly, Authenticated, CurrentRequest, CurrentViewer, type RequestContext, type Viewer } from '../../../core/src/index.js';
import { SecuritySettingsService } from './security-settings.service.js';
import { TotpService } from './totp.service.js';
import { SecuritySettings, SetTotpRequiredForArgs, TotpCodeArgs, TotpEnrollment, TwoFactorStatus } from './totp.types.js';

@Resolver()
export class TotpResolver {
  constructor(
    private readonly totp: TotpService,
    private readonly settings: SecuritySettingsService,
  ) {}

  @Authenticated()
  @Query(() => TwoFactorStatus, { description: 'Whether your account signs in with a second factor.' })
  myTwoFactor(@CurrentViewer() viewer: Viewer): Promise<TwoFactorStatus> {
    return this.totp.status(viewer);
  }

  @Authenticated()
  @Mutation(() => TotpEnrollment, { description: 'A new secret for your authenticator app; confirm it with confirmTotpEnrollment.' })
  startTotpEnrollment(@CurrentViewer() viewer: Viewer): Promise<TotpEnrollment> {
    return this.totp.startEnrollment(viewer);
  }

  @Authenticated()
  @Mutation(() => [String], { description: 'Turns two-factor sign-in on; answers ten one-time recovery codes, shown this once.' })
  confirmTotpEnrollment(@Args() { code }: TotpCodeArgs, @CurrentViewer() viewer: Viewer, @CurrentRequest() ctx: RequestContext): Promise<string[]> {
    return this.totp.confirmEnrollment(viewer, code, ctx.requestId, ctx.clientAddress);
  }

  @Authenticated()
  @Mutation(() => Boolean, { description: 'Turns it off; needs a current code or an unused recovery code.' })
  disableTotp(@Args() { code }: TotpCodeArgs, @CurrentViewer() viewer: Viewer, @CurrentRequest() ctx: RequestContext): Promise<boolean> {
    return this.totp.disable(viewer, code, ctx.requestId, ctx.clientAddress);
  }

  @AdminOnly()
  @Query(() => SecuritySettings)
  securitySettings(): Promise<SecuritySettings> {
    return this.settings.get();
  }

  @AdminOnly()
  @Mutation(() => SecuritySettings, { description: 'Admin: which staff rights need two-factor sign-in (audited).' })
  setTotpRequiredFor(@Args() { rights }: SetTotpRequiredForArgs, @CurrentViewer() viewer: Viewer, @CurrentRequest() ctx: RequestContext): Promise<SecuritySettings> {
    return this.settings.setTotpRequiredFor(viewer, rights, ctx.requestId);
  }
}
