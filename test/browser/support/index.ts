export { expectAccessible } from './axe.js';
export { collectProblems, launchBrowser, VIEWPORTS, type ViewportName } from './browser.js';
export { startPortal, type Portal } from './portal.js';
export * from './users.js';
