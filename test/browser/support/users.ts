/** Accounts and data for browser specs, made through the API (the same factories as the e2e tests). */
export { createAdminUser, logIn, signUpUser, uniqueEmail, type TestUser } from '../../factories/users.js';
export { createTier } from '../../factories/tiers.js';
export { createEvent, register } from '../../factories/events.js';
export { createGroup, goodStandingTier, memberInGoodStanding } from '../../factories/communities.js';
export { applyFor } from '../../factories/tiers.js';
