import { Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AuditPersonalData } from './audit/audit-personal-data.js';
import { AuditResolver } from './audit/audit.resolver.js';
import { AuditService } from './audit/audit.service.js';
import { ViewerCache } from './auth/viewer-cache.js';
import { PgListener } from './database/pg-listener.js';
import { DomainEvents } from './domain-events/domain-events.js';
import { CoreRetention } from './personal-data/core-retention.js';
import { PersonalDataRegistry } from './personal-data/personal-data.registry.js';
import { RetentionRegistry } from './personal-data/retention.registry.js';
import { PassthroughExceptionFilter } from './graphql/passthrough.filter.js';
import { GraphQLValidationPipe } from './graphql/validation.pipe.js';
import { ExplorerController } from './explorer/explorer.controller.js';
import { HealthController } from './health/health.controller.js';
import { JobRegistry } from './jobs/job-registry.js';
import { JobRunnerService } from './jobs/job-runner.service.js';
import { WorkerHeartbeatsRepository } from './jobs/worker-heartbeats.repository.js';
import { LoggingModule } from './logging/logging.module.js';
import { MetricsController } from './metrics/metrics.controller.js';
import { MetricsSnapshotRepository } from './metrics/metrics-snapshot.repository.js';
import { MetricsService } from './metrics/metrics.service.js';
import { EmailDelivery } from './outbox/email-delivery.js';
import { OutboxPersonalData } from './outbox/outbox-personal-data.js';
import { OutboxResolver } from './outbox/outbox.resolver.js';
import { OutboxService } from './outbox/outbox.service.js';
import { ReportRegistry } from './reports/report-registry.js';
import { ReportsController } from './reports/reports.controller.js';
import { AssociationSettingsResolver } from './settings/association-settings.resolver.js';
import { AssociationSettingsService } from './settings/association-settings.service.js';
import { type AppConfig } from './config/app-config.js';
import { APP_CONFIG } from './config/config.module.js';
import { DATABASE_TARGET } from './database/database.module.js';
import { type DatabaseTarget } from './database/database-target.js';
import { dataDirKeys } from './secrets/data-dir-keys.js';
import { SecretBox } from './secrets/secret-box.js';
import { SecretsAtRest } from './secrets/secrets-at-rest.js';

/** Cross-cutting services every feature uses: audit, outbox, jobs, report registry, association settings, secrets at rest, validation, health (the auth guard lives with the accounts that feed it). */
@Global()
@Module({
  imports: [LoggingModule],
  controllers: [HealthController, ExplorerController, MetricsController, ReportsController],
  providers: [
    PgListener,
    ViewerCache,
    AuditService,
    AuditResolver,
    AuditPersonalData,
    DomainEvents,
    PersonalDataRegistry,
    RetentionRegistry,
    CoreRetention,
    OutboxService,
    OutboxResolver,
    OutboxPersonalData,
    EmailDelivery,
    JobRegistry,
    ReportRegistry,
    JobRunnerService,
    WorkerHeartbeatsRepository,
    MetricsService,
    MetricsSnapshotRepository,
    AssociationSettingsService,
    AssociationSettingsResolver,
    {
      provide: SecretBox,
      inject: [APP_CONFIG, DATABASE_TARGET],
      // Keys given win; the embedded server without them seals with a key kept in its data folder.
      useFactory: async (config: AppConfig, target: DatabaseTarget) =>
        new SecretBox(config.encryptionKeys.length || !target.embedded ? config.encryptionKeys : await dataDirKeys(target.embedded.dataDir)),
    },
    SecretsAtRest,
    { provide: APP_PIPE, useClass: GraphQLValidationPipe },
    { provide: APP_FILTER, useClass: PassthroughExceptionFilter },
  ],
  exports: [PgListener, ViewerCache, AuditService, DomainEvents, PersonalDataRegistry, RetentionRegistry, OutboxService, AssociationSettingsService, JobRegistry, ReportRegistry, JobRunnerService, MetricsService, SecretBox, SecretsAtRest, LoggingModule],
})
export class CoreModule {}
