/** Machine-readable reasons (extensions.reason) for the members feature's refusals. */
export enum MembersErrorReason {
  ALREADY_A_MEMBER = 'ALREADY_A_MEMBER',
  TIER_INACTIVE = 'TIER_INACTIVE',
  TIER_NAME_TAKEN = 'TIER_NAME_TAKEN',
  WRONG_STATUS = 'WRONG_MEMBERSHIP_STATUS',
}
