import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsBoolean, IsIn, IsOptional, IsString, IsUrl, IsUUID, MaxLength } from 'class-validator';
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
