import { MigrationInterface, QueryRunner } from 'typeorm';

/** Two-factor sign-in: TOTP factors, hashed recovery codes, the one-row security settings, and whether a session showed a second factor. */
export class AddTwoFactorSignIn1796300000003 implements MigrationInterface {
  name = 'AddTwoFactorSignIn1796300000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "account_totp" ("user_id" uuid NOT NULL, "secret" text NOT NULL, "confirmed_at" TIMESTAMP WITH TIME ZONE, "last_used_step" bigint, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c34c3df53e321ee081f0726f6eb" PRIMARY KEY ("user_id"))`);
    await queryRunner.query(`CREATE TABLE "totp_recovery_codes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "code_hash" text NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d7156f4a16f70eb55911ad41901" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "totp_recovery_codes_hash_uq" ON "totp_recovery_codes"  ("user_id", "code_hash") `);
    await queryRunner.query(`CREATE TABLE "security_settings" ("id" smallint NOT NULL DEFAULT '1', "totp_required_for" text array NOT NULL DEFAULT '{}', "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "security_settings_totp_required_for_check" CHECK (totp_required_for <@ ARRAY['ADMIN', 'MEMBERSHIP_MANAGER', 'FINANCE', 'EVENT_MANAGER', 'CHECK_IN', 'MENTORING_COORDINATOR', 'COMMUNITY_MANAGER']::text[]), CONSTRAINT "security_settings_single_row_check" CHECK (id = 1), CONSTRAINT "PK_4aec436cf81177ae97a1bcec3c7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`INSERT INTO "security_settings" ("id") VALUES (1)`);
    await queryRunner.query(`ALTER TABLE "sessions" ADD "second_factor_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "account_totp" ADD CONSTRAINT "FK_c34c3df53e321ee081f0726f6eb" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "totp_recovery_codes" ADD CONSTRAINT "FK_7b5306af9f656dd4651b0f814b8" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "totp_recovery_codes" DROP CONSTRAINT "FK_7b5306af9f656dd4651b0f814b8"`);
    await queryRunner.query(`ALTER TABLE "account_totp" DROP CONSTRAINT "FK_c34c3df53e321ee081f0726f6eb"`);
    await queryRunner.query(`ALTER TABLE "sessions" DROP COLUMN "second_factor_at"`);
    await queryRunner.query(`DROP TABLE "security_settings"`);
    await queryRunner.query(`DROP INDEX "public"."totp_recovery_codes_hash_uq"`);
    await queryRunner.query(`DROP TABLE "totp_recovery_codes"`);
    await queryRunner.query(`DROP TABLE "account_totp"`);
  }
}
