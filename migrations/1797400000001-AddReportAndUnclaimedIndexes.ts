import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * membersByStatusReport counts status changes by month, status moved to and status moved from: the created_at index
 * gains from_status so it answers that from the index alone (an index-only scan instead of every heap row).
 * The console's invitations screen and the invitation batches read unclaimed accounts (the import's placeholder
 * password hash) oldest first: a partial index holds only those, in (created_at, id) order, so the list, its count
 * and the batch lock read that small index instead of filtering every user.
 */
export class AddReportAndUnclaimedIndexes1797400000001 implements MigrationInterface {
  name = 'AddReportAndUnclaimedIndexes1797400000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."membership_status_changes_created_idx"`);
    await queryRunner.query(`CREATE INDEX "membership_status_changes_created_idx" ON "membership_status_changes" ("created_at", "to_status", "from_status") `);
    await queryRunner.query(`CREATE INDEX "users_unclaimed_created_idx" ON "users" ("created_at", "id") WHERE password_hash = '!imported:no-password'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."users_unclaimed_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."membership_status_changes_created_idx"`);
    await queryRunner.query(`CREATE INDEX "membership_status_changes_created_idx" ON "membership_status_changes" ("created_at", "to_status") `);
  }
}
