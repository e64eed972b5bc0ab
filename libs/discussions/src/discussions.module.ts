import { Module } from '@nestjs/common';
import { join } from 'node:path';
import { APP_CONFIG, type AppConfig } from '../../core/src/index.js';
import { CommunitiesModule } from '../../communities/src/index.js';
import { EventsModule } from '../../events/src/index.js';
import { MembersModule } from '../../members/src/index.js';
import { MentoringModule } from '../../mentoring/src/index.js';
import { SpaceAccess } from './access/space-access.service.js';
import { DiscussionsLoader } from './discussions.loader.js';
import { ForumsService } from './forums.service.js';
import { PostAddedResolver } from './live/post-added.resolver.js';
import { PreviewMarkdownResolver } from './markdown/preview.resolver.js';
import { LiveFanout } from './live/live-fanout.js';
import { ModerationRepository } from './moderation.repository.js';
import { CohortSpaceResolver, EventSpaceResolver, PairSpaceResolver, StudyGroupSpaceResolver } from './place-spaces.resolver.js';
import { DigestService } from './notifications/digest.service.js';
import { InboundEmailController } from './notifications/inbound-email.controller.js';
import { InboundEmailService } from './notifications/inbound-email.service.js';
import { InboundMessagesRepository } from './notifications/inbound-messages.repository.js';
import { DiscussionsPersonalDataRepository } from './privacy/discussions-personal-data.repository.js';
import { NotificationsRepository } from './notifications/notifications.repository.js';
import { NotificationsResolver, SpaceFollowResolver } from './notifications/notifications.resolver.js';
import { NotificationsService } from './notifications/notifications.service.js';
import { Notifier } from './notifications/notifier.js';
import { PlaceDirectory } from './places/place-directory.js';
import { SearchRepository } from './search/search.repository.js';
import { SearchResolver } from './search/search.resolver.js';
import { FileStorage, LocalFolderStorage } from './resources/file-storage.js';
import { ResourcesController } from './resources/resources.controller.js';
import { ResourcesRepository } from './resources/resources.repository.js';
import { ResourcesResolver, SpaceResourcesResolver } from './resources/resources.resolver.js';
import { ResourcesService } from './resources/resources.service.js';
import { S3Storage } from './resources/s3-storage.js';
import { PostComposer } from './post-composer.js';
import { PostsRepository } from './posts.repository.js';
import { PostsResolver, QuotedPostResolver } from './posts.resolver.js';
import { PostsService } from './posts.service.js';
import { ReactionsRepository } from './reactions.repository.js';
import { SpacesRepository } from './spaces.repository.js';
import { SpacesResolver } from './spaces.resolver.js';
import { ThreadsRepository } from './threads.repository.js';
import { ThreadsResolver } from './threads.resolver.js';
import { ThreadsService } from './threads.service.js';

/**
 * Online communities: discussion spaces (forums, and the spaces of study groups, cohorts, pairs and
 * events), threads, posts, reactions and moderation. Who may read and post is asked of the features
 * that own each place (their rosters) and of members (good standing).
 */
@Module({
  imports: [MembersModule, CommunitiesModule, MentoringModule, EventsModule],
  controllers: [InboundEmailController, ResourcesController],
  providers: [
    SpacesRepository,
    PreviewMarkdownResolver,
    InboundMessagesRepository,
    DiscussionsPersonalDataRepository,
    ThreadsRepository,
    PostsRepository,
    ReactionsRepository,
    ModerationRepository,
    PlaceDirectory,
    DiscussionsLoader,
    SpaceAccess,
    PostComposer,
    ForumsService,
    ThreadsService,
    PostsService,
    SpacesResolver,
    ThreadsResolver,
    PostsResolver,
    QuotedPostResolver,
    StudyGroupSpaceResolver,
    CohortSpaceResolver,
    PairSpaceResolver,
    EventSpaceResolver,
    LiveFanout,
    PostAddedResolver,
    NotificationsRepository,
    Notifier,
    NotificationsService,
    NotificationsResolver,
    SpaceFollowResolver,
    DigestService,
    InboundEmailService,
    { provide: FileStorage, inject: [APP_CONFIG], useFactory: (config: AppConfig) => (config.s3 ? new S3Storage(config.s3) : new LocalFolderStorage(join(config.dataDir, 'files'))) },
    ResourcesRepository,
    ResourcesService,
    ResourcesResolver,
    SpaceResourcesResolver,
    SearchRepository,
    SearchResolver,
  ],
})
export class DiscussionsModule {}
