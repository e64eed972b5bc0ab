import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

@ObjectType('RetentionSettings')
export class RetentionSettings {
  @Field(() => Int, { nullable: true, description: 'Erase people whose last membership ended this many days ago (null: never).' }) lapsedMemberDays: number | null;
  @Field(() => Int, { description: 'Blank the bodies of sent email after this many days.' }) outboxBodyDays: number;
  @Field(() => Int, { description: 'Forget failed log-ins after this many days.' }) loginFailureDays: number;
  @Field(() => Int, { nullable: true, description: 'Delete audit entries after this many days (null: keep them).' }) auditEntryDays: number | null;
}

@InputType()
export class UpdateRetentionSettingsInput {
  @Field(() => Int, { nullable: true, description: 'At least 30; null turns it off.' })
  @IsOptional()
  @IsInt()
  @Min(30)
  @Max(36500)
  lapsedMemberDays?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(36500)
  outboxBodyDays?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(36500)
  loginFailureDays?: number;

  @Field(() => Int, { nullable: true, description: 'At least 365; null keeps them.' })
  @IsOptional()
  @IsInt()
  @Min(365)
  @Max(36500)
  auditEntryDays?: number | null;
}
