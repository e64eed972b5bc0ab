import { MigrationInterface, QueryRunner } from 'typeorm';

/** Erasure requests a person confirms from their email (token stored as SHA-256). */
export class CreateErasureRequests1796300000005 implements MigrationInterface {
  name = 'CreateErasureRequests1796300000005';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "erasure_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_75acaa00d66ed88c38230c54505" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "erasure_requests_token_uq" ON "erasure_requests"  ("token_hash") `);
    await queryRunner.query(`CREATE INDEX "erasure_requests_user_idx" ON "erasure_requests"  ("user_id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."erasure_requests_user_idx"`);
    await queryRunner.query(`DROP INDEX "public"."erasure_requests_token_uq"`);
    await queryRunner.query(`DROP TABLE "erasure_requests"`);
  }
}
