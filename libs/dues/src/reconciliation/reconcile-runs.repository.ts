import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DuesReconcileRunEntity } from '../entities/reconcile-run.entity.js';

@Injectable()
export class ReconcileRunsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo() {
    return this.dataSource.getRepository(DuesReconcileRunEntity);
  }

  async insert(run: Omit<DuesReconcileRunEntity, 'id' | 'actor'>): Promise<void> {
    await this.repo().save(this.repo().create(run));
  }

  /** The newest `limit` runs, newest first. */
  latest(limit: number): Promise<DuesReconcileRunEntity[]> {
    return this.repo().find({ order: { finishedAt: 'DESC', id: 'DESC' }, take: limit });
  }
}
