import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCommunities1795879209297 implements MigrationInterface {
  name = 'CreateCommunities1795879209297';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Learning communities: study groups and their rotating roles, members (one row per person per
    // group), meetings (unique by group and series date), role turns, attendance, check-ins, goals,
    // accountability partners and meeting feedback.
    await queryRunner.query(`CREATE TABLE "study_groups" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "topic" text NOT NULL, "description" text, "visibility" text NOT NULL, "capacity" integer, "status" text NOT NULL DEFAULT 'FORMING', "cadence" text NOT NULL, "weekday" smallint NOT NULL, "week_of_month" smallint, "local_time" text NOT NULL, "timezone" text NOT NULL, "duration_minutes" integer NOT NULL, "starts_on" date NOT NULL, "ends_on" date, "created_by" uuid, "archived_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "study_groups_dates_check" CHECK (ends_on IS NULL OR ends_on >= starts_on), CONSTRAINT "study_groups_duration_check" CHECK (duration_minutes BETWEEN 15 AND 480), CONSTRAINT "study_groups_local_time_check" CHECK (local_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'), CONSTRAINT "study_groups_week_of_month_check" CHECK ((cadence = 'MONTHLY') = (week_of_month IS NOT NULL) AND (week_of_month IS NULL OR week_of_month IN (1, 2, 3, 4, -1))), CONSTRAINT "study_groups_weekday_check" CHECK (weekday BETWEEN 1 AND 7), CONSTRAINT "study_groups_cadence_check" CHECK (cadence IN ('WEEKLY', 'BIWEEKLY', 'MONTHLY')), CONSTRAINT "study_groups_capacity_check" CHECK (capacity IS NULL OR capacity BETWEEN 2 AND 200), CONSTRAINT "study_groups_status_check" CHECK (status IN ('FORMING', 'ACTIVE', 'ARCHIVED')), CONSTRAINT "study_groups_visibility_check" CHECK (visibility IN ('OPEN', 'APPROVAL')), CONSTRAINT "PK_d3c236286b727d74553c7a88dc3" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "study_groups_status_name_idx" ON "study_groups"  ("status", "name", "id") `);
    await queryRunner.query(`CREATE TABLE "group_goals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "group_id" uuid NOT NULL, "title" text NOT NULL, "description" text, "target_date" date, "status" text NOT NULL DEFAULT 'OPEN', "progress" smallint NOT NULL DEFAULT '0', "created_by" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "group_goals_progress_check" CHECK (progress BETWEEN 0 AND 100 AND (status <> 'ACHIEVED' OR progress = 100)), CONSTRAINT "group_goals_status_check" CHECK (status IN ('OPEN', 'ACHIEVED', 'DROPPED')), CONSTRAINT "PK_e6f0178a2a6d379ba429c676046" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "group_goals_group_created_idx" ON "group_goals"  ("group_id", "created_at", "id") `);
    await queryRunner.query(`CREATE TABLE "group_meetings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "group_id" uuid NOT NULL, "occurrence_date" date NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL DEFAULT 'SCHEDULED', "moved" boolean NOT NULL DEFAULT false, "notes" text, "notes_updated_by" uuid, "notes_updated_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "group_meetings_times_check" CHECK (ends_at > starts_at), CONSTRAINT "group_meetings_status_check" CHECK (status IN ('SCHEDULED', 'CANCELLED')), CONSTRAINT "PK_e459548aa32d766fa7644ff8a5d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "group_meetings_status_starts_idx" ON "group_meetings"  ("status", "starts_at") `);
    await queryRunner.query(`CREATE INDEX "group_meetings_group_starts_idx" ON "group_meetings"  ("group_id", "starts_at", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "group_meetings_group_occurrence_uq" ON "group_meetings"  ("group_id", "occurrence_date") `);
    await queryRunner.query(`CREATE TABLE "accountability_check_ins" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "meeting_id" uuid NOT NULL, "user_id" uuid NOT NULL, "done" text NOT NULL, "next" text NOT NULL, "blockers" text, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8f1e2782192dbdbab9a0ce486b1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "accountability_check_ins_user_idx" ON "accountability_check_ins"  ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "accountability_check_ins_meeting_user_uq" ON "accountability_check_ins"  ("meeting_id", "user_id") `);
    await queryRunner.query(`CREATE TABLE "meeting_attendance" ("meeting_id" uuid NOT NULL, "user_id" uuid NOT NULL, "present" boolean NOT NULL, "recorded_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "recorded_by" uuid, CONSTRAINT "meeting_attendance_pkey" PRIMARY KEY ("meeting_id", "user_id"))`);
    await queryRunner.query(`CREATE TABLE "meeting_role_assignments" ("meeting_id" uuid NOT NULL, "role" text NOT NULL, "group_id" uuid NOT NULL, "user_id" uuid NOT NULL, "swapped" boolean NOT NULL DEFAULT false, "assigned_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "meeting_role_assignments_pkey" PRIMARY KEY ("meeting_id", "role"))`);
    await queryRunner.query(`CREATE INDEX "meeting_role_assignments_user_idx" ON "meeting_role_assignments"  ("user_id") `);
    await queryRunner.query(`CREATE INDEX "meeting_role_assignments_group_idx" ON "meeting_role_assignments"  ("group_id", "user_id") `);
    await queryRunner.query(`CREATE TABLE "study_group_roles" ("group_id" uuid NOT NULL, "role" text NOT NULL, "description" text, "position" smallint NOT NULL, "added_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "study_group_roles_role_check" CHECK (role ~ '^[A-Z][A-Z0-9_]{1,39}$'), CONSTRAINT "study_group_roles_pkey" PRIMARY KEY ("group_id", "role"))`);
    await queryRunner.query(`CREATE TABLE "study_group_members" ("group_id" uuid NOT NULL, "user_id" uuid NOT NULL, "role" text NOT NULL, "status" text NOT NULL, "requested_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "joined_at" TIMESTAMP(3) WITH TIME ZONE, "rotation_base" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "study_group_members_joined_check" CHECK ((status = 'ACTIVE') = (joined_at IS NOT NULL)), CONSTRAINT "study_group_members_status_check" CHECK (status IN ('PENDING', 'ACTIVE')), CONSTRAINT "study_group_members_role_check" CHECK (role IN ('FACILITATOR', 'MEMBER')), CONSTRAINT "study_group_members_pkey" PRIMARY KEY ("group_id", "user_id"))`);
    await queryRunner.query(`CREATE INDEX "study_group_members_group_status_idx" ON "study_group_members"  ("group_id", "status", "joined_at") `);
    await queryRunner.query(`CREATE INDEX "study_group_members_user_idx" ON "study_group_members"  ("user_id", "status") `);
    await queryRunner.query(`CREATE TABLE "accountability_partners" ("group_id" uuid NOT NULL, "round" integer NOT NULL, "user_id" uuid NOT NULL, "pair_no" smallint NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "accountability_partners_pkey" PRIMARY KEY ("group_id", "round", "user_id"))`);
    await queryRunner.query(`CREATE INDEX "accountability_partners_user_idx" ON "accountability_partners"  ("user_id") `);
    await queryRunner.query(`CREATE INDEX "accountability_partners_round_pair_idx" ON "accountability_partners"  ("group_id", "round", "pair_no") `);
    await queryRunner.query(`CREATE TABLE "meeting_feedback" ("meeting_id" uuid NOT NULL, "user_id" uuid NOT NULL, "rating" smallint NOT NULL, "comment" text, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "meeting_feedback_rating_check" CHECK (rating BETWEEN 1 AND 5), CONSTRAINT "meeting_feedback_pkey" PRIMARY KEY ("meeting_id", "user_id"))`);
    await queryRunner.query(`ALTER TABLE "study_groups" ADD CONSTRAINT "FK_723df86edbb37f1a802178a604b" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "group_goals" ADD CONSTRAINT "FK_a9c4a1e90eb8126a4681c331f91" FOREIGN KEY ("group_id") REFERENCES "study_groups"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "group_meetings" ADD CONSTRAINT "FK_48211b53dd726bcc2f9f62b4893" FOREIGN KEY ("group_id") REFERENCES "study_groups"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "accountability_check_ins" ADD CONSTRAINT "FK_f9990850150c7b909547a457f54" FOREIGN KEY ("meeting_id") REFERENCES "group_meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "accountability_check_ins" ADD CONSTRAINT "FK_4bb5b7db8b526e1cb95aea34a55" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "meeting_attendance" ADD CONSTRAINT "FK_2bf53a2dc49796d33484ed1fe5c" FOREIGN KEY ("meeting_id") REFERENCES "group_meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "meeting_attendance" ADD CONSTRAINT "FK_58f3823e0aed0b1076074be7267" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "meeting_role_assignments" ADD CONSTRAINT "FK_4cee558c44f9ebbc4bdf5121c60" FOREIGN KEY ("meeting_id") REFERENCES "group_meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "meeting_role_assignments" ADD CONSTRAINT "FK_b6f28c9331ef6122b886e4b4c26" FOREIGN KEY ("group_id") REFERENCES "study_groups"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "meeting_role_assignments" ADD CONSTRAINT "FK_2b6bc23cea820d49a8b8e1c883b" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "study_group_roles" ADD CONSTRAINT "FK_865b06ba8711e2a7ffb3d3e13e1" FOREIGN KEY ("group_id") REFERENCES "study_groups"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "study_group_members" ADD CONSTRAINT "FK_7de200fe18e075256e69ba03704" FOREIGN KEY ("group_id") REFERENCES "study_groups"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "study_group_members" ADD CONSTRAINT "FK_aa92f9a2356ec84a24557f05926" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "accountability_partners" ADD CONSTRAINT "FK_5f336eb1efc029b9ce58002c986" FOREIGN KEY ("group_id") REFERENCES "study_groups"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "accountability_partners" ADD CONSTRAINT "FK_682b8f6be4c8b58626b24b8b2e3" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "meeting_feedback" ADD CONSTRAINT "FK_4b83bf7ed28c86b577aa9f8f914" FOREIGN KEY ("meeting_id") REFERENCES "group_meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "meeting_feedback" ADD CONSTRAINT "FK_6f35af9233056d98f47c2d1e86e" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "meeting_feedback" DROP CONSTRAINT "FK_6f35af9233056d98f47c2d1e86e"`);
    await queryRunner.query(`ALTER TABLE "meeting_feedback" DROP CONSTRAINT "FK_4b83bf7ed28c86b577aa9f8f914"`);
    await queryRunner.query(`ALTER TABLE "accountability_partners" DROP CONSTRAINT "FK_682b8f6be4c8b58626b24b8b2e3"`);
    await queryRunner.query(`ALTER TABLE "accountability_partners" DROP CONSTRAINT "FK_5f336eb1efc029b9ce58002c986"`);
    await queryRunner.query(`ALTER TABLE "study_group_members" DROP CONSTRAINT "FK_aa92f9a2356ec84a24557f05926"`);
    await queryRunner.query(`ALTER TABLE "study_group_members" DROP CONSTRAINT "FK_7de200fe18e075256e69ba03704"`);
    await queryRunner.query(`ALTER TABLE "study_group_roles" DROP CONSTRAINT "FK_865b06ba8711e2a7ffb3d3e13e1"`);
    await queryRunner.query(`ALTER TABLE "meeting_role_assignments" DROP CONSTRAINT "FK_2b6bc23cea820d49a8b8e1c883b"`);
    await queryRunner.query(`ALTER TABLE "meeting_role_assignments" DROP CONSTRAINT "FK_b6f28c9331ef6122b886e4b4c26"`);
    await queryRunner.query(`ALTER TABLE "meeting_role_assignments" DROP CONSTRAINT "FK_4cee558c44f9ebbc4bdf5121c60"`);
    await queryRunner.query(`ALTER TABLE "meeting_attendance" DROP CONSTRAINT "FK_58f3823e0aed0b1076074be7267"`);
    await queryRunner.query(`ALTER TABLE "meeting_attendance" DROP CONSTRAINT "FK_2bf53a2dc49796d33484ed1fe5c"`);
    await queryRunner.query(`ALTER TABLE "accountability_check_ins" DROP CONSTRAINT "FK_4bb5b7db8b526e1cb95aea34a55"`);
    await queryRunner.query(`ALTER TABLE "accountability_check_ins" DROP CONSTRAINT "FK_f9990850150c7b909547a457f54"`);
    await queryRunner.query(`ALTER TABLE "group_meetings" DROP CONSTRAINT "FK_48211b53dd726bcc2f9f62b4893"`);
    await queryRunner.query(`ALTER TABLE "group_goals" DROP CONSTRAINT "FK_a9c4a1e90eb8126a4681c331f91"`);
    await queryRunner.query(`ALTER TABLE "study_groups" DROP CONSTRAINT "FK_723df86edbb37f1a802178a604b"`);
    await queryRunner.query(`DROP TABLE "meeting_feedback"`);
    await queryRunner.query(`DROP INDEX "public"."accountability_partners_round_pair_idx"`);
    await queryRunner.query(`DROP INDEX "public"."accountability_partners_user_idx"`);
    await queryRunner.query(`DROP TABLE "accountability_partners"`);
    await queryRunner.query(`DROP INDEX "public"."study_group_members_user_idx"`);
    await queryRunner.query(`DROP INDEX "public"."study_group_members_group_status_idx"`);
    await queryRunner.query(`DROP TABLE "study_group_members"`);
    await queryRunner.query(`DROP TABLE "study_group_roles"`);
    await queryRunner.query(`DROP INDEX "public"."meeting_role_assignments_group_idx"`);
    await queryRunner.query(`DROP INDEX "public"."meeting_role_assignments_user_idx"`);
    await queryRunner.query(`DROP TABLE "meeting_role_assignments"`);
    await queryRunner.query(`DROP TABLE "meeting_attendance"`);
    await queryRunner.query(`DROP INDEX "public"."accountability_check_ins_meeting_user_uq"`);
    await queryRunner.query(`DROP INDEX "public"."accountability_check_ins_user_idx"`);
    await queryRunner.query(`DROP TABLE "accountability_check_ins"`);
    await queryRunner.query(`DROP INDEX "public"."group_meetings_group_occurrence_uq"`);
    await queryRunner.query(`DROP INDEX "public"."group_meetings_group_starts_idx"`);
    await queryRunner.query(`DROP INDEX "public"."group_meetings_status_starts_idx"`);
    await queryRunner.query(`DROP TABLE "group_meetings"`);
    await queryRunner.query(`DROP INDEX "public"."group_goals_group_created_idx"`);
    await queryRunner.query(`DROP TABLE "group_goals"`);
    await queryRunner.query(`DROP INDEX "public"."study_groups_status_name_idx"`);
    await queryRunner.query(`DROP TABLE "study_groups"`);
  }
}
