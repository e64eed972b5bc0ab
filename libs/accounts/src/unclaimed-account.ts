/**
 * The password hash of an account made for someone else (the members import): not a hash of anything,
 * so no password verifies against it. Such an account is unclaimed until its person sets a password
 * (through an invitation link, or a password reset).
 */
export const UNCLAIMED_PASSWORD_HASH = '!imported:no-password';
