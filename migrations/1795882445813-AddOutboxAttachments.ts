import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddOutboxAttachments1795882445813 implements MigrationInterface {
  name = 'AddOutboxAttachments1795882445813';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_messages" ADD "attachments" jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_messages" DROP COLUMN "attachments"`);
  }
}
