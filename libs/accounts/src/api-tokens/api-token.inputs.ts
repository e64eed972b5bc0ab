import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsDate, IsEnum, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { Trim } from '../../../core/src/index.js';
import { API_TOKEN_SCOPES, ApiTokenKind } from './api-token-scope.js';

@InputType()
export class CreateApiTokenInput {
  @Field()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(100)
  name: string;

  @Field(() => [String], { description: `Any of ${API_TOKEN_SCOPES.join(', ')}; each must be one the owner holds.` })
  @ArrayMinSize(1, { message: 'scopes must name at least one scope' })
  @ArrayMaxSize(API_TOKEN_SCOPES.length)
  @ArrayUnique({ message: 'scopes must not repeat a scope' })
  @IsIn(API_TOKEN_SCOPES, { each: true, message: `each scope must be one of ${API_TOKEN_SCOPES.join(', ')}` })
  scopes: string[];

  @Field(() => Date, { nullable: true, description: 'Default 90 days from now; at most 366 days.' })
  @IsOptional()
  @IsDate()
  expiresAt?: Date;

  @Field(() => ApiTokenKind, { nullable: true, description: 'PERSONAL (default), or SERVICE (admins only).' })
  @IsOptional()
  @IsEnum(ApiTokenKind)
  kind?: ApiTokenKind;
}

@ArgsType()
export class ApiTokenIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a token id' })
  id: string;
}
