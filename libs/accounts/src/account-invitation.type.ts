import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('AccountInvitationResult')
export class AccountInvitationResult {
  @Field(() => Int, { description: 'Invitations sent now.' }) invited: number;
  @Field(() => Int, { description: 'Of the ids given: already claimed (they have a password) or unknown.' }) skipped: number;
  @Field(() => Int, { description: 'Unclaimed accounts still without a live invitation (call again with allUnclaimed for the next batch).' })
  remaining: number;
}
