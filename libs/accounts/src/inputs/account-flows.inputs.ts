import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsEmail, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { ConnectionArgs, Trim } from '../../../core/src/index.js';
import { INVITATIONS_PER_CALL } from '../account-claim.service.js';
import { PASSWORD_MAX, PASSWORD_MIN } from './auth.inputs.js';

/** A link token as the API gives them out: 32 bytes of base64url (43 characters); anything else is refused early. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
const TOKEN_MESSAGE = 'token is not a link token: copy the whole link from the email';

@ArgsType()
export class TokenArgs {
  @Field({ description: 'The `token` parameter of the emailed link.' })
  @IsString()
  @Matches(TOKEN_SHAPE, { message: TOKEN_MESSAGE })
  token: string;
}

@ArgsType()
export class RequestPasswordResetArgs {
  @Field()
  @Trim()
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;
}

@ArgsType()
export class ResetPasswordArgs extends TokenArgs {
  @Field()
  @IsString()
  @MinLength(PASSWORD_MIN, { message: `newPassword must be at least ${PASSWORD_MIN} characters` })
  @MaxLength(PASSWORD_MAX)
  newPassword: string;
}

@ArgsType()
export class ClaimAccountArgs extends TokenArgs {
  @Field()
  @IsString()
  @MinLength(PASSWORD_MIN, { message: `password must be at least ${PASSWORD_MIN} characters` })
  @MaxLength(PASSWORD_MAX)
  password: string;
}

@ArgsType()
export class SendAccountInvitationsArgs {
  @Field(() => [ID], { nullable: true, description: `These accounts (at most ${INVITATIONS_PER_CALL}); a new link replaces an earlier one.` })
  @IsOptional()
  @ArrayMinSize(1, { message: 'userIds must not be empty' })
  @ArrayMaxSize(INVITATIONS_PER_CALL)
  @IsUUID('all', { each: true, message: 'userIds must be user ids' })
  userIds?: string[];

  @Field({ nullable: true, description: `Or: the next ${INVITATIONS_PER_CALL} unclaimed accounts with no live invitation.` })
  @IsOptional()
  @IsBoolean()
  allUnclaimed?: boolean;
}

@ArgsType()
export class RequestEmailChangeArgs {
  @Field()
  @Trim()
  @IsEmail({}, { message: 'newEmail must be a valid email address' })
  @MaxLength(254)
  newEmail: string;

  @Field()
  @IsString()
  @MaxLength(PASSWORD_MAX)
  currentPassword: string;
}

@ArgsType()
export class SessionIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a session id' })
  id: string;
}

@ArgsType()
export class MySessionsArgs extends ConnectionArgs {}
