import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rolling a webhook endpoint's signing secret: the secret it replaced keeps signing beside it (a second `v1` in
 * Guildhall-Signature) until `previous_secret_expires_at`, so the receiver can switch without refusing anything.
 * Both or neither.
 */
export class AddWebhookSecretRoll1797770000001 implements MigrationInterface {
  name = 'AddWebhookSecretRoll1797770000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE webhook_endpoints ADD COLUMN previous_secret text, ADD COLUMN previous_secret_expires_at timestamptz`);
    await queryRunner.query(
      `ALTER TABLE webhook_endpoints ADD CONSTRAINT webhook_endpoints_previous_secret_chk CHECK ((previous_secret IS NULL) = (previous_secret_expires_at IS NULL))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE webhook_endpoints DROP CONSTRAINT webhook_endpoints_previous_secret_chk`);
    await queryRunner.query(`ALTER TABLE webhook_endpoints DROP COLUMN previous_secret_expires_at, DROP COLUMN previous_secret`);
  }
}
