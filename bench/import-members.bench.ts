/**
 * Member CSV import/export benchmark: a generated file of 50,000 members (BENCH_IMPORT_ROWS) is
 * dry-run, imported into an empty database, imported again (nothing changes), imported with every
 * period end moved (every membership updated), and exported. Runs on a scratch database it creates
 * on the server DATABASE_URL names, and drops afterwards.
 * Standalone: `npm run build:bench && DATABASE_URL=… node dist-bench/bench/import-members.bench.js`.
 */
import 'reflect-metadata';
import { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { AppModule } from '../apps/api/src/app.module.js';
import { loadConfig } from '../libs/core/src/index.js';
import { type ImportReport, MemberExportService, MemberImportService } from '../libs/members/src/index.js';
import { createRandom } from '../test/utils/random.js';
import { ensureSeedTiers } from '../scripts/seed/tiers.js';
import { EMPLOYERS, FIRST_NAMES, LAST_NAMES, LOCATIONS, ROLES, SKILLS } from '../scripts/seed/vocabulary.js';
import { printTable } from './table.js';

const DAY = 86_400_000;

/** A valid member CSV of `rows` people; `shiftDays` moves every period end (for the update run). */
export function generateMemberCsv(rows: number, shiftDays = 0): string {
  const random = createRandom(50_000);
  const today = Math.floor(Date.now() / DAY) * DAY;
  const lines = ['email,full_name,tier,status,current_period_end,joined_at,headline,location,employer,skills'];
  for (let i = 0; i < rows; i++) {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const roll = random.next();
    const tier = roll < 0.3 ? 'Student' : roll < 0.75 ? 'Professional' : roll < 0.92 ? 'Fellow' : 'Lifetime';
    const statusRoll = random.next();
    const status = tier === 'Lifetime' ? 'ACTIVE' : statusRoll < 0.65 ? 'ACTIVE' : statusRoll < 0.72 ? 'GRACE' : statusRoll < 0.85 ? 'LAPSED' : statusRoll < 0.93 ? 'CANCELLED' : 'PENDING_PAYMENT';
    const joined = new Date(today - random.int(400, 3000) * DAY).toISOString();
    const end =
      tier === 'Lifetime' || status === 'PENDING_PAYMENT'
        ? ''
        : status === 'ACTIVE'
          ? new Date(today + (random.int(1, 364) + shiftDays) * DAY).toISOString()
          : new Date(today - (random.int(1, 25) + shiftDays) * DAY).toISOString();
    const employer = random.pick(EMPLOYERS);
    lines.push(
      [
        `import.${i}@bench.example.org`,
        `${first} ${last}`,
        tier,
        status,
        end,
        status === 'PENDING_PAYMENT' ? '' : joined,
        `"${random.pick(ROLES)} at ${employer}"`,
        random.pick(LOCATIONS),
        employer,
        random.sample(SKILLS, random.int(1, 5)).join(';'),
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

interface Step {
  step: string;
  seconds: number;
  report?: ImportReport;
  note?: string;
}

export async function runImportBench(serverUrl = process.env.DATABASE_URL, rows = Number(process.env.BENCH_IMPORT_ROWS ?? 50_000)): Promise<Step[]> {
  if (!serverUrl) throw new Error('DATABASE_URL must name a PostgreSQL server (the import bench makes a scratch database there)');
  const name = `guildhall_bench_import_${process.pid}`;
  const admin = new URL(serverUrl);
  admin.pathname = '/postgres';
  const adminQuery = async (sql: string) => {
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const scratch = new URL(serverUrl);
  scratch.pathname = `/${name}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  let app: INestApplicationContext | undefined;
  try {
    const config = loadConfig({ ...process.env, DATABASE_URL: scratch.toString(), LOG_LEVEL: 'silent', GUILDHALL_JOBS_ENABLED: 'false' });
    app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: false });
    const dataSource = app.get<DataSource>(getDataSourceToken());
    await ensureSeedTiers(dataSource.manager);
    const importer = app.get(MemberImportService);
    const file = Buffer.from(generateMemberCsv(rows));
    const moved = Buffer.from(generateMemberCsv(rows, 30));
    console.log(`  ${rows} rows, ${(file.length / 1e6).toFixed(1)} MB`);

    const steps: Step[] = [];
    const timed = async (step: string, work: () => Promise<ImportReport | number>) => {
      const started = performance.now();
      const outcome = await work();
      const seconds = (performance.now() - started) / 1000;
      if (typeof outcome === 'number') steps.push({ step, seconds, note: `${outcome} rows written` });
      else {
        if (outcome.errors.length) throw new Error(`${step}: ${JSON.stringify(outcome.errors.slice(0, 5))}`);
        steps.push({ step, seconds, report: outcome });
      }
      console.log(`  ${step}: ${seconds.toFixed(2)} s`);
    };
    await timed('dry run, empty database', () => importer.importCsv(file, { dryRun: true, actorId: null, via: 'cli' }));
    await timed('import into an empty database', () => importer.importCsv(file, { dryRun: false, actorId: null, via: 'cli' }));
    await timed('same file again (no changes)', () => importer.importCsv(file, { dryRun: false, actorId: null, via: 'cli' }));
    await timed('every period end moved (updates)', () => importer.importCsv(moved, { dryRun: false, actorId: null, via: 'cli' }));
    const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
    await timed('export to CSV', () => app!.get(MemberExportService).writeCsv(sink));
    return steps;
  } finally {
    await app?.close();
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

export function printImportTable(steps: Step[]): void {
  printTable(
    ['step', 'seconds', 'rows/s', 'created', 'updated', 'unchanged', 'accounts'],
    steps.map((s) => {
      const rows = s.report ? s.report.created + s.report.updated + s.report.unchanged : Number(s.note?.split(' ')[0] ?? 0);
      return [s.step, s.seconds.toFixed(2), Math.round(rows / s.seconds), s.report?.created ?? '-', s.report?.updated ?? '-', s.report?.unchanged ?? '-', s.report?.accountsCreated ?? '-'];
    }),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  printImportTable(await runImportBench());
  process.exit(0);
}
