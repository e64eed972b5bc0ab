import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { Trim } from '../graphql/transforms.js';

@ObjectType('Association', { description: 'What anyone may know about the association (the public pages read it).' })
export class Association {
  @Field() name: string;
  @Field({ description: 'Paying dues, applying and registering wait until the account email is verified.' })
  requireVerifiedEmail: boolean;
}

@ObjectType('AssociationSettings', { description: 'Admin: every association-level setting.' })
export class AssociationSettings extends Association {
  @Field() updatedAt: Date;
}

@InputType()
export class UpdateAssociationSettingsInput {
  @Field({ nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200)
  name?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  requireVerifiedEmail?: boolean;
}
