import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@ArgsType()
export class DataExportUserArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'userId must be a user id' })
  userId: string;
}
