import { applyDecorators, CanActivate, ExecutionContext, Injectable, UseGuards } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AppError, AssociationSettingsService, ErrorCode, type RequestContext } from '../../core/src/index.js';
import { EmailVerificationService } from './email-verification.service.js';

/**
 * The one check behind the association setting `requireVerifiedEmail`: while it is on, an account
 * whose email is not verified is refused (FORBIDDEN, reason EMAIL_NOT_VERIFIED) before the operation
 * runs, so nothing is written. Runs after the global auth guard, which has found the viewer.
 */
@Injectable()
export class VerifiedEmailGuard implements CanActivate {
  constructor(
    private readonly settings: AssociationSettingsService,
    private readonly verification: EmailVerificationService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const viewer = GqlExecutionContext.create(context).getContext<RequestContext>().viewer;
    if (!viewer) return true; // the auth guard has already decided who may call
    if (!(await this.settings.get()).requireVerifiedEmail) return true;
    if (await this.verification.isVerified(viewer.id)) return true;
    throw new AppError(ErrorCode.FORBIDDEN, 'Verify your email address first: use the link we sent you, or ask for a new one', {
      reason: 'EMAIL_NOT_VERIFIED',
    });
  }
}

/** Paying, applying, registering, joining: refused while the association requires a verified email and the viewer has none. */
export const RequiresVerifiedEmail = () => applyDecorators(UseGuards(VerifiedEmailGuard));
