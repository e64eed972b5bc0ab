import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "A viewer may have changed" as a NOTIFY on `guildhall_viewer_changes` (ViewerCache empties itself on it), sent on
 * commit by whatever wrote: the API of any process, a job, psql. What a viewer is read from: the account's columns a
 * User is made of (email, full_name, role, staff_permissions), its session's revocation, second factor and owner, and
 * `security_settings`. Statement-level triggers with transition tables: one check and at most one notice per
 * statement, and none for the writes that leave those columns alone (a refresh marking its session used, a sign-in).
 * PostgreSQL folds equal notices of one transaction into one.
 */
export class AddViewerChangeNotices1797760000001 implements MigrationInterface {
  name = 'AddViewerChangeNotices1797760000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION viewer_change_notice() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('guildhall_viewer_changes', TG_TABLE_NAME);
  RETURN NULL;
END $$`);
    await queryRunner.query(`CREATE FUNCTION users_viewer_change_notice() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
              WHERE (o.email, o.full_name, o.role, o.staff_permissions) IS DISTINCT FROM (n.email, n.full_name, n.role, n.staff_permissions)) THEN
    PERFORM pg_notify('guildhall_viewer_changes', TG_TABLE_NAME);
  END IF;
  RETURN NULL;
END $$`);
    await queryRunner.query(`CREATE FUNCTION sessions_viewer_change_notice() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
              WHERE (o.user_id, o.revoked_at, o.second_factor_at) IS DISTINCT FROM (n.user_id, n.revoked_at, n.second_factor_at)) THEN
    PERFORM pg_notify('guildhall_viewer_changes', TG_TABLE_NAME);
  END IF;
  RETURN NULL;
END $$`);
    await queryRunner.query(`CREATE TRIGGER users_viewer_change AFTER UPDATE ON users
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION users_viewer_change_notice()`);
    await queryRunner.query(`CREATE TRIGGER sessions_viewer_change AFTER UPDATE ON sessions
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sessions_viewer_change_notice()`);
    for (const table of ['users', 'sessions']) {
      await queryRunner.query(`CREATE TRIGGER ${table}_viewer_removal AFTER DELETE OR TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION viewer_change_notice()`);
    }
    await queryRunner.query(`CREATE TRIGGER security_settings_viewer_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON security_settings
      FOR EACH STATEMENT EXECUTE FUNCTION viewer_change_notice()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER security_settings_viewer_change ON security_settings`);
    for (const table of ['users', 'sessions']) await queryRunner.query(`DROP TRIGGER ${table}_viewer_removal ON ${table}`);
    await queryRunner.query(`DROP TRIGGER sessions_viewer_change ON sessions`);
    await queryRunner.query(`DROP TRIGGER users_viewer_change ON users`);
    await queryRunner.query(`DROP FUNCTION sessions_viewer_change_notice()`);
    await queryRunner.query(`DROP FUNCTION users_viewer_change_notice()`);
    await queryRunner.query(`DROP FUNCTION viewer_change_notice()`);
  }
}
