import { MigrationInterface, QueryRunner } from 'typeorm';

/** Staff permissions narrower than ADMIN, held on the account so the viewer lookup reads them in its one statement. */
export class AddStaffPermissions1795895000001 implements MigrationInterface {
  name = 'AddStaffPermissions1795895000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "staff_permissions" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "users_staff_permissions_check" CHECK (staff_permissions <@ ARRAY['MEMBERSHIP_MANAGER', 'FINANCE', 'EVENT_MANAGER', 'CHECK_IN', 'MENTORING_COORDINATOR', 'COMMUNITY_MANAGER']::text[])`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "users_staff_permissions_check"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "staff_permissions"`);
  }
}
