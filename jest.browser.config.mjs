import base from './jest.config.mjs';

/**
 * `npm run test:browser`: the specs under test/browser drive the built portal (dist/web) in
 * Debian's Chromium against the real API. One file at a time: each starts an API and a browser.
 */
export default {
  ...base,
  testMatch: ['<rootDir>/test/browser/**/*.browser.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 60000,
  maxWorkers: 1,
};
