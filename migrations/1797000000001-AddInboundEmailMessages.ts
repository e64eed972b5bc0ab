import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reply by email, idempotent: each inbound message id (the email's Message-ID) is recorded in the
 * transaction that writes its post; a second delivery of the same message hits the primary key.
 */
export class AddInboundEmailMessages1797000000001 implements MigrationInterface {
  name = 'AddInboundEmailMessages1797000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "discussion_inbound_messages" ("message_id" text NOT NULL, "post_id" uuid, "received_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "discussion_inbound_messages_pkey" PRIMARY KEY ("message_id"))`);
    await queryRunner.query(`ALTER TABLE "discussion_inbound_messages" ADD CONSTRAINT "discussion_inbound_messages_post_fk" FOREIGN KEY ("post_id") REFERENCES "discussion_posts"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "discussion_inbound_messages"`);
  }
}
