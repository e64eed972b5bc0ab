import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Account flows (issue 12): emailed link tokens (reset, claim, verification, email change), their
 * request throttle, verified emails, what the sessions list shows, association settings, and an HTML
 * alternative for outbox email. Accounts that exist now keep an unverified email, except admins
 * (made by whoever runs the server); with `requireVerifiedEmail` off (the default) nothing changes for them.
 */
export class AddAccountFlows1796100000001 implements MigrationInterface {
  name = 'AddAccountFlows1796100000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "account_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "purpose" text NOT NULL, "token_hash" text NOT NULL, "email" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "account_tokens_purpose_check" CHECK (purpose IN ('PASSWORD_RESET', 'ACCOUNT_CLAIM', 'EMAIL_VERIFICATION', 'EMAIL_CHANGE')), CONSTRAINT "PK_account_tokens" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "account_tokens_hash_uq" ON "account_tokens" ("token_hash")`);
    await queryRunner.query(`CREATE INDEX "account_tokens_user_idx" ON "account_tokens" ("user_id", "purpose", "created_at")`);
    await queryRunner.query(`ALTER TABLE "account_tokens" ADD CONSTRAINT "FK_1b5fea09efc20c7f63c4a09b3d6" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`CREATE TABLE "account_email_requests" ("id" BIGSERIAL NOT NULL, "email" text NOT NULL, "client_address" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_account_email_requests" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "account_email_requests_email_idx" ON "account_email_requests" ("email", "created_at")`);
    await queryRunner.query(`CREATE INDEX "account_email_requests_address_idx" ON "account_email_requests" ("client_address", "created_at")`);
    await queryRunner.query(`ALTER TABLE "users" ADD "email_verified_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`UPDATE "users" SET "email_verified_at" = "created_at" WHERE "role" = 'ADMIN'`);
    await queryRunner.query(`ALTER TABLE "sessions" ADD "last_used_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
    await queryRunner.query(`UPDATE "sessions" s SET "last_used_at" = coalesce((SELECT max(t.created_at) FROM refresh_tokens t WHERE t.session_id = s.id), s.created_at)`);
    await queryRunner.query(`ALTER TABLE "sessions" ADD "user_agent" text`);
    await queryRunner.query(`ALTER TABLE "sessions" ADD "client_address" text`);
    await queryRunner.query(`CREATE TABLE "association_settings" ("id" boolean NOT NULL DEFAULT true, "name" text NOT NULL DEFAULT 'Guildhall', "require_verified_email" boolean NOT NULL DEFAULT false, "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "association_settings_single_row_check" CHECK (id), CONSTRAINT "PK_association_settings" PRIMARY KEY ("id"))`);
    await queryRunner.query(`INSERT INTO "association_settings" ("id") VALUES (true)`);
    await queryRunner.query(`ALTER TABLE "outbox_messages" ADD "body_html" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_messages" DROP COLUMN "body_html"`);
    await queryRunner.query(`DROP TABLE "association_settings"`);
    await queryRunner.query(`ALTER TABLE "sessions" DROP COLUMN "client_address"`);
    await queryRunner.query(`ALTER TABLE "sessions" DROP COLUMN "user_agent"`);
    await queryRunner.query(`ALTER TABLE "sessions" DROP COLUMN "last_used_at"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "email_verified_at"`);
    await queryRunner.query(`DROP TABLE "account_email_requests"`);
    await queryRunner.query(`DROP TABLE "account_tokens"`);
  }
}
