import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RetentionRegistry } from './retention.registry.js';

/** Core's own tables under retention: outbox mail bodies, and audit entries (the append-only trigger lets only this purge delete). */
@Injectable()
export class CoreRetention implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: RetentionRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.addPurge('outboxBodies', async (cutoff) => {
      const [, changed]: [unknown[], number] = await this.dataSource.query(
        `UPDATE outbox_messages SET body_text = '(removed after the retention period)', body_html = NULL, attachments = NULL
          WHERE created_at < $1 AND status IN ('SENT', 'KEPT') AND (attachments IS NOT NULL OR body_html IS NOT NULL OR body_text <> '(removed after the retention period)')`,
        [cutoff],
      );
      return changed;
    });
    this.registry.addPurge('auditEntries', (cutoff) =>
      this.dataSource.transaction(async (manager) => {
        await manager.query(`SET LOCAL guildhall.audit_purge = 'on'`);
        const [, deleted]: [unknown[], number] = await manager.query(`DELETE FROM audit_log WHERE created_at < $1`, [cutoff]);
        return deleted;
      }),
    );
  }
}
