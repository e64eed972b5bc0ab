import { ArgsType, Field, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { trimToNull } from '../inputs/trim.js';
import { PairStatus } from '../mentoring.enums.js';
import { PairIdArgs } from './id.args.js';

@ArgsType()
export class PairFeedbackArgs extends PairIdArgs {
  @Field(() => Int, { description: '1 (poor) to 5 (excellent).' })
  @IsInt()
  @Min(1)
  @Max(5)
  rating: number;

  @Field({ description: 'false flags the pair for the program admins.' })
  @IsBoolean()
  goodFit: boolean;

  @Field(() => String, { nullable: true, description: 'Seen by admins only.' })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @MaxLength(2000)
  comment?: string | null;
}

@ArgsType()
export class EndPairArgs extends PairIdArgs {
  @Field(() => PairStatus, { description: 'COMPLETED or ENDED_EARLY.' })
  @IsEnum(PairStatus)
  outcome: PairStatus;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @MaxLength(1000)
  reason?: string | null;
}
