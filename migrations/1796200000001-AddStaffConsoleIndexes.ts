import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * For the staff console: one record's audit trail (auditLog by targetType and targetId, newest first)
 * and the CE-credits chart (sessions by start across events).
 */
export class AddStaffConsoleIndexes1796200000001 implements MigrationInterface {
  name = 'AddStaffConsoleIndexes1796200000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "audit_log_target_created_idx" ON "audit_log" ("target_type", "target_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "event_sessions_starts_idx" ON "event_sessions" ("starts_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."event_sessions_starts_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_log_target_created_idx"`);
  }
}
