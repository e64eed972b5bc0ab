import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API tokens join the viewer notices (AddViewerChangeNotices): a query made with a token reuses what the process's
 * ViewerCache holds for it, so a revocation, a new expiry, other scopes or a deletion must empty every process's cache
 * on commit. `last_used_at` (written at most once a minute per token) sends nothing.
 */
export class AddApiTokenViewerNotices1797780000001 implements MigrationInterface {
  name = 'AddApiTokenViewerNotices1797780000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION api_tokens_viewer_change_notice() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
              WHERE (o.owner_id, o.scopes, o.expires_at, o.revoked_at, o.secret_hash) IS DISTINCT FROM (n.owner_id, n.scopes, n.expires_at, n.revoked_at, n.secret_hash)) THEN
    PERFORM pg_notify('guildhall_viewer_changes', TG_TABLE_NAME);
  END IF;
  RETURN NULL;
END $$`);
    await queryRunner.query(`CREATE TRIGGER api_tokens_viewer_change AFTER UPDATE ON api_tokens
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION api_tokens_viewer_change_notice()`);
    await queryRunner.query(`CREATE TRIGGER api_tokens_viewer_removal AFTER DELETE OR TRUNCATE ON api_tokens FOR EACH STATEMENT EXECUTE FUNCTION viewer_change_notice()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER api_tokens_viewer_removal ON api_tokens`);
    await queryRunner.query(`DROP TRIGGER api_tokens_viewer_change ON api_tokens`);
    await queryRunner.query(`DROP FUNCTION api_tokens_viewer_change_notice()`);
  }
}
