import { ArgsType, Field } from '@nestjs/graphql';
import { IsDate, IsOptional } from 'class-validator';

@ArgsType()
export class TranscriptArgs {
  @Field(() => Date, { nullable: true, description: 'From this moment (inclusive); default: the beginning.' })
  @IsOptional()
  @IsDate()
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Up to this moment (exclusive); default: now.' })
  @IsOptional()
  @IsDate()
  to?: Date | null;
}
