import { Field, ObjectType } from '@nestjs/graphql';
import { AccountTokenPurpose } from './account-token.purpose.js';

@ObjectType('AccountLink', { description: 'An emailed link that still works, as the page it opens may show it.' })
export class AccountLink {
  @Field(() => AccountTokenPurpose) purpose: AccountTokenPurpose;
  @Field({ description: 'The address the link was sent to (for an email change, the new one).' }) email: string;
  @Field() expiresAt: Date;
}
