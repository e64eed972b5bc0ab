import { registerEnumType } from '@nestjs/graphql';

export enum NotificationKind {
  MENTION = 'MENTION',
  REPLY = 'REPLY',
  NEW_THREAD = 'NEW_THREAD',
  MODERATION = 'MODERATION',
}
export const NOTIFICATION_KINDS = Object.values(NotificationKind);
registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  valuesMap: {
    MENTION: { description: 'Someone mentioned you in a post.' },
    REPLY: { description: 'Someone replied to a thread you started.' },
    NEW_THREAD: { description: 'A new thread in a space you follow.' },
    MODERATION: { description: 'A moderator hid or restored a post of yours.' },
  },
});

export enum NotificationDelivery {
  IN_APP = 'IN_APP',
  EMAIL = 'EMAIL',
  DIGEST = 'DIGEST',
  OFF = 'OFF',
}
registerEnumType(NotificationDelivery, {
  name: 'NotificationDelivery',
  valuesMap: {
    IN_APP: { description: 'In the notification feed only.' },
    EMAIL: { description: 'In the feed, and an email at once.' },
    DIGEST: { description: 'In the feed, and in one daily digest email.' },
    OFF: { description: 'Not at all.' },
  },
});

/** Until a person says otherwise. */
export const DEFAULT_DELIVERY: Record<NotificationKind, NotificationDelivery> = {
  MENTION: NotificationDelivery.EMAIL,
  REPLY: NotificationDelivery.EMAIL,
  NEW_THREAD: NotificationDelivery.DIGEST,
  MODERATION: NotificationDelivery.EMAIL,
};
