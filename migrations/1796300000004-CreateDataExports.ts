import { MigrationInterface, QueryRunner } from 'typeorm';

/** Personal data exports: one pending per person (partial unique index), the archive kept in the row for 7 days. */
export class CreateDataExports1796300000004 implements MigrationInterface {
  name = 'CreateDataExports1796300000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "data_exports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "requested_by" uuid NOT NULL, "status" text NOT NULL DEFAULT 'PENDING', "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "ready_at" TIMESTAMP WITH TIME ZONE, "expires_at" TIMESTAMP WITH TIME ZONE, "download_token" text, "downloaded_at" TIMESTAMP WITH TIME ZONE, "archive" bytea, "error" text, CONSTRAINT "data_exports_status_check" CHECK (status IN ('PENDING', 'READY', 'FAILED')), CONSTRAINT "PK_3e8b8b297ef4446f30527695c10" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "data_exports_one_pending_uq" ON "data_exports"  ("user_id") WHERE status = 'PENDING'`);
    await queryRunner.query(`CREATE INDEX "data_exports_user_idx" ON "data_exports"  ("user_id", "requested_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."data_exports_user_idx"`);
    await queryRunner.query(`DROP INDEX "public"."data_exports_one_pending_uq"`);
    await queryRunner.query(`DROP TABLE "data_exports"`);
  }
}
