/**
 * class-validator's cost per validated argument class, with the app's rules loaded, before and after
 * memoizeValidationMetadata (libs/core/src/graphql/validation-metadata-memo.ts). In-process, no database.
 *
 *   npm run build:bench && node bench/tools/validation-lookup.mjs
 */
import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync } from 'class-validator';

const D = process.env.DIST ?? fileURLToPath(new URL('../../dist-bench', import.meta.url));
await import(`${D}/apps/api/src/app.module.js`);
const { UpcomingMeetingsArgs, StudyGroupIdArgs } = await import(`${D}/libs/communities/src/args/study-group.args.js`);
const { memoizeValidationMetadata } = await import(`${D}/libs/core/src/graphql/validation-metadata-memo.js`);
const options = { whitelist: true, forbidUnknownValues: false };
const N = 200_000;
const run = (label) => {
  const started = process.hrtime.bigint();
  for (let i = 0; i < N; i++) {
    validateSync(plainToInstance(UpcomingMeetingsArgs, { count: 4 }), options);
    validateSync(plainToInstance(StudyGroupIdArgs, { id: 'a8f5f167-f44f-4964-a6c8-17c2f3b1c1a0' }), options);
  }
  console.log(`${label}: ${(Number(process.hrtime.bigint() - started) / N / 1000).toFixed(2)} µs per pair of validations`);
};
console.log(`classes with rules: ${getMetadataStorage().validationMetadatas.size}`);
run('warm-up');
run('class-validator as it is');
memoizeValidationMetadata();
run('memoized');
run('memoized, again');
