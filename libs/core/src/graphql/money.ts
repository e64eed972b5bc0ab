import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsString, Matches, Max, Min, registerDecorator, ValidationOptions } from 'class-validator';

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

export function isIsoCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && CURRENCIES.has(code);
}

export function IsIsoCurrency(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isIsoCurrency',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be an ISO 4217 currency code such as USD or EUR', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isIsoCurrency(value) },
    });
}

@ObjectType({ description: 'An amount of money in minor units (cents) of an ISO 4217 currency.' })
export class Money {
  @Field(() => Int, { description: 'Minor units, e.g. 1999 for 19.99 USD.' }) amount: number;
  @Field({ description: 'ISO 4217 code, upper case.' }) currency: string;
}

@InputType()
export class MoneyInput {
  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  amount: number;

  @Field()
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: '$property must be three upper-case letters' })
  @IsIsoCurrency()
  currency: string;
}

export const money = (amount: number, currency: string): Money => ({ amount, currency });
