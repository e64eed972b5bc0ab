import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddMeetingRoleOffers1796600000001 implements MigrationInterface {
  name = 'AddMeetingRoleOffers1796600000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "meeting_role_offers" ("meeting_id" uuid NOT NULL, "role" text NOT NULL, "group_id" uuid NOT NULL, "from_user_id" uuid NOT NULL, "to_user_id" uuid NOT NULL, "in_return_role" text, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "meeting_role_offers_pkey" PRIMARY KEY ("meeting_id", "role"))`);
    await queryRunner.query(`CREATE INDEX "meeting_role_offers_to_user_idx" ON "meeting_role_offers"  ("to_user_id") `);
    await queryRunner.query(`ALTER TABLE "meeting_role_offers" ADD CONSTRAINT "FK_991c15b383b2194695d2f7be313" FOREIGN KEY ("meeting_id") REFERENCES "group_meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "meeting_role_offers" ADD CONSTRAINT "FK_27e60f639c83bbfba871647267b" FOREIGN KEY ("group_id") REFERENCES "study_groups"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "meeting_role_offers" ADD CONSTRAINT "FK_92bdc36365c30d333e18c29ab18" FOREIGN KEY ("from_user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "meeting_role_offers" ADD CONSTRAINT "FK_ffa9cbb205dfa5efeb2a753d3c7" FOREIGN KEY ("to_user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "meeting_role_offers" DROP CONSTRAINT "FK_ffa9cbb205dfa5efeb2a753d3c7"`);
    await queryRunner.query(`ALTER TABLE "meeting_role_offers" DROP CONSTRAINT "FK_92bdc36365c30d333e18c29ab18"`);
    await queryRunner.query(`ALTER TABLE "meeting_role_offers" DROP CONSTRAINT "FK_27e60f639c83bbfba871647267b"`);
    await queryRunner.query(`ALTER TABLE "meeting_role_offers" DROP CONSTRAINT "FK_991c15b383b2194695d2f7be313"`);
    await queryRunner.query(`DROP INDEX "public"."meeting_role_offers_to_user_idx"`);
    await queryRunner.query(`DROP TABLE "meeting_role_offers"`);
  }
}
