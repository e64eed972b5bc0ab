/** Jest runs the TypeScript sources through swc as native ES modules (no type-check: `npm run typecheck` does that). */
export default {
  rootDir: '.',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/test/browser/', '<rootDir>/apps/web/'],
  testTimeout: 30000,
  globalTeardown: '<rootDir>/test/utils/global-teardown.mjs',
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/test/utils/skipped-reporter.mjs'],
};
