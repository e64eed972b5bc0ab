import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddDiscussionNotifications1796400000002 implements MigrationInterface {
  name = 'AddDiscussionNotifications1796400000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "discussion_notification_preferences" ("user_id" uuid NOT NULL, "kind" text NOT NULL, "delivery" text NOT NULL, CONSTRAINT "discussion_notification_preferences_delivery_check" CHECK (delivery IN ('IN_APP', 'EMAIL', 'DIGEST', 'OFF')), CONSTRAINT "discussion_notification_preferences_kind_check" CHECK (kind IN ('MENTION', 'REPLY', 'NEW_THREAD', 'MODERATION')), CONSTRAINT "PK_0f6828dfae524f78c5ced9b2a93" PRIMARY KEY ("user_id", "kind"))`);
    await queryRunner.query(`CREATE TABLE "discussion_notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" text NOT NULL, "delivery" text NOT NULL, "post_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP(3) WITH TIME ZONE, "digested_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "discussion_notifications_delivery_check" CHECK (delivery IN ('IN_APP', 'EMAIL', 'DIGEST')), CONSTRAINT "discussion_notifications_kind_check" CHECK (kind IN ('MENTION', 'REPLY', 'NEW_THREAD', 'MODERATION')), CONSTRAINT "PK_94386b8f8d46be688251321ff34" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "discussion_notifications_digest_idx" ON "discussion_notifications"  ("created_at") WHERE delivery = 'DIGEST' AND digested_at IS NULL`);
    await queryRunner.query(`CREATE INDEX "discussion_notifications_unread_idx" ON "discussion_notifications"  ("user_id") WHERE read_at IS NULL`);
    await queryRunner.query(`CREATE INDEX "discussion_notifications_feed_idx" ON "discussion_notifications"  ("user_id", "created_at", "id") `);
    await queryRunner.query(`CREATE TABLE "discussion_space_follows" ("user_id" uuid NOT NULL, "space_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b3415f9942f50820f28e6474664" PRIMARY KEY ("user_id", "space_id"))`);
    await queryRunner.query(`CREATE INDEX "discussion_space_follows_space_idx" ON "discussion_space_follows"  ("space_id") `);
    await queryRunner.query(`ALTER TABLE "outbox_messages" ADD "reply_to" text`);
    await queryRunner.query(`ALTER TABLE "discussion_notification_preferences" ADD CONSTRAINT "FK_0c07d9c21672a0803bf7649a094" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "discussion_notifications" ADD CONSTRAINT "FK_fc3576196d82316e1b234be7735" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "discussion_notifications" ADD CONSTRAINT "FK_e280ed14919a5fa9325810afad6" FOREIGN KEY ("post_id") REFERENCES "discussion_posts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "discussion_space_follows" ADD CONSTRAINT "FK_004f2028a76c97cb56493eaa264" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "discussion_space_follows" ADD CONSTRAINT "FK_081211f5decf80bdc6d8463d5b0" FOREIGN KEY ("space_id") REFERENCES "discussion_spaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "discussion_space_follows" DROP CONSTRAINT "FK_081211f5decf80bdc6d8463d5b0"`);
    await queryRunner.query(`ALTER TABLE "discussion_space_follows" DROP CONSTRAINT "FK_004f2028a76c97cb56493eaa264"`);
    await queryRunner.query(`ALTER TABLE "discussion_notifications" DROP CONSTRAINT "FK_e280ed14919a5fa9325810afad6"`);
    await queryRunner.query(`ALTER TABLE "discussion_notifications" DROP CONSTRAINT "FK_fc3576196d82316e1b234be7735"`);
    await queryRunner.query(`ALTER TABLE "discussion_notification_preferences" DROP CONSTRAINT "FK_0c07d9c21672a0803bf7649a094"`);
    await queryRunner.query(`ALTER TABLE "outbox_messages" DROP COLUMN "reply_to"`);
    await queryRunner.query(`DROP INDEX "public"."discussion_space_follows_space_idx"`);
    await queryRunner.query(`DROP TABLE "discussion_space_follows"`);
    await queryRunner.query(`DROP INDEX "public"."discussion_notifications_feed_idx"`);
    await queryRunner.query(`DROP INDEX "public"."discussion_notifications_unread_idx"`);
    await queryRunner.query(`DROP INDEX "public"."discussion_notifications_digest_idx"`);
    await queryRunner.query(`DROP TABLE "discussion_notifications"`);
    await queryRunner.query(`DROP TABLE "discussion_notification_preferences"`);
  }
}
