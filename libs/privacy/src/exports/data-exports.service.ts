import { randomBytes } from 'node:crypto';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  APP_CONFIG,
  type AppConfig,
  AuditService,
  enqueue,
  JobRegistry,
  notFound,
  OutboxService,
  PersonalDataRegistry,
  ROOT_LOGGER,
  type RootLogger,
  type Viewer,
} from '../../../core/src/index.js';
import { UsersService } from '../../../accounts/src/index.js';
import { buildArchive } from './data-export-archive.js';
import { DataExportEntity } from './data-export.entity.js';
import { DataExportsRepository } from './data-exports.repository.js';

export const BUILD_DATA_EXPORT_TASK = 'build-data-export';
const LINK_DAYS = 7;

/**
 * "Everything held about me": requested by the person (or staff for them, audited), built by the job
 * runner from every library's PersonalDataRegistry contribution into a ZIP, announced to the person by
 * email, and served once, to that person's own sign-in, for 7 days.
 */
@Injectable()
export class DataExportsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ROOT_LOGGER) private readonly logger: RootLogger,
    private readonly exports: DataExportsRepository,
    private readonly registry: PersonalDataRegistry,
    private readonly jobs: JobRegistry,
    private readonly outbox: OutboxService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(BUILD_DATA_EXPORT_TASK, (payload) => this.build((payload as { exportId: string }).exportId));
  }

  requestMine(viewer: Viewer): Promise<DataExportEntity> {
    return this.request(viewer, viewer.id, null);
  }

  async requestFor(viewer: Viewer, userId: string, requestId: string): Promise<DataExportEntity> {
    const [person] = await this.users.contacts([userId]);
    if (!person) throw notFound('User');
    return this.request(viewer, userId, requestId);
  }

  private request(viewer: Viewer, userId: string, staffRequestId: string | null): Promise<DataExportEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { export: row, created } = await this.exports.insertOrPending(manager, userId, viewer.id);
      if (created) await enqueue(manager, BUILD_DATA_EXPORT_TASK, { exportId: row.id }, { jobKey: `data-export:${row.id}`, maxAttempts: 3 });
      if (staffRequestId) {
        await this.audit.record(manager, { actorId: viewer.id, action: 'dataExport.request', targetType: 'User', targetId: userId, after: { exportId: row.id }, requestId: staffRequestId });
      }
      return row;
    });
  }

  async build(exportId: string): Promise<void> {
    const row = await this.exports.findById(exportId);
    if (!row || row.status !== 'PENDING') return;
    try {
      const archive = await buildArchive(await this.registry.exportAll(row.userId), new Date());
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(Date.now() + LINK_DAYS * 86_400_000);
      if (!(await this.exports.markReady(row.id, archive, token, expiresAt))) return;
      const [person] = await this.users.contacts([row.userId]);
      if (!person) return;
      await this.dataSource.transaction((manager) =>
        this.outbox.enqueue(manager, {
          to: person.email,
          recipientUserId: person.id,
          template: 'data-export-ready',
          subject: 'Your data export is ready',
          // The download needs the person's session (a bearer token a plain link cannot carry): the
          // email sends them to their privacy page, which offers it while it is valid.
          text: `Dear ${person.fullName},\n\nThe archive of everything we hold about you is ready. Sign in and download it from your privacy page:\n${this.config.publicUrl}/privacy\nwithin ${LINK_DAYS} days; the download works once.`,
          dedupeKey: `data-export-ready:${row.id}`,
        }),
      );
    } catch (error) {
      this.logger.error({ err: error, context: 'privacy', exportId }, 'A data export could not be built');
      await this.exports.markFailed(row.id, 'The archive could not be built; ask again');
    }
  }

  /** The archive, once, for the person it is about (no staff, no API token). */
  async download(viewer: Viewer, id: string, token: string): Promise<Buffer | undefined> {
    if (viewer.apiTokenId) return undefined;
    return this.exports.takeArchive(id, token, viewer.id);
  }

  listMine(viewer: Viewer): Promise<DataExportEntity[]> {
    return this.exports.listFor(viewer.id);
  }

  downloadUrl(id: string, token: string): string {
    return `${this.config.publicUrl}/exports/${id}/${token}`;
  }
}
