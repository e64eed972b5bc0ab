// The discussions library's public surface: its module, enums and errors. Never its repositories or
// entities (DISCUSSIONS_ENTITIES is for the DataSource only).
export * from './discussions.module.js';
export * from './discussions.enums.js';
export * from './discussions.errors.js';

import { NotificationPreferenceEntity } from './entities/notification-preference.entity.js';
import { NotificationEntity } from './entities/notification.entity.js';
import { SpaceFollowEntity } from './entities/space-follow.entity.js';
import { ResourceEntity } from './entities/resource.entity.js';
import { MentionEntity } from './entities/mention.entity.js';
import { PostReportEntity } from './entities/post-report.entity.js';
import { PostRevisionEntity } from './entities/post-revision.entity.js';
import { PostEntity } from './entities/post.entity.js';
import { PostingWindowEntity } from './entities/posting-window.entity.js';
import { ReactionEntity } from './entities/reaction.entity.js';
import { SpaceEntity } from './entities/space.entity.js';
import { ThreadEntity } from './entities/thread.entity.js';
/** For the DataSource only. */
export const DISCUSSIONS_ENTITIES = [SpaceEntity, ThreadEntity, PostEntity, PostRevisionEntity, ReactionEntity, PostReportEntity, MentionEntity, PostingWindowEntity, NotificationEntity, NotificationPreferenceEntity, SpaceFollowEntity, ResourceEntity];
