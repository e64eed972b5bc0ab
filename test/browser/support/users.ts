/** Accounts for browser specs, made through the API (the same factories as the e2e tests). */
export { createAdminUser, logIn, signUpUser, uniqueEmail, type TestUser } from '../../factories/users.js';
export { createTier } from '../../factories/tiers.js';
