/**
 * The User fields members resolves from the person's id alone (the profile fields, through the profile loader, and
 * the membership): a list reading users for its rows needs no other user column for them (accounts' `userFieldsAsked`).
 */
export const MEMBER_USER_FIELDS: ReadonlySet<string> = new Set(['headline', 'bio', 'location', 'employer', 'skills', 'directoryVisible', 'membership']);
