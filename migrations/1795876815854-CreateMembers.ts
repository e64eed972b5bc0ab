import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMembers1795876815854 implements MigrationInterface {
  name = 'CreateMembers1795876815854';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Membership tiers, memberships (one current per person), their periods and status history,
    // and the member profile with its directory search.
    await queryRunner.query(`CREATE TABLE "membership_tiers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "description" text, "price_amount" integer NOT NULL, "price_currency" character(3) NOT NULL, "billing_interval" text NOT NULL, "requires_approval" boolean NOT NULL DEFAULT false, "grace_period_days" integer NOT NULL DEFAULT '0', "event_discount_percent" integer NOT NULL DEFAULT '0', "active" boolean NOT NULL DEFAULT true, "sort_order" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "membership_tiers_discount_check" CHECK (event_discount_percent BETWEEN 0 AND 100), CONSTRAINT "membership_tiers_grace_check" CHECK (grace_period_days BETWEEN 0 AND 365), CONSTRAINT "membership_tiers_interval_check" CHECK (billing_interval IN ('YEAR', 'MONTH', 'LIFETIME')), CONSTRAINT "membership_tiers_currency_check" CHECK (price_currency ~ '^[A-Z]{3}$'), CONSTRAINT "membership_tiers_price_check" CHECK (price_amount >= 0), CONSTRAINT "PK_a0179193618912cc1ad6d3c2553" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "membership_tiers_name_uq" ON "membership_tiers"  ("name") `);
    await queryRunner.query(`CREATE TABLE "memberships" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "tier_id" uuid NOT NULL, "status" text NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE, "current_period_end" TIMESTAMP WITH TIME ZONE, "grace_ends_at" TIMESTAMP WITH TIME ZONE, "auto_renew" boolean NOT NULL DEFAULT false, "complimentary" boolean NOT NULL DEFAULT false, "cancelled_at" TIMESTAMP WITH TIME ZONE, "decline_reason" text, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "memberships_status_check" CHECK (status IN ('PENDING_APPROVAL', 'PENDING_PAYMENT', 'ACTIVE', 'GRACE', 'LAPSED', 'CANCELLED', 'DECLINED')), CONSTRAINT "PK_25d28bd932097a9e90495ede7b4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "memberships_status_period_end_idx" ON "memberships"  ("status", "current_period_end") `);
    await queryRunner.query(`CREATE INDEX "memberships_tier_status_idx" ON "memberships"  ("tier_id", "status") `);
    await queryRunner.query(`CREATE INDEX "memberships_user_created_idx" ON "memberships"  ("user_id", "created_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "memberships_one_current_per_user_uq" ON "memberships"  ("user_id") WHERE status IN ('PENDING_APPROVAL', 'PENDING_PAYMENT', 'ACTIVE', 'GRACE')`);
    await queryRunner.query(`CREATE TABLE "membership_periods" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "membership_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE, "source" text NOT NULL, "source_ref" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cf5a3049b1ff890548f0e734055" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "membership_periods_source_ref_uq" ON "membership_periods"  ("membership_id", "source_ref") WHERE source_ref IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "membership_periods_membership_idx" ON "membership_periods"  ("membership_id", "starts_at") `);
    await queryRunner.query(`CREATE TABLE "membership_status_changes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "membership_id" uuid NOT NULL, "from_status" text, "to_status" text NOT NULL, "actor_id" uuid, "reason" text, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_459e5517a1ae699b6069cbc5d35" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "membership_status_changes_created_idx" ON "membership_status_changes"  ("created_at", "to_status") `);
    await queryRunner.query(`CREATE INDEX "membership_status_changes_membership_idx" ON "membership_status_changes"  ("membership_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "users" ADD "headline" text`);
    await queryRunner.query(`ALTER TABLE "users" ADD "bio" text`);
    await queryRunner.query(`ALTER TABLE "users" ADD "location" text`);
    await queryRunner.query(`ALTER TABLE "users" ADD "employer" text`);
    await queryRunner.query(`ALTER TABLE "users" ADD "skills" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "users" ADD "directory_visible" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "users" ADD "search_vector" tsvector`);
    await queryRunner.query(`ALTER TABLE "memberships" ADD CONSTRAINT "FK_7c1e2fdfed4f6838e0c05ae5051" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "memberships" ADD CONSTRAINT "FK_37fe23a8905d80cdc77ece23fda" FOREIGN KEY ("tier_id") REFERENCES "membership_tiers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "membership_periods" ADD CONSTRAINT "FK_59b28a5e4493f839fbe6e0d61f3" FOREIGN KEY ("membership_id") REFERENCES "memberships"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "membership_status_changes" ADD CONSTRAINT "FK_f56d586c8ac1ecb2a805f23fc2e" FOREIGN KEY ("membership_id") REFERENCES "memberships"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Directory search: a tsvector over name (A), skills (B), headline (C) and location (D), kept by a
    // trigger (array_to_string is not immutable, so a generated column cannot hold it), GIN-indexed.
    await queryRunner.query(`CREATE FUNCTION users_search_vector_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_vector :=
          setweight(to_tsvector('simple', coalesce(NEW.full_name, '')), 'A') ||
          setweight(to_tsvector('simple', coalesce(array_to_string(NEW.skills, ' '), '')), 'B') ||
          setweight(to_tsvector('simple', coalesce(NEW.headline, '')), 'C') ||
          setweight(to_tsvector('simple', coalesce(NEW.location, '')), 'D');
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER users_search_vector BEFORE INSERT OR UPDATE OF full_name, headline, skills, location
      ON users FOR EACH ROW EXECUTE FUNCTION users_search_vector_refresh()`);
    await queryRunner.query(`UPDATE users SET full_name = full_name`);
    await queryRunner.query(`CREATE INDEX "users_search_idx" ON "users" USING GIN ("search_vector")`);
    await queryRunner.query(`CREATE INDEX "users_skills_idx" ON "users" USING GIN ("skills")`);
    await queryRunner.query(`CREATE INDEX "users_directory_name_idx" ON "users" ("full_name", "id") WHERE directory_visible`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "users_directory_name_idx"`);
    await queryRunner.query(`DROP INDEX "users_skills_idx"`);
    await queryRunner.query(`DROP INDEX "users_search_idx"`);
    await queryRunner.query(`DROP TRIGGER users_search_vector ON users`);
    await queryRunner.query(`DROP FUNCTION users_search_vector_refresh()`);
    await queryRunner.query(`ALTER TABLE "membership_status_changes" DROP CONSTRAINT "FK_f56d586c8ac1ecb2a805f23fc2e"`);
    await queryRunner.query(`ALTER TABLE "membership_periods" DROP CONSTRAINT "FK_59b28a5e4493f839fbe6e0d61f3"`);
    await queryRunner.query(`ALTER TABLE "memberships" DROP CONSTRAINT "FK_37fe23a8905d80cdc77ece23fda"`);
    await queryRunner.query(`ALTER TABLE "memberships" DROP CONSTRAINT "FK_7c1e2fdfed4f6838e0c05ae5051"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "search_vector"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "directory_visible"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "skills"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "employer"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "location"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "bio"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "headline"`);
    await queryRunner.query(`DROP INDEX "public"."membership_status_changes_membership_idx"`);
    await queryRunner.query(`DROP INDEX "public"."membership_status_changes_created_idx"`);
    await queryRunner.query(`DROP TABLE "membership_status_changes"`);
    await queryRunner.query(`DROP INDEX "public"."membership_periods_membership_idx"`);
    await queryRunner.query(`DROP INDEX "public"."membership_periods_source_ref_uq"`);
    await queryRunner.query(`DROP TABLE "membership_periods"`);
    await queryRunner.query(`DROP INDEX "public"."memberships_one_current_per_user_uq"`);
    await queryRunner.query(`DROP INDEX "public"."memberships_user_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."memberships_tier_status_idx"`);
    await queryRunner.query(`DROP INDEX "public"."memberships_status_period_end_idx"`);
    await queryRunner.query(`DROP TABLE "memberships"`);
    await queryRunner.query(`DROP INDEX "public"."membership_tiers_name_uq"`);
    await queryRunner.query(`DROP TABLE "membership_tiers"`);
  }
}
