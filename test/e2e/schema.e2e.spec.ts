import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
import { startTestApp, TestApp } from '../utils/test-app.js';

describe('schema.gql', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is the schema the code builds (run `npm run schema:print` after changing the API)', () => {
    const built = `${printSchema(t.app.get(GraphQLSchemaHost).schema)}\n`;
    expect(readFileSync('schema.gql', 'utf8')).toBe(built);
  });
});
