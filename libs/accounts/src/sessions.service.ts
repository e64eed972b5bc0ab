import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig, AuditService, type ConnectionShape, decodeTimeIdCursor, lazy, notFound, pageSize, toConnection, type Viewer } from '../../core/src/index.js';
import { SessionEntity } from './entities/session.entity.js';
import { SessionsRepository } from './sessions.repository.js';

/** The signed-in account's own sessions: list them, end one, end the others. */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionsRepository,
    private readonly audit: AuditService,
  ) {}

  /** Live sessions: not ended, and signed in or refreshed within the refresh-token lifetime. */
  async list(viewer: Viewer, args: { first?: number; after?: string }): Promise<ConnectionShape<SessionEntity>> {
    const first = pageSize(args.first);
    const ttl = this.config.refreshTokenTtlDays;
    const rows = await this.sessions.liveSessions(viewer.id, ttl, first + 1, decodeTimeIdCursor(args.after));
    return toConnection(rows, first, (s) => [s.createdAt.toISOString(), s.id], lazy(() => this.sessions.countLiveSessions(viewer.id, ttl)));
  }

  async end(viewer: Viewer, sessionId: string, requestId: string): Promise<true> {
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.sessions.revokeOwnSession(manager, viewer.id, sessionId, 'ended by the account'))) throw notFound('Session');
      await this.audit.record(manager, { actorId: viewer.id, action: 'account.sessionEnded', targetType: 'Session', targetId: sessionId, requestId });
    });
    return true;
  }

  /** Ends every session but the one asking; how many ended. */
  async endOthers(viewer: Viewer, requestId: string): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const ended = await this.sessions.revokeOthersCounted(manager, viewer.id, viewer.sessionId, 'signed out everywhere');
      await this.audit.record(manager, {
        actorId: viewer.id,
        action: 'account.signedOutEverywhere',
        targetType: 'User',
        targetId: viewer.id,
        after: { sessionsEnded: ended },
        requestId,
      });
      return ended;
    });
  }
}
