import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDiscussions1796400000001 implements MigrationInterface {
  name = 'CreateDiscussions1796400000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "discussion_spaces" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "place_id" uuid, "title" text NOT NULL, "description" text, "members_only" boolean NOT NULL DEFAULT true, "questions_and_answers" boolean NOT NULL DEFAULT false, "created_by_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "discussion_spaces_place_check" CHECK ((kind = 'FORUM') = (place_id IS NULL)), CONSTRAINT "discussion_spaces_kind_check" CHECK (kind IN ('FORUM', 'STUDY_GROUP', 'COHORT', 'PAIR', 'EVENT')), CONSTRAINT "PK_5723b93e8d863c05d926cebb557" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "discussion_spaces_forums_idx" ON "discussion_spaces"  ("kind", "title", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "discussion_spaces_place_uq" ON "discussion_spaces"  ("kind", "place_id") WHERE place_id IS NOT NULL`);
    await queryRunner.query(`CREATE TABLE "discussion_threads" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "space_id" uuid NOT NULL, "author_id" uuid, "title" text NOT NULL, "pinned" boolean NOT NULL DEFAULT false, "locked" boolean NOT NULL DEFAULT false, "answer_post_id" uuid, "last_post_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a818837c00396f71200df3103f8" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "discussion_threads_space_page_idx" ON "discussion_threads"  ("space_id", "pinned", "last_post_at", "id") `);
    await queryRunner.query(`CREATE TABLE "discussion_posts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "thread_id" uuid NOT NULL, "space_id" uuid NOT NULL, "author_id" uuid, "body" text NOT NULL, "html" text NOT NULL, "quoted_post_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "edited_at" TIMESTAMP(3) WITH TIME ZONE, "deleted_at" TIMESTAMP(3) WITH TIME ZONE, "hidden_at" TIMESTAMP(3) WITH TIME ZONE, "hidden_by_id" uuid, "search_vector" tsvector, CONSTRAINT "discussion_posts_body_length_check" CHECK (char_length(body) <= 20000), CONSTRAINT "PK_1bfc0860cd9175674a2b7983833" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "discussion_posts_author_idx" ON "discussion_posts"  ("author_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "discussion_posts_space_idx" ON "discussion_posts"  ("space_id") `);
    await queryRunner.query(`CREATE INDEX "discussion_posts_thread_page_idx" ON "discussion_posts"  ("thread_id", "created_at", "id") `);
    await queryRunner.query(`CREATE TABLE "discussion_post_revisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "post_id" uuid NOT NULL, "body" text NOT NULL, "edited_by_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d85ebda144fe3bd5d721f7010fb" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "discussion_post_revisions_post_idx" ON "discussion_post_revisions"  ("post_id", "created_at", "id") `);
    await queryRunner.query(`CREATE TABLE "discussion_post_reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "post_id" uuid NOT NULL, "reporter_id" uuid NOT NULL, "reason" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "resolved_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_4c0aec023515513d527706f2a79" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "discussion_post_reports_open_idx" ON "discussion_post_reports"  ("resolved_at", "created_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "discussion_post_reports_open_uq" ON "discussion_post_reports"  ("post_id", "reporter_id") WHERE resolved_at IS NULL`);
    await queryRunner.query(`CREATE TABLE "discussion_mentions" ("post_id" uuid NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b9b845b90433aaf1cfc9c10bd78" PRIMARY KEY ("post_id", "user_id"))`);
    await queryRunner.query(`CREATE INDEX "discussion_mentions_user_idx" ON "discussion_mentions"  ("user_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "discussion_posting_windows" ("user_id" uuid NOT NULL, "window_started_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "posts" integer NOT NULL, CONSTRAINT "PK_6fe3893a5c8326a9b10d042a0a8" PRIMARY KEY ("user_id"))`);
    await queryRunner.query(`CREATE TABLE "discussion_reactions" ("post_id" uuid NOT NULL, "user_id" uuid NOT NULL, "kind" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "discussion_reactions_kind_check" CHECK (kind IN ('LIKE', 'THANKS', 'INSIGHTFUL', 'CELEBRATE', 'QUESTION')), CONSTRAINT "PK_7f6a779dd890ecf26de33ef0fb1" PRIMARY KEY ("post_id", "user_id", "kind"))`);
    await queryRunner.query(`CREATE INDEX "discussion_reactions_user_idx" ON "discussion_reactions"  ("user_id") `);
    await queryRunner.query(`ALTER TABLE "discussion_spaces" ADD CONSTRAINT "FK_10fcd1712c4e2080b4609c217d5" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "discussion_threads" ADD CONSTRAINT "FK_3fd8cc0c7c45ed45e1554f44723" FOREIGN KEY ("space_id") REFERENCES "discussion_spaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "discussion_threads" ADD CONSTRAINT "FK_6925ca722ce9ed3dbe63a123198" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "discussion_posts" ADD CONSTRAINT "FK_0b0950535a2571b4f375db7b4ae" FOREIGN KEY ("thread_id") REFERENCES "discussion_threads"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "discussion_posts" ADD CONSTRAINT "FK_ff473c2243b28fa24cde06b9486" FOREIGN KEY ("space_id") REFERENCES "discussion_spaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "discussion_posts" ADD CONSTRAINT "FK_5861d03c3859af8f7b40032ef08" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "discussion_posts" ADD CONSTRAINT "FK_687a43d6b2fc9839a2b3edd0dda" FOREIGN KEY ("quoted_post_id") REFERENCES "discussion_posts"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "discussion_post_revisions" ADD CONSTRAINT "FK_3bfb10a1b26a1c2749abd2b6043" FOREIGN KEY ("post_id") REFERENCES "discussion_posts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "discussion_post_reports" ADD CONSTRAINT "FK_f5611d8164f3113ee5041153225" FOREIGN KEY ("post_id") REFERENCES "discussion_posts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "discussion_post_reports" ADD CONSTRAINT "FK_2223fae0174b0e6439b4348bf6a" FOREIGN KEY ("reporter_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "discussion_mentions" ADD CONSTRAINT "FK_3c6b3caf6fe4598f3a8d519f7cc" FOREIGN KEY ("post_id") REFERENCES "discussion_posts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "discussion_mentions" ADD CONSTRAINT "FK_1f35dd1f7324f6db7b6d00df90d" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "discussion_posting_windows" ADD CONSTRAINT "FK_6fe3893a5c8326a9b10d042a0a8" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "discussion_reactions" ADD CONSTRAINT "FK_94baf344e0e1b00b71dfa8710da" FOREIGN KEY ("post_id") REFERENCES "discussion_posts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "discussion_reactions" ADD CONSTRAINT "FK_ec538c8e12ffe096886fe037603" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Search: a tsvector over the body (and, for a thread's opening post, the title, weighted higher),
    // kept by a trigger; the opening post is the one written with its thread (the same created_at).
    await queryRunner.query(`CREATE FUNCTION discussion_posts_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_vector :=
          setweight(to_tsvector('english', coalesce((SELECT t.title FROM discussion_threads t WHERE t.id = NEW.thread_id AND t.created_at = NEW.created_at), '')), 'A') ||
          setweight(to_tsvector('english', coalesce(NEW.body, '')), 'B');
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER discussion_posts_search_vector_trg BEFORE INSERT OR UPDATE OF body ON discussion_posts FOR EACH ROW EXECUTE FUNCTION discussion_posts_search_vector()`);
    await queryRunner.query(`CREATE INDEX "discussion_posts_search_idx" ON "discussion_posts" USING gin ("search_vector")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."discussion_posts_search_idx"`);
    await queryRunner.query(`DROP TRIGGER discussion_posts_search_vector_trg ON discussion_posts`);
    await queryRunner.query(`DROP FUNCTION discussion_posts_search_vector()`);
    await queryRunner.query(`ALTER TABLE "discussion_reactions" DROP CONSTRAINT "FK_ec538c8e12ffe096886fe037603"`);
    await queryRunner.query(`ALTER TABLE "discussion_reactions" DROP CONSTRAINT "FK_94baf344e0e1b00b71dfa8710da"`);
    await queryRunner.query(`ALTER TABLE "discussion_posting_windows" DROP CONSTRAINT "FK_6fe3893a5c8326a9b10d042a0a8"`);
    await queryRunner.query(`ALTER TABLE "discussion_mentions" DROP CONSTRAINT "FK_1f35dd1f7324f6db7b6d00df90d"`);
    await queryRunner.query(`ALTER TABLE "discussion_mentions" DROP CONSTRAINT "FK_3c6b3caf6fe4598f3a8d519f7cc"`);
    await queryRunner.query(`ALTER TABLE "discussion_post_reports" DROP CONSTRAINT "FK_2223fae0174b0e6439b4348bf6a"`);
    await queryRunner.query(`ALTER TABLE "discussion_post_reports" DROP CONSTRAINT "FK_f5611d8164f3113ee5041153225"`);
    await queryRunner.query(`ALTER TABLE "discussion_post_revisions" DROP CONSTRAINT "FK_3bfb10a1b26a1c2749abd2b6043"`);
    await queryRunner.query(`ALTER TABLE "discussion_posts" DROP CONSTRAINT "FK_687a43d6b2fc9839a2b3edd0dda"`);
    await queryRunner.query(`ALTER TABLE "discussion_posts" DROP CONSTRAINT "FK_5861d03c3859af8f7b40032ef08"`);
    await queryRunner.query(`ALTER TABLE "discussion_posts" DROP CONSTRAINT "FK_ff473c2243b28fa24cde06b9486"`);
    await queryRunner.query(`ALTER TABLE "discussion_posts" DROP CONSTRAINT "FK_0b0950535a2571b4f375db7b4ae"`);
    await queryRunner.query(`ALTER TABLE "discussion_threads" DROP CONSTRAINT "FK_6925ca722ce9ed3dbe63a123198"`);
    await queryRunner.query(`ALTER TABLE "discussion_threads" DROP CONSTRAINT "FK_3fd8cc0c7c45ed45e1554f44723"`);
    await queryRunner.query(`ALTER TABLE "discussion_spaces" DROP CONSTRAINT "FK_10fcd1712c4e2080b4609c217d5"`);
    await queryRunner.query(`DROP INDEX "public"."discussion_reactions_user_idx"`);
    await queryRunner.query(`DROP TABLE "discussion_reactions"`);
    await queryRunner.query(`DROP TABLE "discussion_posting_windows"`);
    await queryRunner.query(`DROP INDEX "public"."discussion_mentions_user_idx"`);
    await queryRunner.query(`DROP TABLE "discussion_mentions"`);
    await queryRunner.query(`DROP INDEX "public"."discussion_post_reports_open_uq"`);
    await queryRunner.query(`DROP INDEX "public"."discussion_post_reports_open_idx"`);
    await queryRunner.query(`DROP TABLE "discussion_post_reports"`);
    await queryRunner.query(`DROP INDEX "public"."discussion_post_revisions_post_idx"`);
    await queryRunner.query(`DROP TABLE "discussion_post_revisions"`);
    await queryRunner.query(`DROP INDEX "public"."discussion_posts_thread_page_idx"`);
    await queryRunner.query(`DROP INDEX "public"."discussion_posts_space_idx"`);
    await queryRunner.query(`DROP INDEX "public"."discussion_posts_author_idx"`);
    await queryRunner.query(`DROP TABLE "discussion_posts"`);
    await queryRunner.query(`DROP INDEX "public"."discussion_threads_space_page_idx"`);
    await queryRunner.query(`DROP TABLE "discussion_threads"`);
    await queryRunner.query(`DROP INDEX "public"."discussion_spaces_place_uq"`);
    await queryRunner.query(`DROP INDEX "public"."discussion_spaces_forums_idx"`);
    await queryRunner.query(`DROP TABLE "discussion_spaces"`);
  }
}
