import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RetentionSettingsEntity } from './retention-settings.entity.js';

@Injectable()
export class RetentionSettingsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(RetentionSettingsEntity);
  }

  get(manager?: EntityManager): Promise<RetentionSettingsEntity> {
    return this.repo(manager).findOneByOrFail({ id: 1 });
  }

  lock(manager: EntityManager): Promise<RetentionSettingsEntity> {
    return this.repo(manager).createQueryBuilder('s').where('s.id = 1').setLock('pessimistic_write').getOneOrFail();
  }

  save(manager: EntityManager, settings: RetentionSettingsEntity): Promise<RetentionSettingsEntity> {
    return this.repo(manager).save(settings);
  }
}
