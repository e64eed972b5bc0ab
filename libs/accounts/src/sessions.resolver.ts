import { Args, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, CurrentRequest, CurrentViewer, type RequestContext, type Viewer } from '../../core/src/index.js';
import { MySessionsArgs, SessionIdArgs } from './inputs/account-flows.inputs.js';
import { Session, SessionConnection } from './session.type.js';
import { SessionsService } from './sessions.service.js';

@Resolver(() => Session)
export class SessionsResolver {
  constructor(private readonly sessions: SessionsService) {}

  @Authenticated()
  @Query(() => SessionConnection, { description: 'Your live sessions, newest first.' })
  mySessions(@Args() args: MySessionsArgs, @CurrentViewer() viewer: Viewer): Promise<SessionConnection> {
    return this.sessions.list(viewer, args);
  }

  @Authenticated()
  @Mutation(() => Boolean, { description: 'Ends one of your sessions (the current one too, if named). NOT_FOUND when it is not yours or has ended.' })
  endSession(@Args() { id }: SessionIdArgs, @CurrentViewer() viewer: Viewer, @CurrentRequest() ctx: RequestContext): Promise<boolean> {
    return this.sessions.end(viewer, id, ctx.requestId);
  }

  @Authenticated()
  @Mutation(() => Int, { description: 'Ends every session of your account except the current one (use logOut for that); how many ended.' })
  signOutEverywhere(@CurrentViewer() viewer: Viewer, @CurrentRequest() ctx: RequestContext): Promise<number> {
    return this.sessions.endOthers(viewer, ctx.requestId);
  }

  @Authenticated()
  @ResolveField(() => Boolean, { description: 'True for the session this request comes from.' })
  current(@Parent() session: Session, @CurrentViewer() viewer: Viewer): boolean {
    return session.id === viewer.sessionId;
  }
}
