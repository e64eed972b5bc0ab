import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The profile moves from accounts' `users` to members' `member_profiles`: one row per account
 * (made here for every existing user and, from now on, by a trigger when an account is created), so
 * the directory joins without outer joins and a name change always has a row to refresh.
 * The search vector still covers the name: `member_profiles` reads `users.full_name` when its row
 * changes, and a trigger on `users` refreshes the row when the name changes.
 */
export class MoveProfilesToMembers1795894000001 implements MigrationInterface {
  name = 'MoveProfilesToMembers1795894000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "member_profiles" ("user_id" uuid NOT NULL, "headline" text, "bio" text, "location" text, "employer" text, "skills" text array NOT NULL DEFAULT '{}', "directory_visible" boolean NOT NULL DEFAULT false, "search_vector" tsvector, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_member_profiles" PRIMARY KEY ("user_id"))`);
    await queryRunner.query(`ALTER TABLE "member_profiles" ADD CONSTRAINT "FK_member_profiles_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`CREATE FUNCTION member_profiles_search_vector_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_vector :=
          setweight(to_tsvector('simple', coalesce((SELECT u.full_name FROM users u WHERE u.id = NEW.user_id), '')), 'A') ||
          setweight(to_tsvector('simple', coalesce(array_to_string(NEW.skills, ' '), '')), 'B') ||
          setweight(to_tsvector('simple', coalesce(NEW.headline, '')), 'C') ||
          setweight(to_tsvector('simple', coalesce(NEW.location, '')), 'D');
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER member_profiles_search_vector BEFORE INSERT OR UPDATE
      ON member_profiles FOR EACH ROW EXECUTE FUNCTION member_profiles_search_vector_refresh()`);
    // Every existing account gets its profile (with its data), searchable at once.
    await queryRunner.query(`INSERT INTO member_profiles (user_id, headline, bio, location, employer, skills, directory_visible, created_at, updated_at)
      SELECT id, headline, bio, location, employer, skills, directory_visible, created_at, updated_at FROM users`);
    // A new account gets its (empty) profile; a new name refreshes the profile's search vector.
    await queryRunner.query(`CREATE FUNCTION member_profiles_follow_user() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO member_profiles (user_id) VALUES (NEW.id)
          ON CONFLICT (user_id) DO UPDATE SET search_vector = NULL;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER member_profiles_follow_user AFTER INSERT OR UPDATE OF full_name
      ON users FOR EACH ROW EXECUTE FUNCTION member_profiles_follow_user()`);
    await queryRunner.query(`CREATE INDEX "member_profiles_search_idx" ON "member_profiles" USING GIN ("search_vector")`);
    await queryRunner.query(`CREATE INDEX "member_profiles_skills_idx" ON "member_profiles" USING GIN ("skills")`);
    await queryRunner.query(`CREATE INDEX "member_profiles_directory_idx" ON "member_profiles" ("user_id") WHERE directory_visible`);

    await queryRunner.query(`DROP INDEX "users_directory_name_idx"`);
    await queryRunner.query(`DROP INDEX "users_skills_idx"`);
    await queryRunner.query(`DROP INDEX "users_search_idx"`);
    await queryRunner.query(`DROP TRIGGER users_search_vector ON users`);
    await queryRunner.query(`DROP FUNCTION users_search_vector_refresh()`);
    for (const column of ['search_vector', 'directory_visible', 'skills', 'employer', 'location', 'bio', 'headline']) {
      await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "${column}"`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "headline" text`);
    await queryRunner.query(`ALTER TABLE "users" ADD "bio" text`);
    await queryRunner.query(`ALTER TABLE "users" ADD "location" text`);
    await queryRunner.query(`ALTER TABLE "users" ADD "employer" text`);
    await queryRunner.query(`ALTER TABLE "users" ADD "skills" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "users" ADD "directory_visible" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "users" ADD "search_vector" tsvector`);
    await queryRunner.query(`DROP TRIGGER member_profiles_follow_user ON users`);
    await queryRunner.query(`DROP FUNCTION member_profiles_follow_user()`);
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
    // Copying the profile back fires users_search_vector (skills, headline, location change), so
    // every user's vector is rebuilt; users without a profile row get theirs from the name below.
    await queryRunner.query(`UPDATE users u SET headline = p.headline, bio = p.bio, location = p.location, employer = p.employer,
      skills = p.skills, directory_visible = p.directory_visible FROM member_profiles p WHERE p.user_id = u.id`);
    await queryRunner.query(`UPDATE users SET full_name = full_name WHERE search_vector IS NULL`);
    await queryRunner.query(`CREATE INDEX "users_search_idx" ON "users" USING GIN ("search_vector")`);
    await queryRunner.query(`CREATE INDEX "users_skills_idx" ON "users" USING GIN ("skills")`);
    await queryRunner.query(`CREATE INDEX "users_directory_name_idx" ON "users" ("full_name", "id") WHERE directory_visible`);
    await queryRunner.query(`DROP TABLE "member_profiles"`);
    await queryRunner.query(`DROP FUNCTION member_profiles_search_vector_refresh()`);
  }
}
