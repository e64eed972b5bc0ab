import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DataExportEntity, DataExportState } from './data-export.entity.js';

/** `myDataExports` shows at most this many, newest first. */
export const MY_EXPORTS_CAP = 50;

@Injectable()
export class DataExportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(DataExportEntity);
  }

  /** A new pending export, or the person's pending one (the partial unique index allows one at a time). */
  async insertOrPending(manager: EntityManager, userId: string, requestedBy: string): Promise<{ export: DataExportEntity; created: boolean }> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO data_exports (user_id, requested_by) VALUES ($1, $2)
       ON CONFLICT (user_id) WHERE status = 'PENDING' DO NOTHING RETURNING id`,
      [userId, requestedBy],
    );
    const created = rows.length > 0;
    const found = created
      ? await this.repo(manager).findOneByOrFail({ id: rows[0].id })
      : await this.repo(manager).findOneByOrFail({ userId, status: DataExportState.PENDING });
    return { export: found, created };
  }

  findById(id: string): Promise<DataExportEntity | null> {
    return this.repo().findOneBy({ id });
  }

  async markReady(id: string, archive: Buffer, token: string, expiresAt: Date): Promise<boolean> {
    const [, changed]: [unknown[], number] = await this.dataSource.query(
      `UPDATE data_exports SET status = 'READY', ready_at = now(), expires_at = $2, download_token = $3, archive = $4 WHERE id = $1 AND status = 'PENDING'`,
      [id, expiresAt, token, archive],
    );
    return changed > 0;
  }

  async markFailed(id: string, error: string): Promise<void> {
    await this.dataSource.query(`UPDATE data_exports SET status = 'FAILED', error = $2 WHERE id = $1 AND status = 'PENDING'`, [id, error.slice(0, 500)]);
  }

  /** Spends the link: the archive once, for its own person, while it is fresh; undefined otherwise. */
  async takeArchive(id: string, token: string, userId: string): Promise<Buffer | undefined> {
    const [rows]: [Array<{ archive: Buffer }>, number] = await this.dataSource.query(
      `UPDATE data_exports SET downloaded_at = now()
        WHERE id = $1 AND download_token = $2 AND user_id = $3 AND status = 'READY' AND downloaded_at IS NULL AND expires_at > now()
        RETURNING archive`,
      [id, token, userId],
    );
    return rows[0]?.archive;
  }

  listFor(userId: string): Promise<DataExportEntity[]> {
    return this.repo().find({ where: { userId }, order: { requestedAt: 'DESC', id: 'DESC' }, take: MY_EXPORTS_CAP });
  }
}
