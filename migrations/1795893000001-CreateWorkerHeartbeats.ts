import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateWorkerHeartbeats1795893000001 implements MigrationInterface {
  name = 'CreateWorkerHeartbeats1795893000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "worker_heartbeats" ("process_id" text NOT NULL, "worker_ids" text array NOT NULL, "beat_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_372d5437525b5e6af0aa8f30c3a" PRIMARY KEY ("process_id"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "worker_heartbeats"`);
  }
}
