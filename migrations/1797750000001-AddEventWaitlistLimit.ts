import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An event may cap its waitlist: null (every existing event) keeps the queue unlimited, 0 means no
 * waitlist at all (registration closes with the last seat). Newcomers are refused once the queue holds
 * that many; people already in it keep their places (a lapsed offer still re-queues).
 */
export class AddEventWaitlistLimit1797750000001 implements MigrationInterface {
  name = 'AddEventWaitlistLimit1797750000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "events" ADD "waitlist_limit" integer`);
    await queryRunner.query(`ALTER TABLE "events" ADD CONSTRAINT "events_waitlist_limit_check" CHECK (waitlist_limit IS NULL OR waitlist_limit >= 0)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "events" DROP CONSTRAINT "events_waitlist_limit_check"`);
    await queryRunner.query(`ALTER TABLE "events" DROP COLUMN "waitlist_limit"`);
  }
}
