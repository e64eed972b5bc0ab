import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * For the staff console: one record's audit trail (auditLog by targetType and targetId, newest first),
 * and the charts: joins by the membership's start, lapses by status change, CE credits by session start.
 */
export class AddStaffConsoleIndexes1796200000001 implements MigrationInterface {
  name = 'AddStaffConsoleIndexes1796200000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "audit_log_target_created_idx" ON "audit_log" ("target_type", "target_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "event_sessions_starts_idx" ON "event_sessions" ("starts_at") `);
    await queryRunner.query(`CREATE INDEX "memberships_started_idx" ON "memberships" ("started_at") `);
    await queryRunner.query(`CREATE INDEX "membership_status_changes_to_created_idx" ON "membership_status_changes" ("to_status", "created_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."membership_status_changes_to_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."memberships_started_idx"`);
    await queryRunner.query(`DROP INDEX "public"."event_sessions_starts_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_log_target_created_idx"`);
  }
}
