/** Jest runs the TypeScript sources through swc as native ES modules (no type-check: `npm run typecheck` does that). */
export default {
  rootDir: '.',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/test/browser/'],
  // Also every beforeAll's: starting an app and its fixtures took over 30 s on a loaded machine.
  testTimeout: 60000,
  globalTeardown: '<rootDir>/test/utils/global-teardown.mjs',
  maxWorkers: 2,
  // Each test file re-imports the whole app into a worker (ESM in vm modules), and a worker's memory
  // grows by ~100 MB a file: by the end of a run the last files crawled in GC and timed out in
  // beforeAll (CI, 2026-12-06). A worker above this size after a file is replaced by a fresh one.
  workerIdleMemoryLimit: '1GB',
  reporters: ['default', '<rootDir>/test/utils/skipped-reporter.mjs'],
};
