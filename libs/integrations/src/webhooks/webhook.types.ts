import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '../../../core/src/index.js';
import { WebhookDeliveryStatus } from './webhook-delivery.entity.js';

registerEnumType(WebhookDeliveryStatus, { name: 'WebhookDeliveryStatus' });

@ObjectType('WebhookEndpoint')
export class WebhookEndpoint {
  @Field(() => ID) id: string;
  @Field() url: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => [String]) events: string[];
  @Field() enabled: boolean;
  @Field(() => String, { nullable: true, description: 'Why it was switched off automatically.' }) disabledReason: string | null;
  @Field(() => Date, { nullable: true, description: 'Since when every attempt has failed.' }) failingSince: Date | null;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@ObjectType()
export class WebhookEndpointCreated {
  @Field(() => WebhookEndpoint) endpoint: WebhookEndpoint;
  @Field({ description: 'Signs every request (Guildhall-Signature). Shown this once.' }) secret: string;
}

@ObjectType()
export class WebhookEndpointSecretRolled {
  @Field(() => WebhookEndpoint) endpoint: WebhookEndpoint;
  @Field({ description: 'The new signing secret. Shown this once.' }) secret: string;
}

@ObjectType('WebhookAttempt')
export class WebhookAttempt {
  @Field(() => ID) id: string;
  @Field() attemptedAt: Date;
  @Field(() => Int, { nullable: true, description: 'Null when no HTTP answer came.' }) statusCode: number | null;
  @Field(() => Int) latencyMs: number;
  @Field(() => String, { nullable: true }) error: string | null;
  @Field(() => String, { nullable: true }) responseExcerpt: string | null;
}

@ObjectType('WebhookDelivery')
export class WebhookDelivery {
  @Field(() => ID) id: string;
  @Field(() => ID) endpointId: string;
  @Field(() => ID, { description: 'Sent as Guildhall-Event-Id; the same on every attempt and resend.' }) eventId: string;
  @Field() eventType: string;
  @Field(() => WebhookDeliveryStatus) status: WebhookDeliveryStatus;
  @Field(() => Int) attempts: number;
  @Field(() => Date, { nullable: true }) nextAttemptAt: Date | null;
  @Field(() => Int, { nullable: true }) lastStatusCode: number | null;
  @Field(() => String, { nullable: true }) lastError: string | null;
  @Field(() => Date, { nullable: true }) deliveredAt: Date | null;
  @Field() createdAt: Date;
}

@ObjectType()
export class WebhookDeliveryConnection extends Connection(WebhookDelivery) {}
