import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsBoolean, IsUUID } from 'class-validator';

@ArgsType()
export class SetAutoRenewArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'membershipId must be a membership id' })
  membershipId: string;

  @Field()
  @IsBoolean()
  autoRenew: boolean;
}

@ArgsType()
export class ChangeTierArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'membershipId must be a membership id' })
  membershipId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'tierId must be a tier id' })
  tierId: string;
}
