import { MigrationInterface, QueryRunner } from 'typeorm';

/** Outgoing webhooks: endpoints, one delivery per event and endpoint (unique, so a retry never doubles it), and each attempt. */
export class CreateWebhooks1796300000002 implements MigrationInterface {
  name = 'CreateWebhooks1796300000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "webhook_endpoints" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "url" text NOT NULL, "description" text, "events" text array NOT NULL, "secret" text NOT NULL, "enabled" boolean NOT NULL DEFAULT true, "disabled_reason" text, "failing_since" TIMESTAMP WITH TIME ZONE, "created_by" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_054c4cfb95223732f5939d2d546" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "webhook_endpoints_created_idx" ON "webhook_endpoints"  ("created_at", "id") `);
    await queryRunner.query(`CREATE TABLE "webhook_deliveries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "endpoint_id" uuid NOT NULL, "event_id" uuid NOT NULL, "event_type" text NOT NULL, "body" text NOT NULL, "status" text NOT NULL DEFAULT 'PENDING', "attempts" integer NOT NULL DEFAULT '0', "retry_window_start" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "next_attempt_at" TIMESTAMP WITH TIME ZONE, "lease_until" TIMESTAMP WITH TIME ZONE, "last_status_code" integer, "last_error" text, "delivered_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "webhook_deliveries_status_check" CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')), CONSTRAINT "PK_535dd409947fb6d8fc6dfc0112a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "webhook_deliveries_endpoint_created_idx" ON "webhook_deliveries"  ("endpoint_id", "created_at", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "webhook_deliveries_event_uq" ON "webhook_deliveries"  ("endpoint_id", "event_id") `);
    await queryRunner.query(`CREATE TABLE "webhook_delivery_attempts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "delivery_id" uuid NOT NULL, "attempted_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "status_code" integer, "latency_ms" integer NOT NULL, "error" text, "response_excerpt" text, CONSTRAINT "PK_59ef9124585b56c18b98548a0c6" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "webhook_delivery_attempts_delivery_idx" ON "webhook_delivery_attempts"  ("delivery_id", "attempted_at") `);
    await queryRunner.query(`ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "FK_0b882c26a9b91c26e6e86b4867c" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoints"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "webhook_delivery_attempts" ADD CONSTRAINT "FK_647916c401c0c275df5f00c148f" FOREIGN KEY ("delivery_id") REFERENCES "webhook_deliveries"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "webhook_delivery_attempts" DROP CONSTRAINT "FK_647916c401c0c275df5f00c148f"`);
    await queryRunner.query(`ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "FK_0b882c26a9b91c26e6e86b4867c"`);
    await queryRunner.query(`DROP INDEX "public"."webhook_delivery_attempts_delivery_idx"`);
    await queryRunner.query(`DROP TABLE "webhook_delivery_attempts"`);
    await queryRunner.query(`DROP INDEX "public"."webhook_deliveries_event_uq"`);
    await queryRunner.query(`DROP INDEX "public"."webhook_deliveries_endpoint_created_idx"`);
    await queryRunner.query(`DROP TABLE "webhook_deliveries"`);
    await queryRunner.query(`DROP INDEX "public"."webhook_endpoints_created_idx"`);
    await queryRunner.query(`DROP TABLE "webhook_endpoints"`);
  }
}
