import browser from './jest.browser.config.mjs';

/** `npm run screenshots`: pictures of the portal for the README (docs/screenshots). Not a test. */
export default { ...browser, testMatch: ['<rootDir>/test/browser/screenshots/*.screenshots.ts'] };
