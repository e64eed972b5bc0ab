import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayUnique, IsIn, IsString, MaxLength } from 'class-validator';
import { ALL_STAFF_PERMISSIONS } from '../../../core/src/index.js';

export const TOTP_REQUIRABLE = ['ADMIN', ...ALL_STAFF_PERMISSIONS] as const;

@ObjectType()
export class TotpEnrollment {
  @Field({ description: 'Base32, for typing into an app by hand.' }) secret: string;
  @Field() otpauthUrl: string;
  @Field({ description: 'The otpauth URL as a QR code (SVG markup).' }) qrCodeSvg: string;
}

@ObjectType()
export class TwoFactorStatus {
  @Field() enabled: boolean;
  @Field(() => Int) recoveryCodesLeft: number;
}

@ObjectType()
export class SecuritySettings {
  @Field(() => [String], { description: 'Staff rights (or ADMIN) whose holders must sign in with a second factor to use them.' })
  totpRequiredFor: string[];
}

@ArgsType()
export class TotpCodeArgs {
  @Field({ description: 'The six digits from the app (disableTotp also takes a recovery code).' })
  @IsString()
  @MaxLength(32)
  code: string;
}

@ArgsType()
export class SetTotpRequiredForArgs {
  @Field(() => [String], { description: `Any of ${TOTP_REQUIRABLE.join(', ')}; empty: nobody is required.` })
  @ArrayMaxSize(TOTP_REQUIRABLE.length)
  @ArrayUnique({ message: 'rights must not repeat' })
  @IsIn(TOTP_REQUIRABLE, { each: true, message: `each right must be one of ${TOTP_REQUIRABLE.join(', ')}` })
  rights: string[];
}
