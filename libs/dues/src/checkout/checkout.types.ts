import { ArgsType, Field, ID, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString, IsUrl, IsUUID, Matches, MaxLength } from 'class-validator';

@ObjectType('CheckoutSession')
export class CheckoutSession {
  @Field(() => ID, { description: "Stripe's Checkout Session id (cs_…)." }) id: string;
  @Field({ description: "Send the member here: Stripe's payment page." }) url: string;
}

@ArgsType()
export class StartDuesCheckoutArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'membershipId must be a membership id' })
  membershipId: string;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: true,
    description: 'A subscription that renews each period (true), or a one-time payment. Ignored for lifetime tiers.',
  })
  @IsOptional()
  @IsBoolean()
  autoRenew?: boolean | null;
}

@ArgsType()
export class ConfirmCheckoutArgs {
  @Field({ description: 'The session_id Stripe appended to the success URL.' })
  @IsString()
  @MaxLength(255)
  @Matches(/^cs_[A-Za-z0-9_]+$/, { message: 'sessionId must be a Stripe Checkout Session id (cs_…)' })
  sessionId: string;
}

@ArgsType()
export class BillingPortalArgs {
  @Field(() => String, { nullable: true, description: 'Where Stripe sends the member back; a page of this site (default: the account page).' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'returnUrl must be an http(s) URL' })
  @MaxLength(2000)
  returnUrl?: string | null;
}
