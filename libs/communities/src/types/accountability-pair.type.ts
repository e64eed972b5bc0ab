import { Field, Int, ObjectType } from '@nestjs/graphql';

/** Two partners (three when the group is odd); `members` resolves through the users loader. */
@ObjectType('AccountabilityPair')
export class AccountabilityPair {
  @Field(() => Int, { description: 'The pairing round, 1 for the first.' }) round: number;
  memberIds: string[];
  @Field() createdAt: Date;
}
