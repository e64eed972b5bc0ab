import { Trim } from '../../../core/src/index.js';
import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/** Skills are compared case-insensitively: stored trimmed, lower-case, without duplicates. */
const normaliseSkills = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? [...new Set(value.map((s) => (typeof s === 'string' ? s.trim().toLowerCase() : s)))] : value;

export const MAX_SKILLS = 50;
export const MAX_SKILL_LENGTH = 60;

@InputType()
export class UpdateProfileInput {
  @Field({ nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  fullName?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  headline?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  bio?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  location?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  employer?: string | null;

  @Field(() => [String], { nullable: true, description: `Up to ${MAX_SKILLS}, each up to ${MAX_SKILL_LENGTH} characters.` })
  @IsOptional()
  @Transform(normaliseSkills)
  @IsArray()
  @ArrayMaxSize(MAX_SKILLS)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(MAX_SKILL_LENGTH, { each: true })
  skills?: string[];

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  directoryVisible?: boolean;
}
