import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMentoring1795878312297 implements MigrationInterface {
  name = 'CreateMentoring1795878312297';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Mentoring: programs, cohorts, applications (one live per person, cohort and role), admins' locks
    // and exclusions, pairs (mentor slots 1..capacity held by a composite foreign key on the mentor
    // application's (id, capacity)), goals, check-ins with their CE credits, and feedback.
    await queryRunner.query(`CREATE TABLE "mentoring_programs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "description" text, "members_only" boolean NOT NULL DEFAULT false, "ce_credits_per_hour" numeric(5,2) NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "mentoring_programs_ce_rate_check" CHECK (ce_credits_per_hour >= 0 AND ce_credits_per_hour <= 10), CONSTRAINT "PK_48d22664ecb1a0fe7193c41349c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "mentoring_programs_name_uq" ON "mentoring_programs"  ("name") `);
    await queryRunner.query(`CREATE TABLE "mentoring_cohorts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "program_id" uuid NOT NULL, "name" text NOT NULL, "status" text NOT NULL DEFAULT 'DRAFT', "applications_close_at" TIMESTAMP WITH TIME ZONE, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "weight_topics" smallint NOT NULL, "weight_goals" smallint NOT NULL, "weight_experience_gap" smallint NOT NULL, "weight_timezone" smallint NOT NULL, "weight_format" smallint NOT NULL, "forbid_same_employer" boolean NOT NULL, "min_experience_gap_years" smallint NOT NULL, "allow_repeat_pairs" boolean NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "mentoring_cohorts_gap_check" CHECK (min_experience_gap_years BETWEEN 0 AND 50), CONSTRAINT "mentoring_cohorts_weights_check" CHECK (weight_topics BETWEEN 0 AND 10 AND weight_goals BETWEEN 0 AND 10 AND weight_experience_gap BETWEEN 0 AND 10 AND weight_timezone BETWEEN 0 AND 10 AND weight_format BETWEEN 0 AND 10), CONSTRAINT "mentoring_cohorts_dates_check" CHECK (ends_at > starts_at AND (applications_close_at IS NULL OR applications_close_at <= starts_at)), CONSTRAINT "mentoring_cohorts_status_check" CHECK (status IN ('DRAFT', 'APPLICATIONS_OPEN', 'MATCHING', 'ACTIVE', 'COMPLETED')), CONSTRAINT "PK_05c618d3a4cf707c13dc1e5aa62" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "mentoring_cohorts_status_idx" ON "mentoring_cohorts"  ("status", "ends_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "mentoring_cohorts_program_name_uq" ON "mentoring_cohorts"  ("program_id", "name") `);
    await queryRunner.query(`CREATE TABLE "mentoring_applications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cohort_id" uuid NOT NULL, "user_id" uuid NOT NULL, "role" text NOT NULL, "topics" text array NOT NULL, "goals" text, "years_of_experience" smallint NOT NULL, "timezone" text NOT NULL, "preferred_format" text NOT NULL, "capacity" smallint NOT NULL, "status" text NOT NULL DEFAULT 'SUBMITTED', "review_reason" text, "reviewed_at" TIMESTAMP WITH TIME ZONE, "reviewed_by_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "mentoring_applications_id_capacity_uq" UNIQUE ("id", "capacity"), CONSTRAINT "mentoring_applications_topics_check" CHECK (cardinality(topics) BETWEEN 1 AND 10), CONSTRAINT "mentoring_applications_experience_check" CHECK (years_of_experience BETWEEN 0 AND 70), CONSTRAINT "mentoring_applications_capacity_check" CHECK ((role = 'MENTOR' AND capacity BETWEEN 1 AND 5) OR (role = 'MENTEE' AND capacity = 1)), CONSTRAINT "mentoring_applications_format_check" CHECK (preferred_format IN ('VIDEO', 'IN_PERSON', 'EITHER')), CONSTRAINT "mentoring_applications_status_check" CHECK (status IN ('SUBMITTED', 'APPROVED', 'DECLINED', 'WITHDRAWN')), CONSTRAINT "mentoring_applications_role_check" CHECK (role IN ('MENTOR', 'MENTEE')), CONSTRAINT "PK_0fb3e4d95a6e3b2acea5b7230e3" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "mentoring_applications_user_idx" ON "mentoring_applications"  ("user_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "mentoring_applications_cohort_page_idx" ON "mentoring_applications"  ("cohort_id", "created_at", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "mentoring_applications_one_per_role_uq" ON "mentoring_applications"  ("cohort_id", "user_id", "role") WHERE status <> 'WITHDRAWN'`);
    await queryRunner.query(`CREATE TABLE "mentoring_pairs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cohort_id" uuid NOT NULL, "mentor_application_id" uuid NOT NULL, "mentor_capacity" smallint NOT NULL, "mentor_slot" smallint NOT NULL, "mentee_application_id" uuid NOT NULL, "mentor_user_id" uuid NOT NULL, "mentee_user_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'ACTIVE', "score" double precision NOT NULL, "breakdown" jsonb NOT NULL, "locked" boolean NOT NULL DEFAULT false, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_check_in_at" TIMESTAMP WITH TIME ZONE, "ended_at" TIMESTAMP WITH TIME ZONE, "end_reason" text, "ended_by_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "mentoring_pairs_ended_check" CHECK ((status = 'ACTIVE') = (ended_at IS NULL)), CONSTRAINT "mentoring_pairs_two_people_check" CHECK (mentor_user_id <> mentee_user_id), CONSTRAINT "mentoring_pairs_mentor_slot_check" CHECK (mentor_slot BETWEEN 1 AND mentor_capacity), CONSTRAINT "mentoring_pairs_status_check" CHECK (status IN ('ACTIVE', 'COMPLETED', 'ENDED_EARLY')), CONSTRAINT "PK_17b214a1f73e1bdd7489b88dc59" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "mentoring_pairs_status_idx" ON "mentoring_pairs"  ("status", "last_check_in_at") `);
    await queryRunner.query(`CREATE INDEX "mentoring_pairs_mentee_user_idx" ON "mentoring_pairs"  ("mentee_user_id") `);
    await queryRunner.query(`CREATE INDEX "mentoring_pairs_mentor_user_idx" ON "mentoring_pairs"  ("mentor_user_id") `);
    await queryRunner.query(`CREATE INDEX "mentoring_pairs_cohort_idx" ON "mentoring_pairs"  ("cohort_id", "created_at", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "mentoring_pairs_mentor_slot_uq" ON "mentoring_pairs"  ("mentor_application_id", "mentor_slot") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "mentoring_pairs_mentee_application_uq" ON "mentoring_pairs"  ("mentee_application_id") `);
    await queryRunner.query(`CREATE TABLE "mentoring_check_ins" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "pair_id" uuid NOT NULL, "logged_by_id" uuid NOT NULL, "happened_at" TIMESTAMP WITH TIME ZONE NOT NULL, "duration_minutes" smallint NOT NULL, "notes" text, "next_steps" text, "confirmed_at" TIMESTAMP WITH TIME ZONE, "confirmed_by_id" uuid, "credits" numeric(8,2), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "mentoring_check_ins_credits_check" CHECK (credits IS NULL OR credits >= 0), CONSTRAINT "mentoring_check_ins_other_side_check" CHECK (confirmed_by_id IS NULL OR confirmed_by_id <> logged_by_id), CONSTRAINT "mentoring_check_ins_confirmed_check" CHECK ((confirmed_at IS NULL) = (confirmed_by_id IS NULL) AND (confirmed_at IS NULL) = (credits IS NULL)), CONSTRAINT "mentoring_check_ins_duration_check" CHECK (duration_minutes BETWEEN 5 AND 480), CONSTRAINT "PK_0308fba7220ac4753102b25f124" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "mentoring_check_ins_pair_time_uq" ON "mentoring_check_ins"  ("pair_id", "happened_at") `);
    await queryRunner.query(`CREATE TABLE "mentoring_goals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "pair_id" uuid NOT NULL, "title" text NOT NULL, "description" text, "target_date" TIMESTAMP WITH TIME ZONE, "status" text NOT NULL DEFAULT 'OPEN', "completed_at" TIMESTAMP WITH TIME ZONE, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "mentoring_goals_completed_check" CHECK ((status = 'COMPLETED') = (completed_at IS NOT NULL)), CONSTRAINT "mentoring_goals_status_check" CHECK (status IN ('OPEN', 'COMPLETED', 'DROPPED')), CONSTRAINT "PK_79bbee785f797a35497ea281fb2" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "mentoring_goals_pair_idx" ON "mentoring_goals"  ("pair_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "mentoring_match_overrides" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cohort_id" uuid NOT NULL, "mentor_application_id" uuid NOT NULL, "mentee_application_id" uuid NOT NULL, "kind" text NOT NULL, "created_by_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "mentoring_match_overrides_kind_check" CHECK (kind IN ('LOCK', 'EXCLUDE')), CONSTRAINT "PK_46ea9cb1d414bf906ccfdd8cd04" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "mentoring_match_overrides_cohort_idx" ON "mentoring_match_overrides"  ("cohort_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "mentoring_match_overrides_one_lock_per_mentee_uq" ON "mentoring_match_overrides"  ("mentee_application_id") WHERE kind = 'LOCK'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "mentoring_match_overrides_pair_uq" ON "mentoring_match_overrides"  ("mentor_application_id", "mentee_application_id") `);
    await queryRunner.query(`CREATE TABLE "mentoring_pair_feedback" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "pair_id" uuid NOT NULL, "author_id" uuid NOT NULL, "rating" smallint NOT NULL, "good_fit" boolean NOT NULL, "comment" text, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "mentoring_pair_feedback_rating_check" CHECK (rating BETWEEN 1 AND 5), CONSTRAINT "PK_a699eec45696d321d9b4b0f2264" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "mentoring_pair_feedback_author_uq" ON "mentoring_pair_feedback"  ("pair_id", "author_id") `);
    await queryRunner.query(`ALTER TABLE "mentoring_cohorts" ADD CONSTRAINT "FK_16f8b05779a62d25bdc0e96c98d" FOREIGN KEY ("program_id") REFERENCES "mentoring_programs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mentoring_applications" ADD CONSTRAINT "FK_73844fd60428d69b94979710daf" FOREIGN KEY ("cohort_id") REFERENCES "mentoring_cohorts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mentoring_applications" ADD CONSTRAINT "FK_1e44d13146cd282ce7192285d04" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mentoring_pairs" ADD CONSTRAINT "FK_c39c5d644b478ecb1ec26290eda" FOREIGN KEY ("cohort_id") REFERENCES "mentoring_cohorts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mentoring_pairs" ADD CONSTRAINT "FK_c7632e32bd5e69e93b02c3f505b" FOREIGN KEY ("mentor_application_id", "mentor_capacity") REFERENCES "mentoring_applications"("id","capacity") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mentoring_pairs" ADD CONSTRAINT "FK_0d9a46f8298acbe128e6c166dea" FOREIGN KEY ("mentee_application_id") REFERENCES "mentoring_applications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mentoring_pairs" ADD CONSTRAINT "FK_afdf320f223c606a55191768701" FOREIGN KEY ("mentor_user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mentoring_pairs" ADD CONSTRAINT "FK_2464baa20c0e0be41a22692ec68" FOREIGN KEY ("mentee_user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mentoring_check_ins" ADD CONSTRAINT "FK_fe6e7a319a71bdda9c4b33921b3" FOREIGN KEY ("pair_id") REFERENCES "mentoring_pairs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mentoring_check_ins" ADD CONSTRAINT "FK_95e4859ae1a19dbdd32f8ffaf05" FOREIGN KEY ("logged_by_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mentoring_goals" ADD CONSTRAINT "FK_be788f6e97b26a0410ae0218901" FOREIGN KEY ("pair_id") REFERENCES "mentoring_pairs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mentoring_match_overrides" ADD CONSTRAINT "FK_f00461a527cb0a4c476cdf120e4" FOREIGN KEY ("cohort_id") REFERENCES "mentoring_cohorts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mentoring_match_overrides" ADD CONSTRAINT "FK_a670d54be384499f4a7aee9aeb1" FOREIGN KEY ("mentor_application_id") REFERENCES "mentoring_applications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mentoring_match_overrides" ADD CONSTRAINT "FK_5a117fba22cd5ac07af50e63091" FOREIGN KEY ("mentee_application_id") REFERENCES "mentoring_applications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mentoring_pair_feedback" ADD CONSTRAINT "FK_c6b990f5a1aceb57cdb2680987e" FOREIGN KEY ("pair_id") REFERENCES "mentoring_pairs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mentoring_pair_feedback" ADD CONSTRAINT "FK_0df884c7e0d3befbca81c9086b4" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "mentoring_pair_feedback" DROP CONSTRAINT "FK_0df884c7e0d3befbca81c9086b4"`);
    await queryRunner.query(`ALTER TABLE "mentoring_pair_feedback" DROP CONSTRAINT "FK_c6b990f5a1aceb57cdb2680987e"`);
    await queryRunner.query(`ALTER TABLE "mentoring_match_overrides" DROP CONSTRAINT "FK_5a117fba22cd5ac07af50e63091"`);
    await queryRunner.query(`ALTER TABLE "mentoring_match_overrides" DROP CONSTRAINT "FK_a670d54be384499f4a7aee9aeb1"`);
    await queryRunner.query(`ALTER TABLE "mentoring_match_overrides" DROP CONSTRAINT "FK_f00461a527cb0a4c476cdf120e4"`);
    await queryRunner.query(`ALTER TABLE "mentoring_goals" DROP CONSTRAINT "FK_be788f6e97b26a0410ae0218901"`);
    await queryRunner.query(`ALTER TABLE "mentoring_check_ins" DROP CONSTRAINT "FK_95e4859ae1a19dbdd32f8ffaf05"`);
    await queryRunner.query(`ALTER TABLE "mentoring_check_ins" DROP CONSTRAINT "FK_fe6e7a319a71bdda9c4b33921b3"`);
    await queryRunner.query(`ALTER TABLE "mentoring_pairs" DROP CONSTRAINT "FK_2464baa20c0e0be41a22692ec68"`);
    await queryRunner.query(`ALTER TABLE "mentoring_pairs" DROP CONSTRAINT "FK_afdf320f223c606a55191768701"`);
    await queryRunner.query(`ALTER TABLE "mentoring_pairs" DROP CONSTRAINT "FK_0d9a46f8298acbe128e6c166dea"`);
    await queryRunner.query(`ALTER TABLE "mentoring_pairs" DROP CONSTRAINT "FK_c7632e32bd5e69e93b02c3f505b"`);
    await queryRunner.query(`ALTER TABLE "mentoring_pairs" DROP CONSTRAINT "FK_c39c5d644b478ecb1ec26290eda"`);
    await queryRunner.query(`ALTER TABLE "mentoring_applications" DROP CONSTRAINT "FK_1e44d13146cd282ce7192285d04"`);
    await queryRunner.query(`ALTER TABLE "mentoring_applications" DROP CONSTRAINT "FK_73844fd60428d69b94979710daf"`);
    await queryRunner.query(`ALTER TABLE "mentoring_cohorts" DROP CONSTRAINT "FK_16f8b05779a62d25bdc0e96c98d"`);
    await queryRunner.query(`DROP INDEX "public"."mentoring_pair_feedback_author_uq"`);
    await queryRunner.query(`DROP TABLE "mentoring_pair_feedback"`);
    await queryRunner.query(`DROP INDEX "public"."mentoring_match_overrides_pair_uq"`);
    await queryRunner.query(`DROP INDEX "public"."mentoring_match_overrides_one_lock_per_mentee_uq"`);
    await queryRunner.query(`DROP INDEX "public"."mentoring_match_overrides_cohort_idx"`);
    await queryRunner.query(`DROP TABLE "mentoring_match_overrides"`);
    await queryRunner.query(`DROP INDEX "public"."mentoring_goals_pair_idx"`);
    await queryRunner.query(`DROP TABLE "mentoring_goals"`);
    await queryRunner.query(`DROP INDEX "public"."mentoring_check_ins_pair_time_uq"`);
    await queryRunner.query(`DROP TABLE "mentoring_check_ins"`);
    await queryRunner.query(`DROP INDEX "public"."mentoring_pairs_mentee_application_uq"`);
    await queryRunner.query(`DROP INDEX "public"."mentoring_pairs_mentor_slot_uq"`);
    await queryRunner.query(`DROP INDEX "public"."mentoring_pairs_cohort_idx"`);
    await queryRunner.query(`DROP INDEX "public"."mentoring_pairs_mentor_user_idx"`);
    await queryRunner.query(`DROP INDEX "public"."mentoring_pairs_mentee_user_idx"`);
    await queryRunner.query(`DROP INDEX "public"."mentoring_pairs_status_idx"`);
    await queryRunner.query(`DROP TABLE "mentoring_pairs"`);
    await queryRunner.query(`DROP INDEX "public"."mentoring_applications_one_per_role_uq"`);
    await queryRunner.query(`DROP INDEX "public"."mentoring_applications_cohort_page_idx"`);
    await queryRunner.query(`DROP INDEX "public"."mentoring_applications_user_idx"`);
    await queryRunner.query(`DROP TABLE "mentoring_applications"`);
    await queryRunner.query(`DROP INDEX "public"."mentoring_cohorts_program_name_uq"`);
    await queryRunner.query(`DROP INDEX "public"."mentoring_cohorts_status_idx"`);
    await queryRunner.query(`DROP TABLE "mentoring_cohorts"`);
    await queryRunner.query(`DROP INDEX "public"."mentoring_programs_name_uq"`);
    await queryRunner.query(`DROP TABLE "mentoring_programs"`);
  }
}
