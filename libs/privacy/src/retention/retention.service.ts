import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, JobRegistry, RetentionRegistry, ROOT_LOGGER, type RootLogger, type Viewer } from '../../../core/src/index.js';
import { AccountErasureService } from '../erasure/account-erasure.service.js';
import { RetentionSettingsEntity } from './retention-settings.entity.js';
import { RetentionSettingsRepository } from './retention-settings.repository.js';
import { UpdateRetentionSettingsInput } from './retention.types.js';

export const APPLY_RETENTION_TASK = 'apply-retention';
const DAY_MS = 86_400_000;
/** People erased per daily run at most (the rest wait for the next day). */
const ERASURES_PER_RUN = 200;

export interface RetentionReport {
  lapsedMembersErased: number;
  outboxBodies: number;
  loginFailures: number;
  auditEntries: number;
}

/** The retention settings and the daily job that applies them, each library purging its own tables (RetentionRegistry). */
@Injectable()
export class RetentionService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ROOT_LOGGER) private readonly logger: RootLogger,
    private readonly settings: RetentionSettingsRepository,
    private readonly registry: RetentionRegistry,
    private readonly erasure: AccountErasureService,
    private readonly jobs: JobRegistry,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(APPLY_RETENTION_TASK, async () => {
      const report = await this.apply();
      this.logger.info({ context: 'privacy', ...report }, 'Retention applied');
    });
    this.jobs.schedule(APPLY_RETENTION_TASK, '23 3 * * *');
  }

  get(): Promise<RetentionSettingsEntity> {
    return this.settings.get();
  }

  async update(viewer: Viewer, input: UpdateRetentionSettingsInput, requestId: string): Promise<RetentionSettingsEntity> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.settings.lock(manager);
      const before = { ...current };
      if (input.lapsedMemberDays !== undefined) current.lapsedMemberDays = input.lapsedMemberDays;
      if (input.outboxBodyDays != null) current.outboxBodyDays = input.outboxBodyDays;
      if (input.loginFailureDays != null) current.loginFailureDays = input.loginFailureDays;
      if (input.auditEntryDays !== undefined) current.auditEntryDays = input.auditEntryDays;
      const saved = await this.settings.save(manager, current);
      await this.audit.record(manager, {
        actorId: viewer.id, action: 'retention.update', targetType: 'RetentionSettings', targetId: '1',
        before: days(before), after: days(saved), requestId,
      });
      return saved;
    });
  }

  async apply(now = new Date()): Promise<RetentionReport> {
    const s = await this.settings.get();
    const cutoff = (d: number) => new Date(now.getTime() - d * DAY_MS);
    let lapsedMembersErased = 0;
    if (s.lapsedMemberDays !== null) {
      for (const userId of await this.registry.erasureCandidates(cutoff(s.lapsedMemberDays), ERASURES_PER_RUN)) {
        if (await this.erasure.eraseForRetention(userId)) lapsedMembersErased++;
      }
    }
    return {
      lapsedMembersErased,
      outboxBodies: await this.registry.purge('outboxBodies', cutoff(s.outboxBodyDays)),
      loginFailures: await this.registry.purge('loginFailures', cutoff(s.loginFailureDays)),
      auditEntries: s.auditEntryDays === null ? 0 : await this.registry.purge('auditEntries', cutoff(s.auditEntryDays)),
    };
  }
}

function days(s: RetentionSettingsEntity) {
  return { lapsedMemberDays: s.lapsedMemberDays, outboxBodyDays: s.outboxBodyDays, loginFailureDays: s.loginFailureDays, auditEntryDays: s.auditEntryDays };
}
