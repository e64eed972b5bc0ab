import { MigrationInterface, QueryRunner } from 'typeorm';

/** API tokens for integrations: stored as the SHA-256 of the secret, bounded by the owner (ON DELETE CASCADE with the account). */
export class CreateApiTokens1796300000001 implements MigrationInterface {
  name = 'CreateApiTokens1796300000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "api_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "name" text NOT NULL, "owner_id" uuid NOT NULL, "scopes" text array NOT NULL, "secret_hash" text NOT NULL, "secret_prefix" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "api_tokens_scopes_check" CHECK (cardinality(scopes) > 0 AND scopes <@ ARRAY['MEMBERSHIP_MANAGER', 'FINANCE', 'EVENT_MANAGER', 'CHECK_IN', 'MENTORING_COORDINATOR', 'COMMUNITY_MANAGER', 'READ_MEMBERS']::text[]), CONSTRAINT "api_tokens_kind_check" CHECK (kind IN ('PERSONAL', 'SERVICE')), CONSTRAINT "PK_c587455266b5fa8dace7194caac" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "api_tokens_secret_hash_uq" ON "api_tokens"  ("secret_hash") `);
    await queryRunner.query(`CREATE INDEX "api_tokens_created_idx" ON "api_tokens"  ("created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "api_tokens_owner_idx" ON "api_tokens"  ("owner_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "api_tokens" ADD CONSTRAINT "FK_54b406f537e7850ded555b9a5bd" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "api_tokens" DROP CONSTRAINT "FK_54b406f537e7850ded555b9a5bd"`);
    await queryRunner.query(`DROP INDEX "public"."api_tokens_owner_idx"`);
    await queryRunner.query(`DROP INDEX "public"."api_tokens_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."api_tokens_secret_hash_uq"`);
    await queryRunner.query(`DROP TABLE "api_tokens"`);
  }
}
