import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { badInput } from '../errors/app-error.js';
import { ConnectionShape, decodeTimeIdCursor, lazy, pageSize, toConnection } from '../graphql/connection.js';
import { AuditEntryEntity } from './audit-entry.entity.js';
import { AuditLogArgs } from './audit-entry.type.js';

export interface AuditRecord {
  actorId: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  before?: object | null;
  after?: object | null;
  requestId?: string | null;
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Writes the entry with the caller's transaction, so the record and its change commit together. */
  async record(manager: EntityManager, entry: AuditRecord): Promise<void> {
    await manager.query(
      `INSERT INTO audit_log (actor_id, action, target_type, target_id, before, after, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        entry.actorId,
        entry.action,
        entry.targetType,
        entry.targetId ?? null,
        entry.before ? JSON.stringify(entry.before) : null,
        entry.after ? JSON.stringify(entry.after) : null,
        entry.requestId ?? null,
      ],
    );
  }

  /** Newest first, keyset-paged on (created_at, id). */
  async list(args: AuditLogArgs): Promise<ConnectionShape<AuditEntryEntity>> {
    if (args.from && args.to && args.from >= args.to) throw badInput('to', 'must be after from');
    const first = pageSize(args.first);
    const filter = this.dataSource.getRepository(AuditEntryEntity).createQueryBuilder('a');
    if (args.action) filter.andWhere('a.action = :action', { action: args.action });
    if (args.actorId) filter.andWhere('a.actor_id = :actorId', { actorId: args.actorId });
    if (args.targetType) filter.andWhere('a.target_type = :targetType', { targetType: args.targetType });
    if (args.targetId) filter.andWhere('a.target_id = :targetId', { targetId: args.targetId });
    if (args.from) filter.andWhere('a.created_at >= :from', { from: args.from });
    if (args.to) filter.andWhere('a.created_at < :to', { to: args.to });
    const page = filter.clone();
    const after = decodeTimeIdCursor(args.after);
    if (after) page.andWhere('(a.created_at, a.id) < (:at::timestamptz, :id::uuid)', { at: after[0], id: after[1] });
    const rows = await page.orderBy('a.created_at', 'DESC').addOrderBy('a.id', 'DESC').limit(first + 1).getMany();
    return toConnection(rows, first, (r) => [r.createdAt.toISOString(), r.id], lazy(() => filter.getCount()));
  }
}
