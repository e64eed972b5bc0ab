import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

@ArgsType()
export class RequestErasureArgs {
  @Field(() => ID, { nullable: true, description: 'Omit (or your own id) for your account; another id needs MEMBERSHIP_MANAGER.' })
  @IsOptional()
  @IsUUID('all', { message: 'userId must be a user id' })
  userId?: string;
}

@ArgsType()
export class ConfirmErasureArgs {
  @Field()
  @IsString()
  @MaxLength(100)
  token: string;
}
