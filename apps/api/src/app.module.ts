import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule, CoreModule, DatabaseModule, GraphQLApiModule } from '../../../libs/core/src/index.js';
import { AccountsModule } from '../../../libs/accounts/src/index.js';
import { MembersModule } from '../../../libs/members/src/index.js';
import { PaymentsModule } from '../../../libs/payments/src/index.js';
import { DuesModule } from '../../../libs/dues/src/index.js';
import { EventsModule, EventsTranscriptSource } from '../../../libs/events/src/index.js';
import { MentoringModule, MentoringTranscriptSource } from '../../../libs/mentoring/src/index.js';
import { CreditsModule } from '../../../libs/credits/src/index.js';
import { CommunitiesModule } from '../../../libs/communities/src/index.js';
import { DiscussionsModule } from '../../../libs/discussions/src/index.js';
import { IntegrationsModule } from '../../../libs/integrations/src/index.js';
import { PrivacyModule } from '../../../libs/privacy/src/index.js';
import { ENTITIES, MIGRATIONS } from '../../../migrations/data-source.js';

/** Imports only: configuration, database, GraphQL, then one module per feature. */
@Module({})
export class AppModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        CoreModule,
        DatabaseModule.forRoot({ entities: ENTITIES, migrations: MIGRATIONS }),
        GraphQLApiModule,
        AccountsModule,
        MembersModule,
        PaymentsModule,
        DuesModule,
        EventsModule,
        MentoringModule,
        CommunitiesModule,
        DiscussionsModule,
        IntegrationsModule,
        PrivacyModule,
        CreditsModule.forRoot({ imports: [MentoringModule, EventsModule], sources: [MentoringTranscriptSource, EventsTranscriptSource] }),
      ],
    };
  }
}
