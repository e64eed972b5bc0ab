import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Authenticated, CurrentRequest, CurrentViewer, Public, type RequestContext, type Viewer } from '../../../core/src/index.js';
import { ConfirmErasureArgs, RequestErasureArgs } from './account-erasure.args.js';
import { AccountErasureService } from './account-erasure.service.js';

@Resolver()
export class AccountErasureResolver {
  constructor(private readonly erasure: AccountErasureService) {}

  @Authenticated()
  @Mutation(() => Boolean, {
    description: 'Your own account: sends a confirmation email. Staff (MEMBERSHIP_MANAGER): erases another account now. Refused while a membership is paid-up or pending, and for the last admin.',
  })
  requestAccountErasure(@Args() { userId }: RequestErasureArgs, @CurrentViewer() viewer: Viewer, @CurrentRequest() ctx: RequestContext): Promise<boolean> {
    return this.erasure.request(viewer, userId, ctx.requestId);
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Erases the account whose confirmation email holds this token (good once, for 24 hours).' })
  confirmAccountErasure(@Args() { token }: ConfirmErasureArgs, @CurrentRequest() ctx: RequestContext): Promise<boolean> {
    return this.erasure.confirm(token, ctx.requestId);
  }
}
