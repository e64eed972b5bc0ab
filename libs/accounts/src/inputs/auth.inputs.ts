import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEmail, IsEnum, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ALL_STAFF_PERMISSIONS, Role, StaffPermission, Trim } from '../../../core/src/index.js';


/** Passwords: at least 10 characters; at most 200 (argon2 has no need for more, and it bounds the work). */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

@InputType()
export class SignUpInput {
  @Field()
  @Trim()
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;

  @Field()
  @IsString()
  @MinLength(PASSWORD_MIN, { message: `password must be at least ${PASSWORD_MIN} characters` })
  @MaxLength(PASSWORD_MAX)
  password: string;

  @Field()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'fullName must not be empty' })
  @MaxLength(200)
  fullName: string;
}

@InputType()
export class LogInInput {
  @Field()
  @Trim()
  @IsString()
  @MaxLength(254)
  email: string;

  @Field()
  @IsString()
  @MaxLength(PASSWORD_MAX)
  password: string;

  @Field(() => String, { nullable: true, description: 'The six digits of the authenticator app, for accounts with two-factor sign-in.' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  totpCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Instead of totpCode: one of the recovery codes (each works once).' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  recoveryCode?: string | null;
}

@ArgsType()
export class RefreshTokenArgs {
  @Field(() => String, { nullable: true, description: 'Omit in a browser session: the `guildhall_refresh` cookie is used.' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  refreshToken?: string | null;
}

@ArgsType()
export class ChangePasswordArgs {
  @Field()
  @IsString()
  @MaxLength(PASSWORD_MAX)
  currentPassword: string;

  @Field()
  @IsString()
  @MinLength(PASSWORD_MIN, { message: `newPassword must be at least ${PASSWORD_MIN} characters` })
  @MaxLength(PASSWORD_MAX)
  newPassword: string;
}

@ArgsType()
export class SetUserRoleArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'userId must be a user id' })
  userId: string;

  @Field(() => Role)
  @IsEnum(Role)
  role: Role;
}

@ArgsType()
export class SetStaffPermissionsArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'userId must be a user id' })
  userId: string;

  @Field(() => [StaffPermission], { description: 'The full set the account should hold afterwards (empty revokes every one).' })
  @IsArray()
  @ArrayMaxSize(ALL_STAFF_PERMISSIONS.length)
  @IsEnum(StaffPermission, { each: true })
  permissions: StaffPermission[];
}
