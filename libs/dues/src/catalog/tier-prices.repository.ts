import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DuesTierPriceEntity } from '../entities/tier-price.entity.js';

@Injectable()
export class TierPricesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findByLookupKey(lookupKey: string): Promise<DuesTierPriceEntity | null> {
    return this.dataSource.getRepository(DuesTierPriceEntity).findOneBy({ lookupKey });
  }

  async tierIdOfPrice(stripePriceId: string, manager?: EntityManager): Promise<string | null> {
    const row = await (manager ?? this.dataSource.manager).getRepository(DuesTierPriceEntity).findOneBy({ stripePriceId });
    return row?.tierId ?? null;
  }

  async insert(row: Omit<DuesTierPriceEntity, 'id' | 'createdAt' | 'tier'>): Promise<void> {
    await this.dataSource.getRepository(DuesTierPriceEntity).createQueryBuilder().insert().values(row).orIgnore().execute();
  }
}
