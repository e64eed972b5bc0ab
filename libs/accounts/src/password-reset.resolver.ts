import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentRequest, Public, type RequestContext } from '../../core/src/index.js';
import { RequestPasswordResetArgs, ResetPasswordArgs } from './inputs/account-flows.inputs.js';
import { PasswordResetService } from './password-reset.service.js';

@Resolver()
export class PasswordResetResolver {
  constructor(private readonly resets: PasswordResetService) {}

  @Public()
  @Mutation(() => Boolean, {
    description:
      'Emails a link (`/reset-password?token=…`, one use, one hour) if an account has this email. Always true, whether or not one does; TOO_MANY_REQUESTS when asked too often.',
  })
  requestPasswordReset(@Args() { email }: RequestPasswordResetArgs, @CurrentRequest() ctx: RequestContext): Promise<boolean> {
    return this.resets.request(email, ctx.clientAddress);
  }

  @Public()
  @Mutation(() => Boolean, { description: "Sets the password with the link's token and ends every session of the account (sign in again after)." })
  resetPassword(@Args() { token, newPassword }: ResetPasswordArgs, @CurrentRequest() ctx: RequestContext): Promise<boolean> {
    return this.resets.reset(token, newPassword, ctx.requestId);
  }
}
