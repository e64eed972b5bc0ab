import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateReconcileRuns1796900000001 implements MigrationInterface {
  name = 'CreateReconcileRuns1796900000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "dues_reconcile_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "trigger" text NOT NULL, "actor_id" uuid, "started_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "report" jsonb NOT NULL, CONSTRAINT "dues_reconcile_runs_trigger_check" CHECK (trigger IN ('MANUAL', 'SCHEDULED')), CONSTRAINT "PK_dues_reconcile_runs" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "dues_reconcile_runs_finished_idx" ON "dues_reconcile_runs" ("finished_at") `);
    await queryRunner.query(`ALTER TABLE "dues_reconcile_runs" ADD CONSTRAINT "FK_79db8c0e656327dd00e6a45587b" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "dues_reconcile_runs" DROP CONSTRAINT "FK_79db8c0e656327dd00e6a45587b"`);
    await queryRunner.query(`DROP INDEX "public"."dues_reconcile_runs_finished_idx"`);
    await queryRunner.query(`DROP TABLE "dues_reconcile_runs"`);
  }
}
