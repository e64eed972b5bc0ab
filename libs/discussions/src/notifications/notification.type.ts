import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../../core/src/index.js';
import { type NotificationEntity } from '../entities/notification.entity.js';
import { NotificationDelivery, NotificationKind } from './notification.enums.js';

/** `post` is resolved per viewer (null once they may no longer read it). */
@ObjectType('Notification')
export class Notification {
  @Field(() => ID) id: string;
  @Field({ description: 'MENTION, REPLY, NEW_THREAD or MODERATION (see NotificationKind).' }) kind: string;
  @Field(() => Date, { nullable: true }) readAt: Date | null;
  @Field() createdAt: Date;
  postId: string;

  static from(e: NotificationEntity): Notification {
    return { id: e.id, kind: e.kind, readAt: e.readAt, createdAt: e.createdAt, postId: e.postId };
  }
}

@ObjectType()
export class NotificationConnection extends Connection(Notification) {}

@ObjectType('NotificationPreference')
export class NotificationPreference {
  @Field(() => NotificationKind) kind: NotificationKind;
  @Field(() => NotificationDelivery) delivery: NotificationDelivery;
}
