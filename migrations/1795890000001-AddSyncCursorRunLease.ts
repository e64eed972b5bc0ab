import { MigrationInterface, QueryRunner } from 'typeorm';

/** A lease on a Stripe sync run (reconciliation): who runs it and until when, instead of a session advisory lock held on a pooled connection. */
export class AddSyncCursorRunLease1795890000001 implements MigrationInterface {
  name = 'AddSyncCursorRunLease1795890000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "stripe_sync_cursors" ADD "run_holder" uuid`);
    await queryRunner.query(`ALTER TABLE "stripe_sync_cursors" ADD "run_until" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "stripe_sync_cursors" DROP COLUMN "run_until"`);
    await queryRunner.query(`ALTER TABLE "stripe_sync_cursors" DROP COLUMN "run_holder"`);
  }
}
