import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The member directory (and the admin members list without a search) pages people by name: ORDER BY full_name, id
 * LIMIT n. Without an index in that order PostgreSQL read and sorted every user for each page (1.2 s at 500,000
 * members, spilling to disk); with it, it walks the index and stops after the page.
 */
export class AddUsersNameIndex1797740000001 implements MigrationInterface {
  name = 'AddUsersNameIndex1797740000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "users_name_idx" ON "users" ("full_name", "id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."users_name_idx"`);
  }
}
