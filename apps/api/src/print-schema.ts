/**
 * Writes the GraphQL schema the code defines to schema.gql (`npm run schema:print`), or with
 * `--check` fails when the committed file differs (CI).
 */
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
import { loadConfig } from '../../../libs/core/src/index.js';
import { AppModule } from './app.module.js';

export async function currentSchemaSdl(databaseUrl?: string): Promise<string> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', GUILDHALL_JOBS_ENABLED: 'false', DATABASE_URL: databaseUrl ?? process.env.DATABASE_URL });
  const app = await NestFactory.create(AppModule.forRoot(config), { logger: false });
  await app.init();
  const sdl = printSchema(app.get(GraphQLSchemaHost).schema);
  await app.close();
  return `${sdl}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sdl = await currentSchemaSdl();
  if (process.argv.includes('--check')) {
    if (readFileSync('schema.gql', 'utf8') !== sdl) {
      console.error('schema.gql is out of date: run `npm run schema:print` and commit it.');
      process.exit(1);
    }
    console.log('schema.gql is current.');
  } else {
    writeFileSync('schema.gql', sdl);
    console.log('Wrote schema.gql');
  }
}
