/**
 * An imported account's password hash: not a hash of anything, so no password verifies against it.
 * The person cannot log in until they set a password (a reset flow).
 */
export const UNUSABLE_PASSWORD_HASH = '!imported:no-password';
