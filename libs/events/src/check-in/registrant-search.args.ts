import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Trim } from '../../../core/src/index.js';
import { NAME_SEARCH_MAX_PAGE } from './registrant-search.service.js';

@ArgsType()
export class RegistrantSearchArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'eventId must be an event id' })
  eventId: string;

  @Field({ description: 'Words of the registrant’s name (each must appear), e.g. "ada lov".' })
  @Trim()
  @IsString()
  @MinLength(2, { message: 'name must have at least 2 characters' })
  @MaxLength(100)
  name: string;

  @Field(() => Int, { nullable: true, description: `Page size, 1 to ${NAME_SEARCH_MAX_PAGE} (default ${NAME_SEARCH_MAX_PAGE}).` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(NAME_SEARCH_MAX_PAGE)
  first?: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  after?: string;
}
