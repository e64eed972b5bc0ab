import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { ConnectionArgs, DOMAIN_EVENT_TYPES, Trim } from '../../../core/src/index.js';

const URL_RULES = { protocols: ['http', 'https'], require_protocol: true, require_tld: false, allow_underscores: true, disallow_auth: true };
const EVENTS_MESSAGE = `each event must be one of ${DOMAIN_EVENT_TYPES.join(', ')}`;

@InputType()
export class CreateWebhookEndpointInput {
  @Field()
  @Trim()
  @IsUrl(URL_RULES, { message: 'url must be an http(s) URL without credentials' })
  @MaxLength(2000)
  url: string;

  @Field(() => [String], { description: `Any of ${DOMAIN_EVENT_TYPES.join(', ')}.` })
  @ArrayMinSize(1, { message: 'events must name at least one event' })
  @ArrayMaxSize(DOMAIN_EVENT_TYPES.length)
  @ArrayUnique({ message: 'events must not repeat an event' })
  @IsIn(DOMAIN_EVENT_TYPES, { each: true, message: EVENTS_MESSAGE })
  events: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  description?: string;
}

@InputType()
export class UpdateWebhookEndpointInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsUrl(URL_RULES, { message: 'url must be an http(s) URL without credentials' })
  @MaxLength(2000)
  url?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1, { message: 'events must name at least one event' })
  @ArrayMaxSize(DOMAIN_EVENT_TYPES.length)
  @ArrayUnique({ message: 'events must not repeat an event' })
  @IsIn(DOMAIN_EVENT_TYPES, { each: true, message: EVENTS_MESSAGE })
  events?: string[];

  @Field(() => Boolean, { nullable: true, description: 'Switching it on again clears the failure record.' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  description?: string;
}

@ArgsType()
export class WebhookEndpointIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a webhook endpoint id' })
  id: string;
}

/** Longest a rolled secret's predecessor keeps signing. */
export const MAX_PREVIOUS_SECRET_HOURS = 72;

@ArgsType()
export class RollWebhookEndpointSecretArgs extends WebhookEndpointIdArgs {
  @Field(() => Int, { defaultValue: 24, description: `How long the replaced secret also signs, in hours (0 to ${MAX_PREVIOUS_SECRET_HOURS}; 0: it stops now).` })
  @IsInt()
  @Min(0, { message: `keepPreviousForHours must be between 0 and ${MAX_PREVIOUS_SECRET_HOURS}` })
  @Max(MAX_PREVIOUS_SECRET_HOURS, { message: `keepPreviousForHours must be between 0 and ${MAX_PREVIOUS_SECRET_HOURS}` })
  keepPreviousForHours: number = 24;
}

@ArgsType()
export class WebhookDeliveryIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'deliveryId must be a webhook delivery id' })
  deliveryId: string;
}

@ArgsType()
export class WebhookDeliveriesArgs extends ConnectionArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'endpointId must be a webhook endpoint id' })
  endpointId: string;
}
