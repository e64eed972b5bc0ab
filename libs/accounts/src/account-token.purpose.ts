import { registerEnumType } from '@nestjs/graphql';

/** What a link token is for, and how long each kind lives. */
export enum AccountTokenPurpose {
  PASSWORD_RESET = 'PASSWORD_RESET',
  ACCOUNT_CLAIM = 'ACCOUNT_CLAIM',
  EMAIL_VERIFICATION = 'EMAIL_VERIFICATION',
  EMAIL_CHANGE = 'EMAIL_CHANGE',
}

registerEnumType(AccountTokenPurpose, { name: 'AccountLinkPurpose', description: 'What an emailed account link is for.' });

const HOUR = 3600;

export const TOKEN_TTL_SECONDS: Record<AccountTokenPurpose, number> = {
  [AccountTokenPurpose.PASSWORD_RESET]: HOUR,
  [AccountTokenPurpose.ACCOUNT_CLAIM]: 14 * 24 * HOUR,
  [AccountTokenPurpose.EMAIL_VERIFICATION]: 7 * 24 * HOUR,
  [AccountTokenPurpose.EMAIL_CHANGE]: 24 * HOUR,
};
