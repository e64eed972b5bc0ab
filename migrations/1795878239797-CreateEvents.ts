import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateEvents1795878239797 implements MigrationInterface {
  name = 'CreateEvents1795878239797';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" text NOT NULL, "description" text, "kind" text NOT NULL, "format" text NOT NULL, "status" text NOT NULL DEFAULT 'DRAFT', "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "timezone" text NOT NULL, "venue" text, "online_url" text, "capacity" integer, "registration_opens_at" TIMESTAMP WITH TIME ZONE, "registration_closes_at" TIMESTAMP WITH TIME ZONE, "member_price_amount" integer NOT NULL, "non_member_price_amount" integer NOT NULL, "price_currency" character(3) NOT NULL, "members_only" boolean NOT NULL DEFAULT false, "seats_taken" integer NOT NULL DEFAULT '0', "waitlist_count" integer NOT NULL DEFAULT '0', "waitlist_seq" integer NOT NULL DEFAULT '0', "revision" integer NOT NULL DEFAULT '0', "published_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, "cancel_reason" text, "created_by" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "events_currency_check" CHECK (price_currency ~ '^[A-Z]{3}$'), CONSTRAINT "events_prices_check" CHECK (member_price_amount >= 0 AND non_member_price_amount >= 0), CONSTRAINT "events_waitlist_check" CHECK (waitlist_count >= 0), CONSTRAINT "events_seats_check" CHECK (seats_taken >= 0 AND (capacity IS NULL OR (capacity >= 0 AND seats_taken <= capacity))), CONSTRAINT "events_registration_window_check" CHECK (registration_closes_at IS NULL OR registration_opens_at IS NULL OR registration_closes_at > registration_opens_at), CONSTRAINT "events_times_check" CHECK (ends_at > starts_at), CONSTRAINT "events_status_check" CHECK (status IN ('DRAFT', 'PUBLISHED', 'CANCELLED', 'COMPLETED')), CONSTRAINT "events_format_check" CHECK (format IN ('IN_PERSON', 'VIRTUAL', 'HYBRID')), CONSTRAINT "events_kind_check" CHECK (kind IN ('WORKSHOP', 'WEBINAR', 'CONFERENCE', 'MEETUP', 'COURSE')), CONSTRAINT "PK_40731c7151fe4be3116e45ddf73" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "events_starts_idx" ON "events"  ("starts_at", "id") `);
    await queryRunner.query(`CREATE INDEX "events_status_starts_idx" ON "events"  ("status", "starts_at", "id") `);
    await queryRunner.query(`CREATE TABLE "event_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "title" text NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ce_credits" numeric(6,2) NOT NULL DEFAULT '0', "ce_category" text, CONSTRAINT "event_sessions_credits_check" CHECK (ce_credits >= 0), CONSTRAINT "event_sessions_times_check" CHECK (ends_at > starts_at), CONSTRAINT "PK_dbe18de390df26f2dffc4ef3356" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "event_sessions_event_idx" ON "event_sessions"  ("event_id", "starts_at", "id") `);
    await queryRunner.query(`CREATE TABLE "event_registrations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "user_id" uuid NOT NULL, "status" text NOT NULL, "price_amount" integer NOT NULL, "price_currency" character(3) NOT NULL, "waitlist_seq" integer, "hold_expires_at" TIMESTAMP WITH TIME ZONE, "offer_expires_at" TIMESTAMP WITH TIME ZONE, "offers_made" integer NOT NULL DEFAULT '0', "checkout_session_id" text, "checkout_url" text, "check_in_code" text NOT NULL, "certificate_code" text, "certificate_issued_at" TIMESTAMP WITH TIME ZONE, "end_reason" text, "confirmed_at" TIMESTAMP WITH TIME ZONE, "promoted_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, "reminded_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "event_registrations_price_check" CHECK (price_amount >= 0 AND price_currency ~ '^[A-Z]{3}$'), CONSTRAINT "event_registrations_offer_check" CHECK (status <> 'OFFERED' OR offer_expires_at IS NOT NULL), CONSTRAINT "event_registrations_hold_check" CHECK (status <> 'PENDING_PAYMENT' OR hold_expires_at IS NOT NULL), CONSTRAINT "event_registrations_waitlist_check" CHECK ((status = 'WAITLISTED') = (waitlist_seq IS NOT NULL)), CONSTRAINT "event_registrations_status_check" CHECK (status IN ('PENDING_PAYMENT', 'CONFIRMED', 'WAITLISTED', 'OFFERED', 'CANCELLED')), CONSTRAINT "PK_953d3b862c2487289a92b2356e9" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "event_registrations_checkout_uq" ON "event_registrations"  ("checkout_session_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "event_registrations_check_in_code_uq" ON "event_registrations"  ("check_in_code") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "event_registrations_certificate_code_uq" ON "event_registrations"  ("certificate_code") `);
    await queryRunner.query(`CREATE INDEX "event_registrations_offer_idx" ON "event_registrations"  ("offer_expires_at") WHERE status = 'OFFERED'`);
    await queryRunner.query(`CREATE INDEX "event_registrations_hold_idx" ON "event_registrations"  ("hold_expires_at") WHERE status = 'PENDING_PAYMENT'`);
    await queryRunner.query(`CREATE INDEX "event_registrations_user_created_idx" ON "event_registrations"  ("user_id", "created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "event_registrations_event_created_idx" ON "event_registrations"  ("event_id", "created_at", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "event_registrations_waitlist_uq" ON "event_registrations"  ("event_id", "waitlist_seq") WHERE status = 'WAITLISTED'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "event_registrations_one_live_per_person_uq" ON "event_registrations"  ("event_id", "user_id") WHERE status IN ('PENDING_PAYMENT', 'CONFIRMED', 'OFFERED', 'WAITLISTED')`);
    await queryRunner.query(`CREATE TABLE "event_session_attendance" ("registration_id" uuid NOT NULL, "session_id" uuid NOT NULL, "checked_in_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "checked_in_by" uuid, CONSTRAINT "PK_bad2832ff740491b61ef460a117" PRIMARY KEY ("registration_id", "session_id"))`);
    await queryRunner.query(`CREATE INDEX "event_session_attendance_session_idx" ON "event_session_attendance"  ("session_id") `);
    await queryRunner.query(`CREATE TABLE "event_payments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "registration_id" uuid NOT NULL, "event_id" uuid NOT NULL, "user_id" uuid NOT NULL, "checkout_session_id" text NOT NULL, "payment_intent_id" text, "amount" integer NOT NULL, "currency" character(3) NOT NULL, "status" text NOT NULL, "refund_reason" text, "refund_id" text, "refunded_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "event_payments_amount_check" CHECK (amount >= 0 AND currency ~ '^[A-Z]{3}$'), CONSTRAINT "event_payments_status_check" CHECK (status IN ('PAID', 'REFUND_PENDING', 'REFUNDED')), CONSTRAINT "PK_4aaf2ca59d6ef50fed2fbf6a468" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "event_payments_checkout_uq" ON "event_payments"  ("checkout_session_id") `);
    await queryRunner.query(`CREATE INDEX "event_payments_event_idx" ON "event_payments"  ("event_id", "status") `);
    await queryRunner.query(`CREATE INDEX "event_payments_registration_idx" ON "event_payments"  ("registration_id") `);
    await queryRunner.query(`ALTER TABLE "event_sessions" ADD CONSTRAINT "FK_58ce48ffbbdb12454db743d6cb0" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "event_registrations" ADD CONSTRAINT "FK_28b0a253c87a80a4b013c437f7d" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "event_registrations" ADD CONSTRAINT "FK_e42ba7c85b05c49c8de4f360543" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "event_session_attendance" ADD CONSTRAINT "FK_916b5135e471eb47d8dac8a821f" FOREIGN KEY ("registration_id") REFERENCES "event_registrations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "event_session_attendance" ADD CONSTRAINT "FK_488ac238f8fa227f32f407fe32f" FOREIGN KEY ("session_id") REFERENCES "event_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "event_payments" ADD CONSTRAINT "FK_3bd1471bb804aa8de5af89e4696" FOREIGN KEY ("registration_id") REFERENCES "event_registrations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "event_payments" DROP CONSTRAINT "FK_3bd1471bb804aa8de5af89e4696"`);
    await queryRunner.query(`ALTER TABLE "event_session_attendance" DROP CONSTRAINT "FK_488ac238f8fa227f32f407fe32f"`);
    await queryRunner.query(`ALTER TABLE "event_session_attendance" DROP CONSTRAINT "FK_916b5135e471eb47d8dac8a821f"`);
    await queryRunner.query(`ALTER TABLE "event_registrations" DROP CONSTRAINT "FK_e42ba7c85b05c49c8de4f360543"`);
    await queryRunner.query(`ALTER TABLE "event_registrations" DROP CONSTRAINT "FK_28b0a253c87a80a4b013c437f7d"`);
    await queryRunner.query(`ALTER TABLE "event_sessions" DROP CONSTRAINT "FK_58ce48ffbbdb12454db743d6cb0"`);
    await queryRunner.query(`DROP INDEX "public"."event_payments_registration_idx"`);
    await queryRunner.query(`DROP INDEX "public"."event_payments_event_idx"`);
    await queryRunner.query(`DROP INDEX "public"."event_payments_checkout_uq"`);
    await queryRunner.query(`DROP TABLE "event_payments"`);
    await queryRunner.query(`DROP INDEX "public"."event_session_attendance_session_idx"`);
    await queryRunner.query(`DROP TABLE "event_session_attendance"`);
    await queryRunner.query(`DROP INDEX "public"."event_registrations_one_live_per_person_uq"`);
    await queryRunner.query(`DROP INDEX "public"."event_registrations_waitlist_uq"`);
    await queryRunner.query(`DROP INDEX "public"."event_registrations_event_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."event_registrations_user_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."event_registrations_hold_idx"`);
    await queryRunner.query(`DROP INDEX "public"."event_registrations_offer_idx"`);
    await queryRunner.query(`DROP INDEX "public"."event_registrations_certificate_code_uq"`);
    await queryRunner.query(`DROP INDEX "public"."event_registrations_check_in_code_uq"`);
    await queryRunner.query(`DROP INDEX "public"."event_registrations_checkout_uq"`);
    await queryRunner.query(`DROP TABLE "event_registrations"`);
    await queryRunner.query(`DROP INDEX "public"."event_sessions_event_idx"`);
    await queryRunner.query(`DROP TABLE "event_sessions"`);
    await queryRunner.query(`DROP INDEX "public"."events_status_starts_idx"`);
    await queryRunner.query(`DROP INDEX "public"."events_starts_idx"`);
    await queryRunner.query(`DROP TABLE "events"`);
  }
}
