import { Inject } from '@nestjs/common';
import { Args, ArgsType, Field, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Authenticated, ConnectionArgs, mapNodes, CurrentRequest, Public, type RequestContext, unauthenticated, VIEWER_LOOKUP, type ViewerLookup } from '../../../core/src/index.js';
import { SpaceAccess } from '../access/space-access.service.js';
import { DiscussionsLoader } from '../discussions.loader.js';
import { LiveFanout, type LiveSignal } from '../live/live-fanout.js';
import { Post } from '../types/post.type.js';
import { Space } from '../types/space.type.js';
import { NotificationDelivery } from './notification.enums.js';
import { Notification, NotificationConnection, NotificationPreference } from './notification.type.js';
import { NotificationsRepository } from './notifications.repository.js';
import { NotificationsService } from './notifications.service.js';

@ArgsType()
class NotificationsArgs extends ConnectionArgs {
  @Field(() => Boolean, { nullable: true, description: 'Only those not yet read.' }) @IsOptional() @IsBoolean() unreadOnly?: boolean;
}

@ArgsType()
class MarkReadArgs {
  @Field(() => [ID], { nullable: true, description: 'Which of your notifications (at most 100); null marks all of them read.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  ids?: string[] | null;
}

@ArgsType()
class PreferenceArgs {
  @Field({ description: 'A NotificationKind: MENTION, REPLY, NEW_THREAD or MODERATION.' }) @IsString() @MaxLength(40) kind: string;
  @Field(() => NotificationDelivery) @IsEnum(NotificationDelivery) delivery: NotificationDelivery;
}

@ArgsType()
class FollowArgs {
  @Field(() => ID) @IsUUID() spaceId: string;
  @Field({ description: 'true follows, false stops following.' }) @IsBoolean() follow: boolean;
}

/** Each person's own notifications: every operation is about the viewer, and needs one. */
@Resolver(() => Notification)
export class NotificationsResolver {
  constructor(
    private readonly service: NotificationsService,
    private readonly rows: NotificationsRepository,
    private readonly loaders: DiscussionsLoader,
    private readonly access: SpaceAccess,
    private readonly live: LiveFanout,
    @Inject(VIEWER_LOOKUP) private readonly viewers: ViewerLookup,
  ) {}

  @Authenticated()
  @Query(() => NotificationConnection, { description: 'Your notifications, newest first.' })
  async notifications(@Args() { first, after, unreadOnly }: NotificationsArgs, @CurrentRequest() ctx: RequestContext): Promise<NotificationConnection> {
    const page = await this.service.feed(ctx, first, after, unreadOnly ?? false);
    return mapNodes(page, (node) => Notification.from(node));
  }

  @Authenticated()
  @Query(() => Int, { description: 'How many of your notifications are unread.' })
  unreadNotificationCount(@CurrentRequest() ctx: RequestContext): Promise<number> {
    return this.service.unread(ctx);
  }

  @Authenticated()
  @Query(() => [NotificationPreference], { description: 'Your delivery setting for each kind (defaults included).' })
  notificationPreferences(@CurrentRequest() ctx: RequestContext): Promise<NotificationPreference[]> {
    return this.service.preferences(ctx);
  }

  @Authenticated()
  @Mutation(() => Int, { description: 'Marks your notifications read; answers how many changed.' })
  markNotificationsRead(@Args() { ids }: MarkReadArgs, @CurrentRequest() ctx: RequestContext): Promise<number> {
    return this.service.markRead(ctx, ids ?? null);
  }

  @Authenticated()
  @Mutation(() => Boolean, { description: 'How you hear of one kind of notification: IN_APP, EMAIL (at once), DIGEST (daily) or OFF.' })
  setNotificationPreference(@Args() { kind, delivery }: PreferenceArgs, @CurrentRequest() ctx: RequestContext): Promise<boolean> {
    return this.service.setPreference(ctx, kind, delivery);
  }

  @Authenticated()
  @Mutation(() => Boolean, { description: 'Follow a space you may read (new threads there notify you: NEW_THREAD), or stop. Answers whether you now follow it.' })
  followSpace(@Args() { spaceId, follow }: FollowArgs, @CurrentRequest() ctx: RequestContext): Promise<boolean> {
    return this.service.follow(ctx, spaceId, follow);
  }

  @Authenticated()
  @ResolveField(() => Post, { nullable: true, description: 'The post it is about; null when you may no longer read it.' })
  async post(@Parent() notification: Notification, @CurrentRequest() ctx: RequestContext): Promise<Post | null> {
    const post = await this.loaders.postById(ctx).load(notification.postId);
    const space = post && (await this.loaders.spaceById(ctx).load(post.spaceId));
    if (!post || !space || !(await this.access.rights(ctx, space)).read) return null;
    return Post.from(post);
  }

  @Authenticated()
  @Subscription(() => Notification, {
    description: 'Your new notifications, live (graphql-ws; token in connection_init).',
    async resolve(this: NotificationsResolver, signal: LiveSignal) {
      const [row] = await this.rows.findByIds([signal.id]);
      return Notification.from(row!);
    },
    filter(this: NotificationsResolver, _signal: LiveSignal, _args: unknown, ctx: RequestContext) {
      return this.stillSignedIn(ctx);
    },
  })
  async notificationAdded(@CurrentRequest() ctx: RequestContext): Promise<AsyncIterableIterator<LiveSignal>> {
    if (!ctx.viewer) throw unauthenticated();
    return this.live.iterator('notification', ctx.viewer.id);
  }

  /** Checked per event: the session behind the subscription must still be good. */
  private async stillSignedIn(ctx: RequestContext): Promise<boolean> {
    const token = /^Bearer (.+)$/.exec(String(ctx.req.headers.authorization ?? ''))?.[1];
    if (!token) return false;
    return this.viewers.viewerFromAccessToken(token).then((v) => v.id === ctx.viewer?.id, () => false);
  }
}

@Resolver(() => Space)
export class SpaceFollowResolver {
  constructor(private readonly service: NotificationsService) {}

  @Public()
  @ResolveField(() => Boolean, { description: 'The viewer follows this space (false when signed out).' })
  following(@Parent() space: Space, @CurrentRequest() ctx: RequestContext): Promise<boolean> {
    return this.service.following(ctx, space.id);
  }
}

