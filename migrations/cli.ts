/**
 * Migrations without the TypeORM CLI's loader quirks under ESM:
 *   run       apply pending migrations (and the job runner's schema)
 *   revert    undo the last migration
 *   check     fail when the entities describe a schema that the migrations do not make
 *   generate  write migrations/<ms>-<Name>.ts with the SQL that brings the schema in step
 * DATABASE_URL selects the server; without it the embedded database in GUILDHALL_DATA_DIR is used.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, migrateDatabase, pendingSchemaChanges, resolveDatabaseTarget } from '../libs/core/src/index.js';
import { guildhallDataSource } from './data-source.js';

async function main(): Promise<number> {
  const [command, name] = process.argv.slice(2);
  const config = loadConfig();
  const target = await resolveDatabaseTarget(config);
  const dataSource = await guildhallDataSource(target.url, 2).initialize();
  try {
    switch (command) {
      case 'run': {
        const applied = await migrateDatabase(dataSource);
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migrations.');
        return 0;
      }
      case 'revert':
        await dataSource.undoLastMigration({ transaction: 'each' });
        console.log('Reverted the last migration.');
        return 0;
      case 'check': {
        await migrateDatabase(dataSource);
        const changes = await pendingSchemaChanges(dataSource);
        if (!changes.length) {
          console.log('Migrations and entities are in step.');
          return 0;
        }
        console.error('The entities differ from what the migrations make. Missing migration for:');
        for (const change of changes) console.error(`  ${change};`);
        return 1;
      }
      case 'generate': {
        if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('usage: generate <VerbNoun in PascalCase>');
        await migrateDatabase(dataSource);
        const sql = await dataSource.driver.createSchemaBuilder().log();
        if (!sql.upQueries.length) {
          console.log('Nothing to generate: the schema is in step.');
          return 0;
        }
        const stamp = Date.now();
        const quote = (q: string) => '`' + q.replace(/`/g, '\\`') + '`';
        const up = sql.upQueries.map((q) => `    await queryRunner.query(${quote(q.query)});`).join('\n');
        const down = sql.downQueries.reverse().map((q) => `    await queryRunner.query(${quote(q.query)});`).join('\n');
        const source = `import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${name}${stamp} implements MigrationInterface {\n  name = '${name}${stamp}';\n\n  async up(queryRunner: QueryRunner): Promise<void> {\n${up}\n  }\n\n  async down(queryRunner: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`;
        const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'migrations');
        const file = join(root, `${stamp}-${name}.ts`);
        writeFileSync(file, source);
        console.log(`Wrote ${file}; add it to migrations/index.ts.`);
        return 0;
      }
      default:
        console.error('usage: cli.js run|revert|check|generate <Name>');
        return 2;
    }
  } finally {
    await dataSource.destroy();
    await target.embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
