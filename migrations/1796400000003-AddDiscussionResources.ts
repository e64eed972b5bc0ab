import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddDiscussionResources1796400000003 implements MigrationInterface {
  name = 'AddDiscussionResources1796400000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "discussion_resources" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "space_id" uuid NOT NULL, "kind" text NOT NULL, "title" text NOT NULL, "url" text, "storage_key" text, "file_name" text, "content_type" text, "size_bytes" integer, "tags" text array NOT NULL DEFAULT '{}', "added_by_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "discussion_resources_shape_check" CHECK ((kind = 'LINK') = (url IS NOT NULL) AND (kind = 'FILE') = (storage_key IS NOT NULL)), CONSTRAINT "discussion_resources_kind_check" CHECK (kind IN ('LINK', 'FILE')), CONSTRAINT "PK_47f097d429f141d82edb77de0aa" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "discussion_resources_space_page_idx" ON "discussion_resources"  ("space_id", "created_at", "id") `);
    await queryRunner.query(`ALTER TABLE "discussion_resources" ADD CONSTRAINT "FK_cc8699799bbeeea7d42a3e8e43d" FOREIGN KEY ("space_id") REFERENCES "discussion_spaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "discussion_resources" ADD CONSTRAINT "FK_fb27ce91d1f625ed9024545a51a" FOREIGN KEY ("added_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "discussion_resources" DROP CONSTRAINT "FK_fb27ce91d1f625ed9024545a51a"`);
    await queryRunner.query(`ALTER TABLE "discussion_resources" DROP CONSTRAINT "FK_cc8699799bbeeea7d42a3e8e43d"`);
    await queryRunner.query(`DROP INDEX "public"."discussion_resources_space_page_idx"`);
    await queryRunner.query(`DROP TABLE "discussion_resources"`);
  }
}
