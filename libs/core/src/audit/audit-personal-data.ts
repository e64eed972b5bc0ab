import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PersonalDataRegistry } from '../personal-data/personal-data.registry.js';

/** The audit entries about a person (they are the target), for their data export. */
@Injectable()
export class AuditPersonalData implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: PersonalDataRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.addExporter('audit', async (userId) => ({
      area: 'audit',
      records: {
        entriesAboutYou: await this.dataSource.query(
          `SELECT id, created_at, action, target_type, target_id, after FROM audit_log WHERE target_id = $1 ORDER BY created_at LIMIT 10000`,
          [userId],
        ),
      },
    }));
  }
}
