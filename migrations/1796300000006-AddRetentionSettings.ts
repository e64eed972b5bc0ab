import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention: one settings row with the defaults, and the audit log's append-only trigger now lets a
 * DELETE through only inside a transaction that set `guildhall.audit_purge` (the retention job alone does).
 */
export class AddRetentionSettings1796300000006 implements MigrationInterface {
  name = 'AddRetentionSettings1796300000006';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "retention_settings" ("id" smallint NOT NULL DEFAULT '1', "lapsed_member_days" integer, "outbox_body_days" integer NOT NULL DEFAULT '90', "login_failure_days" integer NOT NULL DEFAULT '30', "audit_entry_days" integer, "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "retention_settings_days_check" CHECK ((lapsed_member_days IS NULL OR lapsed_member_days >= 30) AND outbox_body_days >= 1 AND login_failure_days >= 1 AND (audit_entry_days IS NULL OR audit_entry_days >= 365)), CONSTRAINT "retention_settings_single_row_check" CHECK (id = 1), CONSTRAINT "PK_ba0941ea3e43235c88387d87aa8" PRIMARY KEY ("id"))`);
    await queryRunner.query(`INSERT INTO "retention_settings" ("id") VALUES (1)`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND current_setting('guildhall.audit_purge', true) = 'on' THEN RETURN NULL; END IF;
        RAISE EXCEPTION 'audit_log is append-only';
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`);
    await queryRunner.query(`DROP TABLE "retention_settings"`);
  }
}
