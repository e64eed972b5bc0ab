import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AssociationSettingsEntity } from './association-settings.entity.js';
import { UpdateAssociationSettingsInput } from './association-settings.type.js';

/** The one owner of association-level settings (one row, made by the migration). */
@Injectable()
export class AssociationSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(manager?: EntityManager): Promise<AssociationSettingsEntity> {
    const row = await (manager ?? this.dataSource.manager).getRepository(AssociationSettingsEntity).findOneBy({ id: true });
    if (!row) throw new Error('association_settings has no row: run the migrations');
    return row;
  }

  /** Changes the given settings under a lock on the row, audited with what changed. */
  async update(actorId: string, input: UpdateAssociationSettingsInput, requestId: string): Promise<AssociationSettingsEntity> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(AssociationSettingsEntity);
      const before = await repo.createQueryBuilder('s').where('s.id').setLock('pessimistic_write').getOneOrFail();
      const changes: Partial<AssociationSettingsEntity> = {};
      if (input.name !== undefined && input.name !== before.name) changes.name = input.name;
      if (input.requireVerifiedEmail !== undefined && input.requireVerifiedEmail !== before.requireVerifiedEmail) {
        changes.requireVerifiedEmail = input.requireVerifiedEmail;
      }
      if (!Object.keys(changes).length) return before;
      await repo.update({ id: true }, changes);
      const beforeValues = Object.fromEntries(Object.keys(changes).map((k) => [k, before[k as keyof AssociationSettingsEntity]]));
      await this.audit.record(manager, {
        actorId,
        action: 'association.updateSettings',
        targetType: 'AssociationSettings',
        before: beforeValues,
        after: changes,
        requestId,
      });
      return repo.findOneByOrFail({ id: true });
    });
  }
}
